import { useEffect, useState } from 'react'
import { useRequestId } from '@/hooks/useRequestId'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Input, Textarea } from '@tarojs/components'
import { activityCategories, type CancelPolicy } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { audienceLabels, cancelPolicyLabels } from '@/components/activity/activity-labels'
import { activityApi } from '@/components/activity/api'
import { planApi } from '@/components/plan/api'
import { messageOf } from '@/services/call'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { FieldsEditor } from '../../components/FieldsEditor'
import { DateTimeField } from '../../components/DateTimeField'
import { CoverPicker } from '../../components/CoverPicker'
import { publishSummary } from '../../components/publish-summary'
import { blankForm, formOf, toEditable, type ActivityForm } from './form'
import '../../components/form.scss'

const AUDIENCES = Object.entries(audienceLabels) as Array<[ActivityForm['audienceKind'], string]>
const POLICIES = Object.entries(cancelPolicyLabels) as Array<[CancelPolicy, string]>
const labelOf = <K extends string>(pairs: Array<[K, string]>, key: K) => pairs.find(([k]) => k === key)![1]
const keyOf = <K extends string>(pairs: Array<[K, string]>, label: string) => pairs.find(([, l]) => l === label)![0]
const yesNo = ['是', '否'] as const

/**
 * 新建 / 编辑活动 (drafts only): saved as a draft, or saved and published in one go after the organiser
 * has seen what will be published. A new draft is created once however often 保存 is tapped (requestId);
 * an edit names the revision it was filled from.
 */
