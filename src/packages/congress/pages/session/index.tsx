import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Textarea } from '@tarojs/components'
import type { SessionView } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { AppButton } from '@/components/AppButton'
import { useRequestId } from '@/hooks/useRequestId'
import { CallError, messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { tell } from '@/services/confirm'
import { DateField } from '../../components/DateField'
import { CommitteeCard, type Person } from '../../components/CommitteeCard'
import { SessionRecord } from '../../components/SessionRecord'
import { DocumentsCard, type SessionDocument } from '../../components/DocumentsCard'
import '../../congress.scss'

const EMPTY = { term: '', meeting: '', title: '', meetingDate: '', collectFrom: '', collectTo: '', minSeconds: '2', reviewDays: '14', agenda: '' }
const formOf = (s: SessionView) => ({
  term: String(s.term), meeting: String(s.meeting), title: s.title, meetingDate: s.meetingDate, collectFrom: s.collectFrom, collectTo: s.collectTo,
  minSeconds: String(s.minSeconds), reviewDays: String(s.reviewDays), agenda: s.agenda.join('\n'),
})

/**
 * 会议设置 (the chair): a session's 届/次, name, days (date pickers), the 提案 collection window, the
 * least number of 附议, the committee's review period and the agenda (one item a line); then the
 * 提案工作委员会, and the session's record (agenda and 票决 with their results).
 */
export default function SessionPage() {
  const { params } = useRouter()
  const [requestId] = useRequestId()
  const [sessionId, setSessionId] = useState(params.session ?? '')
  const [view, setView] = useState<SessionView>()
  const [revision, setRevision] = useState<number>()
  const [f, setF] = useState(EMPTY)
  const [committee, setCommittee] = useState<Person[]>([])
  const [documents, setDocuments] = useState<SessionDocument[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }))

  useEffect(() => {
    if (!params.session) return
    void congressApi.session(params.session).then((s) => {
      setView(s)
      setRevision(s.revision)
      setCommittee(s.committee)
      setDocuments(s.documents)
      setF(formOf(s))
    }).catch((e) => tell('打不开这次会议', messageOf(e)))
  }, [params.session])

  const run = async (step: () => Promise<void>, failTitle: string) => {
    setBusy(true)
    setErrors({})
    try {
      await step()
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      if (err instanceof CallError && err.issues?.length) setErrors(Object.fromEntries(err.issues.map((i) => [String(i.path[0]), i.message])))
      else tell(failTitle, messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const save = () => run(async () => {
    const agenda = f.agenda.split('\n').map((a) => a.trim()).filter(Boolean)
    const body = { ...f, term: Number(f.term), meeting: Number(f.meeting), minSeconds: Number(f.minSeconds), reviewDays: Number(f.reviewDays), agenda }
    const r = await congressApi.saveSession(sessionId && revision !== undefined ? { ...body, id: sessionId, revision } : { ...body, requestId })
    setSessionId(r.id)
    setRevision(r.revision)
  }, '没有保存')
  const saveCommittee = () => run(async () => {
    const r = await congressApi.setCommittee(sessionId, revision ?? 0, committee.map((c) => c.memberId))
    setRevision(r.revision)
  }, '没有保存委员会')
  const saveDocuments = () => run(async () => {
    const r = await congressApi.setDocuments(sessionId, revision ?? 0, documents.map((d) => d.noticeId))
    setRevision(r.revision)
  }, '没有保存会议文件')

  return (
    <PageShell>
      <View className='cg-card'>
        <Field label='届次' required error={errors.term} value={f.term}><TextInput name='term' type='number' value={f.term} onChange={set('term')} placeholder='例如 5' /></Field>
        <Field label='会次' required error={errors.meeting} value={f.meeting}><TextInput name='meeting' type='number' value={f.meeting} onChange={set('meeting')} placeholder='例如 3' /></Field>
        <Field label='会议名称' required error={errors.title} value={f.title}><TextInput name='title' value={f.title} onChange={set('title')} maxlength={60} placeholder='2026年第五届第三次教职工代表大会' /></Field>
        <DateField label='开会日期' name='meetingDate' value={f.meetingDate} error={errors.meetingDate} onChange={set('meetingDate')} />
        <DateField label='提案征集开始' name='collectFrom' value={f.collectFrom} error={errors.collectFrom} onChange={set('collectFrom')} />
        <DateField label='提案征集截止' name='collectTo' value={f.collectTo} error={errors.collectTo} start={f.collectFrom || undefined} onChange={set('collectTo')} />
        <Field label='每件提案至少附议人数' error={errors.minSeconds} value={f.minSeconds}><TextInput name='minSeconds' type='number' value={f.minSeconds} onChange={set('minSeconds')} /></Field>
        <Field label='立案审查期限（天）' hint='提案提交后，提案工作委员会在这么多天内审查' error={errors.reviewDays} value={f.reviewDays}>
          <TextInput name='reviewDays' type='number' value={f.reviewDays} onChange={set('reviewDays')} />
        </Field>
        <Field label='议程' hint='每行一项，最多 20 项' error={errors.agenda} value={f.agenda}>
          <Textarea className='cg-textarea' data-field='agenda' value={f.agenda} maxlength={1300} onInput={(e) => set('agenda')(e.detail.value)} />
        </Field>
        <AppButton block disabled={busy} onClick={() => void save()}>{sessionId ? '保存修改' : '建立会议'}</AppButton>
      </View>
      {sessionId ? <CommitteeCard committee={committee} busy={busy} onChange={setCommittee} onSave={() => void saveCommittee()} /> : null}
      {sessionId ? <DocumentsCard documents={documents} busy={busy} onChange={setDocuments} onSave={() => void saveDocuments()} /> : null}
      {view ? <SessionRecord s={view} /> : null}
    </PageShell>
  )
}
