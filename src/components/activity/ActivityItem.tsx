import { View, Text } from '@tarojs/components'
import type { ActivityListItem } from '../../../types/activity'
import { Tag } from '../common/Tag'
import { formatDateTime } from '@/utils/time'
import { activityStatusTag, myStatusTag, placesText } from './activity-labels'
import './activity-item.scss'

interface Props {
  activity: ActivityListItem
  onOpen: (activity: ActivityListItem) => void
}

/** One activity on the 活动 tab: what, when, where, places left — and, first, where the caller stands. */
export function ActivityItem({ activity: a, onOpen }: Props) {
  const status = activityStatusTag[a.status]
  const mine = a.mine && a.mine.state !== 'cancelled' ? myStatusTag(a.mine) : null
  const full = a.capacity > 0 && (a.seatsTaken ?? a.confirmedCount) >= a.capacity
  return (
    <View className='activity-item' onClick={() => onOpen(a)} data-activity={a.id} data-mine={a.mine?.state ?? ''}>
      <View className='activity-item__head'>
        <Text className='activity-item__title'>{a.title}</Text>
      </View>
      <View className='activity-item__tags'>
        {mine ? <Tag tone={mine.tone}>{`我：${mine.label}`}</Tag> : null}
        <Tag tone={status.tone}>{status.label}</Tag>
        <Tag>{a.category}</Tag>
      </View>
      <Text className='activity-item__line'>{`时间：${formatDateTime(a.startAt)}`}</Text>
      <Text className='activity-item__line'>{`地点：${a.place}`}</Text>
      {a.status === 'open' || a.status === 'full' || a.status === 'upcoming' ? (
        <Text className='activity-item__line'>{`报名截止：${formatDateTime(a.signupEndAt)}`}</Text>
      ) : null}
      <Text className={`activity-item__places${full ? ' activity-item__places--full' : ''}`}>{placesText(a)}</Text>
    </View>
  )
}
