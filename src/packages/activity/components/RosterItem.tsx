import { View, Text } from '@tarojs/components'
import type { ActivityFieldDef, RosterRow } from '../../../../types/activity'
import { Tag } from '@/components/common/Tag'
import { registrationStateTag, waitText } from '@/components/activity/activity-labels'
import { formatDateTime } from '@/utils/time'
import './form.scss'

const show = (v: string | number | string[] | undefined) => (v === undefined ? '—' : Array.isArray(v) ? v.join('、') : String(v))

interface Props {
  row: RosterRow
  fields: ActivityFieldDef[]
  onDecide?: (approve: boolean) => void
  /** 按名单签到, offered for confirmed members not yet checked in while check-in is open */
  onCheckIn?: () => void
}

/** One registrant: name, state (候补第 n 位), answers to the activity's own questions; approve/reject when pending; 签到 from the roster. */
export function RosterItem({ row, fields, onDecide, onCheckIn }: Props) {
  const tag = registrationStateTag[row.state]
  return (
    <View className='roster-row' data-roster={row.name} data-state={row.state}>
      <View className='roster-row__head'>
        <Text className='roster-row__name'>{row.name}</Text>
        <Tag tone={tag.tone}>{row.state === 'waitlisted' ? waitText(row.waitPosition) : tag.label}</Tag>
        {row.checkedInAt ? <Tag tone='success'>已签到</Tag> : null}
      </View>
      <Text className='roster-row__meta'>{`${row.department} · 报名于 ${formatDateTime(row.createdAt)}${row.guests ? ` · 携带家属 ${row.guests} 人` : ''}`}</Text>
      {row.signedUpBy ? <Text className='roster-row__meta'>{`由 ${row.signedUpBy} 代报名`}</Text> : null}
      {fields.map((f) => <Text key={f.key} className='roster-row__meta'>{`${f.label}：${show(row.answers[f.key])}`}</Text>)}
      {row.state === 'pending' && onDecide ? (
        <View className='toolbar'>
          <Text className='toolbar__item' onClick={() => onDecide(true)}>通过</Text>
          <Text className='toolbar__item' onClick={() => onDecide(false)}>不通过</Text>
        </View>
      ) : null}
      {row.state === 'confirmed' && !row.checkedInAt && onCheckIn ? (
        <View className='toolbar'>
          <Text className='toolbar__item' data-testid='checkin-row' onClick={onCheckIn}>签到</Text>
        </View>
      ) : null}
    </View>
  )
}
