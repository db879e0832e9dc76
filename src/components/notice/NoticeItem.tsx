import { View, Text } from '@tarojs/components'
import type { NoticeListItem, PublicityState } from '../../../types/notice'
import { Tag, type TagTone } from '../common/Tag'
import { formatDate, formatDay } from '@/utils/time'
import './notice-item.scss'

const publicity: Record<PublicityState, { label: string; tone: TagTone } | null> = {
  none: null,
  planned: { label: '公示期（待发布）', tone: 'neutral' },
  upcoming: { label: '即将公示', tone: 'info' },
  active: { label: '公示中', tone: 'success' },
  ended: { label: '已结束', tone: 'neutral' },
}

/** The period ends at an exclusive instant (often the next midnight): show the last day it covers. */
function lastDay(end: string): string {
  return new Date(Date.parse(end) - 1).toISOString()
}

interface Props {
  notice: NoticeListItem
  /** members only: visitors have no read receipts, so every item would look unread */
  showUnread: boolean
  onOpen: (notice: NoticeListItem) => void
}

export function NoticeItem({ notice, showUnread, onOpen }: Props) {
  const state = publicity[notice.publicityState]
  const unread = showUnread && !notice.read
  return (
    <View className={`notice-item${unread ? ' notice-item--unread' : ''}`} onClick={() => onOpen(notice)} data-notice={notice.id}>
      <View className='notice-item__title-row'>
        {unread ? <View className='notice-item__dot' aria-label='未读' /> : null}
        <Text className='notice-item__title'>{notice.title}</Text>
      </View>
      <View className='notice-item__tags'>
        {notice.pinned ? <Tag tone='primary'>置顶</Tag> : null}
        {state ? <Tag tone={state.tone}>{state.label}</Tag> : null}
        {notice.correctionCount > 0 ? <Tag tone='warning'>{`已更正 ${notice.correctionCount} 次`}</Tag> : null}
        {notice.visibility === 'public' ? <Tag tone='info'>对外</Tag> : null}
      </View>
      <View className='notice-item__meta'>
        <Text>{notice.category}</Text>
        <Text className='notice-item__sep'>·</Text>
        <Text>{formatDate(notice.publishedAt)}</Text>
        {notice.publicityState === 'active' && notice.publicityEnd ? (
          <Text className='notice-item__until'>{`公示至 ${formatDay(lastDay(notice.publicityEnd))}`}</Text>
        ) : null}
      </View>
    </View>
  )
}
