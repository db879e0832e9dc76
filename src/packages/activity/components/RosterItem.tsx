import { View, Text } from '@tarojs/components'
import type { ActivityFieldDef, RosterRow } from '../../../../types/activity'
import { Tag } from '@/components/common/Tag'
import { registrationStateTag } from '@/components/activity/activity-labels'
import { formatDateTime } from '@/utils/time'
import './form.scss'

const show = (v: string | number | string[] | undefined) => (v === undefined ? '—' : Array.isArray(v) ? v.join('、') : String(v))

/** One registrant: name, state (候补号), answers to the activity's own questions; approve/reject when pending. */
export function RosterItem({ row, fields, onDecide }: { row: RosterRow; fields: ActivityFieldDef[]; onDecide?: (approve: boolean) => void }) {
  const tag = registrationStateTag[row.state]
  return (
    <View className='roster-row' data-roster={row.name} data-state={row.state}>
      <View className='roster-row__head'>
        <Text className='roster-row__name'>{row.name}</Text>
        <Tag tone={tag.tone}>{row.state === 'waitlisted' && row.waitPosition ? `候补第 ${row.waitPosition} 位` : tag.label}</Tag>
        {row.checkedInAt ? <Tag tone='success'>已签到</Tag> : null}
      </View>
      <Text className='roster-row__meta'>{`${row.department} · 报名于 ${formatDateTime(row.createdAt)}${row.guests ? ` · 携带家属 ${row.guests} 人` : ''}`}</Text>
      {fields.map((f) => <Text key={f.key} className='roster-row__meta'>{`${f.label}：${show(row.answers[f.key])}`}</Text>)}
      {row.state === 'pending' && onDecide ? (
        <View className='toolbar'>
          <Text className='toolbar__item' onClick={() => onDecide(true)}>通过</Text>
          <Text className='toolbar__item' onClick={() => onDecide(false)}>不通过</Text>
        </View>
      ) : null}
    </View>
  )
}
