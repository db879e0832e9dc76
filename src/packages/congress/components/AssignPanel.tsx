import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { CO_HANDLERS_MAX } from '../../../../types/congress'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { AppButton } from '@/components/AppButton'
import { MemberFinder, type FoundMember } from './MemberFinder'

export interface AssignInput { handlerId: string; office: string; coOffices: string; coHandlerIds: string[]; dueDate: string }

/**
 * 交办: a 主办 office and its 承办人 (a member, 承办人 for this case only), the 协办部门 and 协办人 (members
 * who add their opinion to the answer), and the due date.
 */
export function AssignPanel({ today, busy, onAssign }: { today: string; busy: boolean; onAssign: (input: AssignInput) => void }) {
  const [handler, setHandler] = useState<FoundMember>()
  const [coHandlers, setCoHandlers] = useState<FoundMember[]>([])
  const [office, setOffice] = useState('')
  const [coOffices, setCoOffices] = useState('')
  // a month, as most unions give an office; the picker changes it
  const [dueDate, setDueDate] = useState(() => new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10))
  const toggleCo = (m: FoundMember) => setCoHandlers((now) => (now.some((x) => x.memberId === m.memberId) ? now.filter((x) => x.memberId !== m.memberId) : now.length < CO_HANDLERS_MAX ? [...now, m] : now))
  const ready = handler && office.trim() && dueDate
  return (
    <View className='cg-card' data-testid='assign'>
      <MemberFinder label='承办人' name='handler' required picked={handler ? [handler] : []} onPick={setHandler} testId='find-handler' />
      <Field label='主办部门' required><TextInput name='office' value={office} onChange={setOffice} placeholder='例如 后勤处' maxlength={30} /></Field>
      <Field label='协办部门'><TextInput name='co-offices' value={coOffices} onChange={setCoOffices} placeholder='可不填' maxlength={60} /></Field>
      <MemberFinder label={`协办人（最多 ${CO_HANDLERS_MAX} 位）`} name='co-handler' picked={coHandlers} onPick={toggleCo} testId='find-co-handler' />
      <Field label='答复期限' required>
        <Picker mode='date' value={dueDate || today} start={today} onChange={(e) => setDueDate(String(e.detail.value))}>
          <Text className='cg-link' data-testid='due-date'>{dueDate || '选择日期'}</Text>
        </Picker>
      </Field>
      <AppButton block disabled={!ready || busy} onClick={() => handler && onAssign({ handlerId: handler.memberId, office: office.trim(), coOffices: coOffices.trim(), coHandlerIds: coHandlers.filter((c) => c.memberId !== handler.memberId).map((c) => c.memberId), dueDate })}>交办</AppButton>
    </View>
  )
}
