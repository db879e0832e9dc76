import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { welfareFunds, welfareReasons, type WelfareReason } from '../../../../../types/welfare'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { welfareApi } from '@/components/welfare/api'
import { CallError, messageOf } from '@/services/call'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { PersonSearch } from '../../components/PersonSearch'
import { VisitorChips } from '../../components/VisitorChips'
import { GiftRows } from '../../components/GiftRows'
import { PhotoUploader } from '../../components/PhotoUploader'
import { todayShanghai } from '@/utils/time'
import { useRequestId } from '@/hooks/useRequestId'
import { blankForm, formOf, useVisitForm, visitInput } from './useVisitForm'
import '../../components/form.scss'

type Mode = 'new' | 'complete' | 'correct'

/** 记录慰问 (new), 登记完成 (a planned visit, e.g. from a holiday plan) and 更正 (keeps history). */
export default function WelfareRecordPage() {
  const { params } = useRouter()
  const mode: Mode = params.mode === 'complete' || params.mode === 'correct' ? params.mode : 'new'
  const [loadError, setLoadError] = useState('')
  const [loaded, setLoaded] = useState(mode === 'new')
  const initial = blankForm((params.reason as WelfareReason) || '节日慰问')
  // From the 待办 list: the person is already known.
  if (params.memberId && params.name) initial.person = { id: params.memberId, name: decodeURIComponent(params.name), department: '', status: '在职', hardship: false }
  const { form, set, setForm } = useVisitForm(initial)
  const [wasDone, setWasDone] = useState(false)
  // A new visit is created once however often 保存 is tapped; a change is made against the revision shown.
  const [requestId] = useRequestId()
  const [revision, setRevision] = useState(0)
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (mode === 'new' || !params.id) return
    void Taro.setNavigationBarTitle({ title: mode === 'complete' ? '登记完成' : '更正慰问记录' })
    welfareApi.get(params.id).then((v) => {
      const f = formOf(v)
      // Ticking off a plan dated ahead: the visit happened today (or earlier, if changed).
      if (mode === 'complete' && f.visitDate > todayShanghai()) f.visitDate = todayShanghai()
      setForm(f)
      setWasDone(v.state === 'done')
      setRevision(v.revision)
      setLoaded(true)
    }, (err) => setLoadError(messageOf(err)))
  }, [mode, params.id, setForm])

  if (loadError) return <PageShell><ErrorState message={loadError} /></PageShell>
  if (!loaded) return <PageShell><LoadingState text='正在加载…' /></PageShell>

  const submit = async () => {
    setSaving(true)
    setError(null)
    try {
      if (mode === 'complete') {
        await welfareApi.complete({
          id: params.id!, revision, visitDate: form.visitDate, visitorIds: form.visitorIds, cashYuan: form.cashYuan.trim() || '0',
          gifts: visitInput(form).gifts, photos: form.photos.map((p) => p.fileId), notes: form.notes,
        })
      } else if (mode === 'correct') {
        await welfareApi.correct({ id: params.id!, revision, ...visitInput(form), correction: form.correction })
      } else {
        if (form.recipientKind === '会员' && !form.person) throw new CallError('failure', '请先选择受慰问人', 'BAD_INPUT')
        await welfareApi.record({ requestId, ...visitInput(form), state: form.planned ? 'planned' : 'done' })
      }
      void Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/welfare/pages/list/index' })), 600)
    } catch (err) {
      const fields: Record<string, string> = {}
      if (err instanceof CallError) for (const i of err.issues ?? []) fields[i.path[0] ?? ''] ??= i.message
      setError({ message: messageOf(err), fields })
    } finally {
      setSaving(false)
    }
  }
  const f = error?.fields ?? {}
  const fixed = mode === 'complete'

  return (
    <PageShell>
      <View className='form'>
        {fixed ? (
          <Field label='受慰问人'><Text>{`${form.person?.name ?? form.otherName} · ${form.reason}`}</Text></Field>
        ) : (
          <>
            <Field label='受慰问人' error={f.recipient}>
              <Choice name='recipientKind' options={['会员', '非会员'] as const} value={form.recipientKind} onChange={(v) => set('recipientKind', v)} />
              {form.recipientKind === '会员' ? (
                <PersonSearch chosen={form.person} onChoose={(p) => set('person', p)} />
              ) : (
                <View>
                  <Input className='input' placeholder='姓名' value={form.otherName} onInput={(e) => set('otherName', e.detail.value)} />
                  <Input className='input' placeholder='与学校的关系，如 已故教师遗属' value={form.relation} onInput={(e) => set('relation', e.detail.value)} />
                </View>
              )}
            </Field>
            <Field label='慰问事由' error={f.reason}>
              <Choice name='reason' options={welfareReasons} value={form.reason} onChange={(v) => set('reason', v)} />
            </Field>
          </>
        )}
        {mode === 'new' ? (
          <Field label='状态'>
            <Choice name='state' options={['已慰问', '计划中'] as const} value={form.planned ? '计划中' : '已慰问'} onChange={(v) => set('planned', v === '计划中')} />
          </Field>
        ) : null}
        <Field label={form.planned && mode === 'new' ? '计划日期' : '慰问日期'} error={f.visitDate}>
          <Picker mode='date' value={form.visitDate} onChange={(e) => set('visitDate', String(e.detail.value))}>
            <View className='input row' data-testid='visit-date'><Text>{form.visitDate}</Text></View>
          </Picker>
        </Field>
        <Field label='看望人（工会委员）' error={f.visitorIds}>
          <VisitorChips value={form.visitorIds} onChange={(ids) => set('visitorIds', ids)} />
        </Field>
        <Field label='慰问金（元）' hint='精确到分，如 500 或 12.50' error={f.cashYuan}>
          <Input className='input' type='digit' placeholder='没有慰问金填 0' value={form.cashYuan} onInput={(e) => set('cashYuan', e.detail.value)} data-testid='cash' />
        </Field>
        <Field label='慰问品' error={f.gifts}>
          <GiftRows gifts={form.gifts} onChange={(g) => set('gifts', g)} />
        </Field>
        {fixed ? null : (
          <Field label='经费来源' error={f.fund}>
            <Choice name='fund' options={welfareFunds} value={form.fund} onChange={(v) => set('fund', v)} />
          </Field>
        )}
        {form.reason === '生病住院' && !fixed ? (
          <Field label='几天后提醒回访' error={f.followUpDays}>
            <Input className='input' type='number' value={form.followUpDays} onInput={(e) => set('followUpDays', e.detail.value)} />
          </Field>
        ) : null}
        <Field label='照片' hint='点照片可移除' error={f.photos}>
          <PhotoUploader photos={form.photos} onChange={(p) => set('photos', p)} />
        </Field>
        <Field label='备注' error={f.notes}>
          <Textarea className='textarea' maxlength={500} value={form.notes} onInput={(e) => set('notes', e.detail.value)} placeholder='情况说明（不会出现在经费公开里）' />
        </Field>
        {mode === 'correct' ? (
          <Field label={wasDone ? '更正原因（必填）' : '更正原因'} hint='原来的内容会保留在修改记录里' error={f.correction}>
            <Input className='input' value={form.correction} onInput={(e) => set('correction', e.detail.value)} data-testid='correction' />
          </Field>
        ) : null}
      </View>
      {error ? <View className='field__error actions' role='alert'><Text>{error.message}</Text></View> : null}
      <View className='actions'>
        <AppButton block disabled={saving || undefined} onClick={() => void submit()}>{saving ? '正在保存…' : mode === 'complete' ? '登记完成' : mode === 'correct' ? '保存更正' : '保存'}</AppButton>
      </View>
    </PageShell>
  )
}
