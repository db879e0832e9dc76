import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { messageOf } from '@/services/call'
import { congressApi } from '../api'

export interface FoundMember { memberId: string; name: string; department: string }

/**
 * Finds members by name and lets the committee tap one (承办人) or several (协办人): `picked` says which
 * are chosen, `onPick` toggles one. The field's hint names who is chosen.
 */
export function MemberFinder({ label, name, required, picked, onPick, testId }: {
  label: string; name: string; required?: boolean; picked: Array<{ memberId: string; name: string }>; onPick: (m: FoundMember) => void; testId: string
}) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<FoundMember[]>([])
  const [hint, setHint] = useState('')
  const search = () => void congressApi.findMembers(query.trim()).then((r) => { setFound(r.items); setHint(r.items.length ? '' : '没有找到，换个字试试') }).catch((e) => setHint(messageOf(e)))
  const on = new Set(picked.map((m) => m.memberId))
  return (
    <Field label={label} required={required} hint={picked.length ? `已选：${picked.map((m) => m.name).join('、')}` : required ? '输入姓名查找' : '可不选；输入姓名查找'}>
      <TextInput name={`${name}-query`} value={query} onChange={setQuery} placeholder='姓名' />
      <Text className='cg-link' data-testid={testId} onClick={search}>查找</Text>
      {hint ? <Text className='cg-line'>{hint}</Text> : null}
      {found.map((m) => (
        <View key={m.memberId} className={`cg-pick${on.has(m.memberId) ? ' cg-pick--on' : ''}`} data-member={m.memberId} data-for={name} onClick={() => onPick(m)}>
          <Text>{`${m.name}（${m.department}）`}</Text>
        </View>
      ))}
    </Field>
  )
}
