import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { AppButton } from '@/components/AppButton'
import { useRequestId } from '@/hooks/useRequestId'
import { CallError, messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { tell } from '@/services/confirm'
import '../../congress.scss'

type Person = { memberId: string; name: string; department?: string }
const DATE_HINT = '年-月-日，例如 2026-12-27'

/**
 * 会议设置 (the chair): a session's 届/次, name, meeting day, the 提案 collection window and the least
 * number of 附议; then the 提案工作委员会, chosen from the members.
 */
export default function SessionPage() {
  const { params } = useRouter()
  const [requestId] = useRequestId()
  const [sessionId, setSessionId] = useState(params.session ?? '')
  const [revision, setRevision] = useState<number>()
  const [f, setF] = useState({ term: '', meeting: '', title: '', meetingDate: '', collectFrom: '', collectTo: '', minSeconds: '2' })
  const [committee, setCommittee] = useState<Person[]>([])
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Person[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }))

  useEffect(() => {
    if (!params.session) return
    void congressApi.session(params.session).then((s) => {
      setRevision(s.revision)
      setCommittee(s.committee)
      setF({ term: String(s.term), meeting: String(s.meeting), title: s.title, meetingDate: s.meetingDate, collectFrom: s.collectFrom, collectTo: s.collectTo, minSeconds: String(s.minSeconds) })
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
    const body = { ...f, term: Number(f.term), meeting: Number(f.meeting), minSeconds: Number(f.minSeconds) }
    const r = await congressApi.saveSession(sessionId && revision !== undefined ? { ...body, id: sessionId, revision } : { ...body, requestId })
    setSessionId(r.id)
    setRevision(r.revision)
  }, '没有保存')
  const saveCommittee = () => run(async () => {
    const r = await congressApi.setCommittee(sessionId, revision ?? 0, committee.map((c) => c.memberId))
    setRevision(r.revision)
  }, '没有保存委员会')
  const pick = (m: Person) => setCommittee((c) => (c.some((x) => x.memberId === m.memberId) ? c.filter((x) => x.memberId !== m.memberId) : [...c, m]))

  return (
    <PageShell>
      <View className='cg-card'>
        <Field label='届次' required error={errors.term} value={f.term}><TextInput name='term' type='number' value={f.term} onChange={set('term')} placeholder='例如 5' /></Field>
        <Field label='会次' required error={errors.meeting} value={f.meeting}><TextInput name='meeting' type='number' value={f.meeting} onChange={set('meeting')} placeholder='例如 3' /></Field>
        <Field label='会议名称' required error={errors.title} value={f.title}><TextInput name='title' value={f.title} onChange={set('title')} maxlength={60} placeholder='2026年第五届第三次教职工代表大会' /></Field>
        <Field label='开会日期' required hint={DATE_HINT} error={errors.meetingDate} value={f.meetingDate}><TextInput name='meetingDate' value={f.meetingDate} onChange={set('meetingDate')} maxlength={10} /></Field>
        <Field label='提案征集开始' required hint={DATE_HINT} error={errors.collectFrom} value={f.collectFrom}><TextInput name='collectFrom' value={f.collectFrom} onChange={set('collectFrom')} maxlength={10} /></Field>
        <Field label='提案征集截止' required hint={DATE_HINT} error={errors.collectTo} value={f.collectTo}><TextInput name='collectTo' value={f.collectTo} onChange={set('collectTo')} maxlength={10} /></Field>
        <Field label='每件提案至少附议人数' error={errors.minSeconds} value={f.minSeconds}><TextInput name='minSeconds' type='number' value={f.minSeconds} onChange={set('minSeconds')} /></Field>
        <AppButton block disabled={busy} onClick={() => void save()}>{sessionId ? '保存修改' : '建立会议'}</AppButton>
      </View>
      {sessionId ? (
        <View className='cg-card' data-testid='committee'>
          <Text className='cg-strong'>提案工作委员会</Text>
          <Text className='cg-line'>{committee.length ? committee.map((c) => c.name).join('、') : '还没有委员'}</Text>
          <TextInput name='committee-query' value={query} onChange={setQuery} placeholder='输入姓名查找' />
          <Text className='cg-link' onClick={() => void congressApi.findMembers(query.trim()).then((r) => setFound(r.items)).catch((e) => tell('查找失败', messageOf(e)))}>查找</Text>
          {found.map((m) => (
            <View key={m.memberId} className={`cg-pick${committee.some((c) => c.memberId === m.memberId) ? ' cg-pick--on' : ''}`} onClick={() => pick(m)}>
              <Text>{`${m.name}（${m.department}）`}</Text>
            </View>
          ))}
          <AppButton block variant='secondary' disabled={busy} onClick={() => void saveCommittee()}>保存委员会</AppButton>
        </View>
      ) : null}
    </PageShell>
  )
}
