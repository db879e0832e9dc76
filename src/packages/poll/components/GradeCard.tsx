import { View, Text, Textarea } from '@tarojs/components'
import { COMMENT_MAX, criteria as CRITERIA, criterionLabels, gradeLabels, grades, type Grade, type PollItem } from '../../../../types/poll'
import { Choice } from '@/components/form/Choice'

export interface GradeEntry {
  grade?: Grade
  criteria: Array<Grade | undefined>
  comment: string
}

const labelOf = (g: Grade) => gradeLabels[g]
const gradeOf = (label: string) => grades.find((g) => gradeLabels[g] === label)!

/** One subject of a 民主测评 ballot: the overall grade, optionally 德能勤绩廉, optionally a comment. */
export function GradeCard(props: { item: PollItem; entry: GradeEntry; allowUnknown: boolean; withCriteria: boolean; withComment: boolean; onChange: (e: GradeEntry) => void }) {
  const { item, entry, onChange } = props
  const options = grades.filter((g) => g !== 'unknown' || props.allowUnknown).map(labelOf)
  return (
    <View className={`poll-card${entry.grade ? ' poll-card--mine' : ''}`} data-subject={item.name}>
      <Text className='poll-item__name'>{item.name}</Text>
      {item.note ? <Text className='poll-item__note'>{item.note}</Text> : null}
      {props.withCriteria ? CRITERIA.map((c, k) => (
        <View className='poll-criterion' key={c}>
          <Text className='poll-criterion__label'>{criterionLabels[c]}</Text>
          <Choice name={`${item.id}-${c}`} options={options} value={entry.criteria[k] ? labelOf(entry.criteria[k]!) : undefined}
            onChange={(label) => onChange({ ...entry, criteria: entry.criteria.map((x, i) => (i === k ? gradeOf(label) : x)) })} />
        </View>
      )) : null}
      <View className='poll-criterion'>
        {props.withCriteria ? <Text className='poll-criterion__label'>总体</Text> : null}
        <Choice name={`${item.id}-grade`} options={options} value={entry.grade ? labelOf(entry.grade) : undefined} onChange={(label) => onChange({ ...entry, grade: gradeOf(label) })} />
      </View>
      {props.withComment ? (
        <Textarea className='textarea' value={entry.comment} maxlength={COMMENT_MAX} placeholder='评语（可不填；5 人以上评价时才公开，顺序打乱）'
          onInput={(e) => onChange({ ...entry, comment: e.detail.value })} />
      ) : null}
    </View>
  )
}
