import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { electorateKindLabels, electorateKinds, type Electorate } from '../../../../types/poll'
import { Choice } from '@/components/form/Choice'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { pollApi } from '../api'

type Kind = Electorate['kind']
const KINDS = electorateKinds.filter((k) => k !== 'runoff')
const kindOf = (label: string) => KINDS.find((k) => electorateKindLabels[k] === label)!

/**
 * Who may vote: all members, 在职 only, chosen departments, chosen people, or the 代表 of a 教代会
 * session. The form shows how many that is today; the roster is frozen when the poll opens.
 */
export function ElectorateField({ value, onChange }: { value: Electorate; onChange: (e: Electorate) => void }) {
  const [departments, setDepartments] = useState<string[]>([])
  const [sessions, setSessions] = useState<Array<{ sessionId: string; count: number }>>([])
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<Array<{ id: string; name: string; department: string }>>([])
  const [picked, setPicked] = useState<Record<string, string>>({})
  const [size, setSize] = useState('')

  useEffect(() => {
    if (value.kind === 'departments' && departments.length === 0) void memberApi.departments().then((d) => setDepartments(d.departments)).catch(() => undefined)
    if (value.kind === 'delegates' && sessions.length === 0) void pollApi.delegateSessions().then((s) => setSessions(s.sessions)).catch(() => undefined)
  }, [value.kind, departments.length, sessions.length])
  const valueKey = JSON.stringify(value)
  useEffect(() => {
    let live = true
    pollApi.previewElectorate(JSON.parse(valueKey) as Electorate).then((p) => live && setSize(`按现在的会员名单共 ${p.size} 人`)).catch((err) => live && setSize(messageOf(err)))
    return () => { live = false }
  }, [valueKey])

  const search = async () => {
    const r = await memberApi.directory({ keyword, page: 1 }).catch(() => null)
    setFound(r?.items ?? [])
  }
  const toggle = (m: { id: string; name: string }) => {
    const on = value.memberIds.includes(m.id)
    setPicked({ ...picked, [m.id]: m.name })
    onChange({ ...value, memberIds: on ? value.memberIds.filter((x) => x !== m.id) : [...value.memberIds, m.id] })
  }
  const setKind = (kind: Kind) => onChange({ ...value, kind })

  return (
    <Field label='投票人范围' hint={size}>
      <Choice name='electorate' options={KINDS.map((k) => electorateKindLabels[k])} value={electorateKindLabels[value.kind]} onChange={(l) => setKind(kindOf(l))} />
      {value.kind === 'departments' ? (
        <Choice name='departments' options={departments} value={value.departments}
          onChange={(d) => onChange({ ...value, departments: value.departments.includes(d) ? value.departments.filter((x) => x !== d) : [...value.departments, d] })} />
      ) : null}
      {value.kind === 'delegates' ? (
        sessions.length ? <Choice name='sessions' options={sessions.map((s) => `${s.sessionId}（${s.count} 人）`)} value={sessions.filter((s) => s.sessionId === value.sessionId).map((s) => `${s.sessionId}（${s.count} 人）`)[0]}
          onChange={(l) => onChange({ ...value, sessionId: sessions.find((s) => l.startsWith(`${s.sessionId}（`))?.sessionId })} />
          : <Text className='poll-line'>还没有教代会代表名单（在教代会中登记代表后可选）</Text>
      ) : null}
      {value.kind === 'members' ? (
        <View>
          <View className='poll-criterion'>
            <TextInput name='member-search' value={keyword} onChange={setKeyword} placeholder='输入姓名查找' maxlength={20} />
            <Text className='poll-person__action' onClick={() => void search()}>查找</Text>
          </View>
          {found.map((m) => (
            <View key={m.id} className={`poll-pick${value.memberIds.includes(m.id) ? ' poll-pick--on' : ''}`} data-person={m.name} onClick={() => toggle(m)}>
              <Text className='poll-pick__box'>{value.memberIds.includes(m.id) ? '✓' : ''}</Text>
              <Text>{`${m.name}（${m.department}）`}</Text>
            </View>
          ))}
          <Text className='poll-line'>{`已选 ${value.memberIds.length} 人${value.memberIds.length ? `：${value.memberIds.map((id) => picked[id] ?? '').filter(Boolean).join('、')}` : ''}`}</Text>
        </View>
      ) : null}
    </Field>
  )
}