export default function EditActivityPage() {
  const { params } = useRouter()
  // Opened from a 工作计划 item (按此事项新建活动): its title and day fill the form; the item is linked after saving.
  const planItem = params.planItem ? { id: params.planItem, revision: Number(params.planRevision) } : null
  const [form, setForm] = useState<ActivityForm | null>(params.id ? null : blankForm(Date.now(), { title: params.title && decodeURIComponent(params.title), date: params.date }))
  const [loadError, setLoadError] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [requestId] = useRequestId()
  const [revision, setRevision] = useState(0)
  const [coverUrl, setCoverUrl] = useState<string | undefined>()
  useEffect(() => {
    if (!params.id) return
    void Taro.setNavigationBarTitle({ title: '编辑活动' })
    activityApi.editable(params.id).then((r) => {
      setForm(formOf(r.activity))
      setRevision(r.revision)
      setCoverUrl(r.coverUrl)
    }, (err) => setLoadError(messageOf(err)))
  }, [params.id])

  if (loadError) return <PageShell><ErrorState message={loadError} /></PageShell>
  if (!form) return <PageShell><LoadingState /></PageShell>
  const set = <K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) => setForm({ ...form, [key]: value })

  const save = async (andPublish: boolean) => {
    const activity = toEditable(form)
    if (andPublish) {
      const ok = await Taro.showModal({ title: '保存并发布？', content: publishSummary(activity), confirmText: '确认发布', cancelText: '再改改' })
      if (!ok.confirm) return
    }
    setBusy(true)
    setError('')
    try {
      const saved = await activityApi.save({ ...(params.id ? { id: params.id, revision } : { requestId }), activity })
      if (andPublish) await activityApi.publish(saved.id)
      const linked = planItem ? await planApi.linkItem(planItem.id, planItem.revision, { kind: 'activity', id: saved.id }).then(() => true, () => false) : true
      if (!linked) await Taro.showModal({ title: '活动已保存', content: '关联计划事项没有成功（事项可能刚被别人修改），请到工作计划的事项里关联这个活动。', showCancel: false })
      else void Taro.showToast({ title: andPublish ? '已发布' : '已存为草稿', icon: 'success' })
      void Taro.redirectTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(saved.id)}` })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <View className='form'>
        <Field label='活动名称'><Input className='input' placeholder='如 2026年冬季教职工羽毛球赛' value={form.title} onInput={(e) => set('title', e.detail.value)} name='title' /></Field>
        <Field label='类别'><Choice name='category' options={activityCategories} value={form.category} onChange={(v) => set('category', v)} /></Field>
        <Field label='地点'><Input className='input' value={form.place} onInput={(e) => set('place', e.detail.value)} name='place' /></Field>
        <Field label='活动开始'><DateTimeField testId='start' date={form.startDate} time={form.startTime} onChange={(d, t) => setForm({ ...form, startDate: d, startTime: t })} /></Field>
        <Field label='活动结束'><DateTimeField testId='end' date={form.endDate} time={form.endTime} onChange={(d, t) => setForm({ ...form, endDate: d, endTime: t })} /></Field>
        <Field label='报名开始'><DateTimeField testId='signup-start' date={form.signupStartDate} time={form.signupStartTime} onChange={(d, t) => setForm({ ...form, signupStartDate: d, signupStartTime: t })} /></Field>
        <Field label='报名截止' hint='须在活动开始之前'><DateTimeField testId='signup-end' date={form.signupEndDate} time={form.signupEndTime} onChange={(d, t) => setForm({ ...form, signupEndDate: d, signupEndTime: t })} /></Field>
        <Field label='名额' hint='0 表示不限名额'><Input className='input' type='number' value={form.capacity} onInput={(e) => set('capacity', e.detail.value)} name='capacity' /></Field>
        <Field label='满员后允许候补'><Choice name='waitlist' options={yesNo} value={form.waitlist ? '是' : '否'} onChange={(v) => set('waitlist', v === '是')} /></Field>
        <Field label='报名对象'>
          <Choice name='audience' options={AUDIENCES.map(([, l]) => l)} value={labelOf(AUDIENCES, form.audienceKind)} onChange={(v) => set('audienceKind', keyOf(AUDIENCES, v))} />
          {form.audienceKind === 'departments' ? <Input className='input' placeholder='部门，用顿号分开，如 语文组、数学组' value={form.departments} onInput={(e) => set('departments', e.detail.value)} /> : null}
        </Field>
        <Field label='取消规则'><Choice name='cancelPolicy' options={POLICIES.map(([, l]) => l)} value={labelOf(POLICIES, form.cancelPolicy)} onChange={(v) => set('cancelPolicy', keyOf(POLICIES, v))} /></Field>
        <Field label='需要组织者审核'><Choice name='needsApproval' options={yesNo} value={form.needsApproval ? '是' : '否'} onChange={(v) => set('needsApproval', v === '是')} /></Field>
        <Field label='可携带家属'>
          <Choice name='guests' options={yesNo} value={form.guestsAllowed ? '是' : '否'} onChange={(v) => set('guestsAllowed', v === '是')} />
          {form.guestsAllowed ? (
            <View>
              <Input className='input' type='number' placeholder='每人最多带几位' value={form.guestsMax} onInput={(e) => set('guestsMax', e.detail.value)} />
              <Choice name='guestsCount' options={['家属占名额', '家属不占名额'] as const} value={form.guestsCount ? '家属占名额' : '家属不占名额'} onChange={(v) => set('guestsCount', v === '家属占名额')} />
            </View>
          ) : null}
        </Field>
        <Field label='限制参加频次' hint='如 疗休养：每位会员每 3 年限参加一次（同一系列名称的活动之间计算）'>
          <Choice name='frequency' options={yesNo} value={form.frequencyOn ? '是' : '否'} onChange={(v) => set('frequencyOn', v === '是')} />
          {form.frequencyOn ? (
            <View>
              <Input className='input' placeholder='系列名称，如 疗休养' value={form.frequencyKey} onInput={(e) => set('frequencyKey', e.detail.value)} />
              <Input className='input' type='number' placeholder='年数' value={form.frequencyYears} onInput={(e) => set('frequencyYears', e.detail.value)} />
            </View>
          ) : null}
        </Field>
        <Field label='报名时填写'><FieldsEditor fields={form.fields} onChange={(f) => set('fields', f)} /></Field>
        <Field label='封面图'><CoverPicker fileId={form.coverFileId} currentUrl={coverUrl} onChange={(id) => set('coverFileId', id)} /></Field>
        <Field label='活动介绍'><Textarea className='textarea' maxlength={2000} value={form.description} onInput={(e) => set('description', e.detail.value)} /></Field>
      </View>
      {error ? <View className='summary'><View className='field__error' role='alert'>{error}</View></View> : null}
      <View className='actions'>
        <AppButton block disabled={busy} onClick={() => void save(true)}>保存并发布</AppButton>
        <AppButton block variant='secondary' disabled={busy} onClick={() => void save(false)}>存为草稿</AppButton>
      </View>
    </PageShell>
  )
}
