import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextInput } from '@/components/form/TextInput'
import { AppButton } from '@/components/AppButton'
import { messageOf } from '@/services/call'
import { tell } from '@/services/confirm'
import { congressApi } from '../api'

export type Person = { memberId: string; name: string; department?: string }

/** 提案工作委员会: members found by name and toggled in or out, saved together. */
export function CommitteeCard({ committee, busy, onChange, onSave }: { committee: Person[]; busy: boolean; onChange: (c: Person[]) => void; onSave: () => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Person[]>([])
  const pick = (m: Person) => onChange(committee.some((x) => x.memberId === m.memberId) ? committee.filter((x) => x.memberId !== m.memberId) : [...committee, m])
  return (
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
      <AppButton block variant='secondary' disabled={busy} onClick={onSave}>保存委员会</AppButton>
    </View>
  )
}
