import { useState } from 'react'
import { View, Input, Textarea } from '@tarojs/components'
import type { ActivityDetail, Answers } from '../../../../types/activity'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import './form.scss'

interface Props {
  activity: Pick<ActivityDetail, 'fields' | 'guests'>
  /** 报名 / 排队候补 */
  submitLabel: string
  busy: boolean
  error: string
  onSubmit: (answers: Answers, guests: number) => void
  /** answers to start from (a correction of one's own answers) */
  initial?: Answers
  /** 携带家属 is chosen at sign-up only (it changes the places taken) */
  askGuests?: boolean
}

/** The activity's own sign-up questions (and 携带家属 when allowed); the function validates them again. */
export function SignupForm({ activity, submitLabel, busy, error, onSubmit, initial = {}, askGuests = true }: Props) {
  const [answers, setAnswers] = useState<Answers>(initial)
  const [guests, setGuests] = useState(0)
  const set = (key: string, value: Answers[string]) => setAnswers((prev) => ({ ...prev, [key]: value }))
  const toggle = (key: string, option: string) => {
    const now = Array.isArray(answers[key]) ? (answers[key] as string[]) : []
    set(key, now.includes(option) ? now.filter((o) => o !== option) : [...now, option])
  }
  return (
    <View className='form' data-testid='signup-form'>
      {activity.fields.map((f) => (
        <Field key={f.key} label={f.required ? `${f.label}（必填）` : f.label}>
          {f.type === 'single' ? <Choice name={f.key} options={f.options ?? []} value={(answers[f.key] as string) ?? ''} onChange={(v) => set(f.key, v)} /> : null}
          {f.type === 'multi' ? <Choice name={f.key} options={f.options ?? []} value={(answers[f.key] as string[]) ?? []} onChange={(v) => toggle(f.key, v)} /> : null}
          {f.type === 'number' ? <Input className='input' type='digit' value={String(answers[f.key] ?? '')} onInput={(e) => set(f.key, e.detail.value)} data-field={f.key} /> : null}
          {f.type === 'text' ? <Textarea className='textarea' maxlength={200} value={String(answers[f.key] ?? '')} onInput={(e) => set(f.key, e.detail.value)} data-field={f.key} /> : null}
        </Field>
      ))}
      {askGuests && activity.guests ? (
        <Field label='携带家属' hint={activity.guests.countsTowardCapacity ? '家属也占用名额' : '家属不占用名额'}>
          <Choice name='guests' options={Array.from({ length: activity.guests.max + 1 }, (_v, i) => (i === 0 ? '不带' : `${i} 人`))} value={guests === 0 ? '不带' : `${guests} 人`} onChange={(v) => setGuests(v === '不带' ? 0 : parseInt(v, 10))} />
        </Field>
      ) : null}
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
      <View className='actions'>
        <AppButton block disabled={busy} onClick={() => onSubmit(answers, guests)}>{busy ? '正在提交…' : submitLabel}</AppButton>
      </View>
    </View>
  )
}
