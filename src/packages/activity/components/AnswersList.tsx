import { View, Text } from '@tarojs/components'
import type { ActivityFieldDef, Answers } from '../../../../types/activity'
import './form.scss'

const shown = (v: Answers[string] | undefined) => (v === undefined || v === '' ? '未填' : Array.isArray(v) ? v.join('、') : String(v))

/** The answers a member gave, each with the question as the form asked it (套餐：女性套餐). */
export function AnswersList({ fields, answers, guests }: { fields: ActivityFieldDef[]; answers: Answers; guests?: number }) {
  if (!fields.length && !guests) return null
  return (
    <View className='answers' data-testid='my-answers'>
      {fields.map((f) => <Text key={f.key} className='answers__line'>{`${f.label}：${shown(answers[f.key])}`}</Text>)}
      {guests ? <Text className='answers__line'>{`携带家属：${guests} 人`}</Text> : null}
    </View>
  )
}
