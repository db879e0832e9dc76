import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { MEETING_FILE_DOCUMENTS, MEETING_FILES_MAX, meetingTypes } from '../../../../../types/plan'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { FilePicker } from '@/components/form/FilePicker'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { useRequestId } from '@/hooks/useRequestId'
import { confirmStep, tell } from '@/services/confirm'
import { useMeetingForm } from './useMeetingForm'
import { openFile } from '../../components/open-file'
import '../../components/plan.scss'

/** Records a meeting: who came (tap: 出席 → 缺席 → 未选), agenda, minutes, decisions that become plan items. */
export default function MeetingPage() {
  const id = useRouter().params.id
  const meeting = useAsync(`meeting-${id ?? 'new'}`, () => (id ? planApi.meeting(id) : Promise.resolve(undefined)))
  const people = useAsync('plan-people', () => planApi.people())
  const { form, set, toggle, input } = useMeetingForm(meeting.data)
  const [requestId] = useRequestId()
  const [busy, setBusy] = useState(false)
  const owners = (people.data?.items ?? []).filter((p) => p.committee)
  const ownerNames = owners.map((o) => o.name)
  const save = async () => {
    setBusy(true)
    try {
      const m = meeting.data
      await (m ? planApi.editMeeting({ ...input(), id: m.id, revision: m.revision }) : planApi.recordMeeting({ ...input(), requestId }))
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack()
    } catch (err) {
      tell('没有保存', (err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const chair = useMe().data?.role === 'chair'
  const publish = async () => {
    const m = meeting.data
    if (!m || !(await confirmStep('公布会议纪要', '向全体会员公布本次会议的时间地点、出席人数、议程和决定事项；会议纪要正文和缺席原因不公开。公布后只能在校务公开中更正。', '公布'))) return
    setBusy(true)
    try {
      await planApi.publishMeeting(m.id, m.revision)
      await meeting.reload()
      void Taro.showToast({ title: '已公布', icon: 'success' })
    } catch (err) {
      tell('没有公布', (err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  /** Photos in the image viewer, documents in WeChat's document viewer (a new tab in the browser). */
  const view = async (name: string, url: string) => {
    const ext = (/\.([a-z]+)$/i.exec(name)?.[1] ?? '').toLowerCase()
    if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') return Taro.previewImage({ urls: [url] })
    await openFile(url, ext as 'pdf').catch(() => tell('打不开这个文件', '请稍后重试'))
  }
  const setDecision = (n: number, patch: Partial<(typeof form.decisions)[number]>) => set('decisions', form.decisions.map((d, i) => (i === n ? { ...d, ...patch } : d)))
  if (meeting.loading || people.loading) return <PageShell><LoadingState text='正在读取…' /></PageShell>
  return (
    <PageShell>
      <View className='form'>
      <Field label='会议类型' required><Choice options={meetingTypes} value={form.type} onChange={(t) => set('type', t)} name='type' /></Field>
      <Field label='日期' required hint='年-月-日'><TextInput value={form.date} onChange={(v) => set('date', v)} maxlength={10} name='date' /></Field>
      <Field label='地点' required value={form.place}><TextInput value={form.place} onChange={(v) => set('place', v)} maxlength={60} name='place' placeholder='例如：行政楼会议室' /></Field>
      <Field label='参会人' hint={`出席 ${form.attendeeIds.length} 人，缺席 ${form.absentIds.length} 人；点一下为出席，再点为缺席`}>
        <View className='choice'>
          {(people.data?.items ?? []).map((p) => {
            const state = form.attendeeIds.includes(p.id) ? '出席' : form.absentIds.includes(p.id) ? '缺席' : ''
            return (
              <View key={p.id} className={`choice__item${state === '出席' ? ' choice__item--on' : ''}`} onClick={() => toggle(p.id)} data-person={p.name}>
                <Text>{state ? `${p.name}·${state}` : p.name}</Text>
              </View>
            )
          })}
        </View>
      </Field>
      {form.absentIds.length ? <Field label='缺席原因'><TextInput value={form.absentReason} onChange={(v) => set('absentReason', v)} maxlength={60} name='absent-reason' /></Field> : null}
      <Field label='议程' hint='每行一项'><Textarea className='text-input text-area' value={form.agenda} maxlength={2000} autoHeight onInput={(e) => set('agenda', e.detail.value)} /></Field>
      <Field label='会议纪要'><Textarea className='text-input text-area' value={form.minutes} maxlength={20000} autoHeight onInput={(e) => set('minutes', e.detail.value)} /></Field>
      <Field label='照片和附件' hint='会场照片、签到表、会议材料；只在工会内部和台帐中使用'>
        <FilePicker list={form.files} onChange={(f) => set('files', f)} domain='plan' max={MEETING_FILES_MAX} documents={[...MEETING_FILE_DOCUMENTS]} what='照片和附件' documentsLabel='PDF/Word/Excel' />
        {(meeting.data?.files ?? []).filter((f) => f.url).map((f) => (
          <Text key={f.fileId} className='plan-link' data-file={f.name} onClick={() => void view(f.name, f.url!)}>{`查看：${f.name}`}</Text>
        ))}
      </Field>
      <Text className='plan-month'>决定事项（保存后成为计划事项）</Text>
      {form.decisions.map((d, n) => (
        <View key={n}>
          <Field label={`决定 ${n + 1}`}><TextInput value={d.text} onChange={(v) => setDecision(n, { text: v })} maxlength={200} name={`decision-${n}`} /></Field>
          <Field label='负责人'><Choice options={ownerNames} value={owners.find((o) => o.id === d.ownerId)?.name} onChange={(nm) => setDecision(n, { ownerId: owners[ownerNames.indexOf(nm)].id })} /></Field>
          <Field label='完成期限' hint='年-月-日'><TextInput value={d.due} onChange={(v) => setDecision(n, { due: v })} maxlength={10} name={`due-${n}`} /></Field>
        </View>
      ))}
      <View className='plan-actions'>
        <AppButton block variant='secondary' onClick={() => set('decisions', [...form.decisions, { text: '', ownerId: owners[0]?.id ?? '', due: form.date }])}>添加决定事项</AppButton>
        <AppButton block disabled={busy} onClick={() => void save()}>{meeting.data ? '保存修改' : '保存会议记录'}</AppButton>
        {meeting.data?.noticeId ? (
          <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${meeting.data!.noticeId}` })}>已公布到校务公开 · 查看</AppButton>
        ) : chair && meeting.data ? <AppButton block variant='secondary' disabled={busy} onClick={() => void publish()}>公布会议纪要到校务公开</AppButton> : null}
      </View>
      </View>
    </PageShell>
  )
}
