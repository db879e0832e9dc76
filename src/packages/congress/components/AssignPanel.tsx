import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { AppButton } from '@/components/AppButton'
import { messageOf } from '@/services/call'
import { congressApi } from '../api'

export interface AssignInput { handlerId: string; office: string; coOffices: string; dueDate: string }

/** 交办: a 主办 office and its 承办人 (a member, 承办人 for this case only), 协办, and the due date. */
export function AssignPanel({ today, busy, onAssign }: { today: string; busy: boolean; onAssign: (input: AssignInput) => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Array<{ memberId: string; name: string; department: string }>>([])
  const [hint, setHint] = useState('')
  const [handler, setHandler] = useState<{ memberId: string; name: string }>()
  const [office, setOffice] = useState('')
  const [coOffices, setCoOffices] = useState('')
  // a month, as most unions give an office; the picker changes it
  const [dueDate, setDueDate] = useState(() => new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10))
  const search = () => void congressApi.findMembers(query.trim()).then((r) => { setFound(r.items); setHint(r.items.length ? '' : '没有找到，换个字试试') }).catch((e) => setHint(messageOf(e)))
  const ready = handler && office.trim() && dueDate
  return (
    <View className='cg-card' data-testid='assign'>
      <Field label='承办人' required hint={handler ? `已选：${handler.name}` : '输入姓名查找'}>
        <TextInput name='handler-query' value={query} onChange={setQuery} placeholder='姓名' />
        <Text className='cg-link' data-testid='find-handler' onClick={search}>查找</Text>
        {hint ? <Text className='cg-line'>{hint}</Text> : null}
        {found.map((m) => (
          <View key={m.memberId} className={`cg-pick${handler?.memberId === m.memberId ? ' cg-pick--on' : ''}`} data-member={m.memberId} onClick={() => setHandler(m)}>
            <Text>{`${m.name}（${m.department}）`}</Text>
          </View>
        ))}
      </Field>
      <Field label='主办部门' required><TextInput name='office' value={office} onChange={setOffice} placeholder='例如 后勤处' maxlength={30} /></Field>
      <Field label='协办部门'><TextInput name='co-offices' value={coOffices} onChange={setCoOffices} placeholder='可不填' maxlength={60} /></Field>
      <Field label='答复期限' required>
        <Picker mode='date' value={dueDate || today} start={today} onChange={(e) => setDueDate(String(e.detail.value))}>
          <Text className='cg-link' data-testid='due-date'>{dueDate || '选择日期'}</Text>
        </Picker>
      </Field>
      <AppButton block disabled={!ready || busy} onClick={() => handler && onAssign({ handlerId: handler.memberId, office: office.trim(), coOffices: coOffices.trim(), dueDate })}>交办</AppButton>
    </View>
  )
}
