import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { ratingLabels, ratings, type Rating } from '../../../../types/congress'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'

const LABELS = ratings.map((r) => ratingLabels[r])

/** 满意度: 满意 / 基本满意 / 不满意 with an optional comment; 不满意 asks for a second answer (once). */
export function RatePanel({ busy, onRate }: { busy: boolean; onRate: (r: Rating, comment: string) => void }) {
  const [label, setLabel] = useState<string>()
  const [comment, setComment] = useState('')
  const rating = ratings.find((r) => ratingLabels[r] === label)
  return (
    <View className='cg-card' data-testid='rate'>
      <Field label='你对这次答复满意吗' required hint='选“不满意”时，承办部门会与提案人面商后再答复一次'>
        <Choice name='rating' options={LABELS} value={label} onChange={setLabel} />
      </Field>
      <Field label='评价意见'>
        <Textarea className='cg-textarea' value={comment} maxlength={200} placeholder='可不填' onInput={(e) => setComment(e.detail.value)} />
      </Field>
      <AppButton block disabled={!rating || busy} onClick={() => rating && onRate(rating, comment)}>提交评价</AppButton>
    </View>
  )
}
