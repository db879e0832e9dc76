import { View, Text } from '@tarojs/components'
import type { MyOpinionItem as Mine, OpinionState } from '../../../types/opinion'
import { Tag, type TagTone } from '../common/Tag'
import { formatDay, todayShanghai } from '@/utils/time'
import './opinion.scss'

const stateTag: Record<OpinionState, { label: string; tone: TagTone }> = {
  pending: { label: '待受理', tone: 'info' },
  processing: { label: '处理中', tone: 'primary' },
  replied: { label: '已答复', tone: 'success' },
  closed: { label: '已办结', tone: 'neutral' },
  rejected: { label: '不予受理', tone: 'neutral' },
}

/** One of my named opinions: where it stands, when an answer is due, the latest reply. */
export function MyOpinionItem({ opinion: o, today = todayShanghai() }: { opinion: Mine; today?: string }) {
  const state = stateTag[o.state]
  const waiting = o.state === 'pending' || o.state === 'processing'
  const overdue = waiting && o.dueOn < today
  return (
    <View className='opinion-card' data-opinion={o.id}>
      <View className='opinion-card__tags'>
        <Tag tone={state.tone}>{state.label}</Tag>
        <Tag>{o.category}</Tag>
        {overdue ? <Tag tone='warning'>已超期</Tag> : null}
        <Text className='opinion-card__date'>{`${formatDay(o.submittedOn)} 提交`}</Text>
      </View>
      <Text className='opinion-card__text'>{o.text}</Text>
      {waiting ? <Text className='opinion-card__due'>{`应在 ${formatDay(o.dueOn)} 前答复`}</Text> : null}
      {o.lastReply ? (
        <View className='opinion-card__reply'>
          <Text className='opinion-card__reply-label'>{`工会答复（共 ${o.replyCount} 条）：`}</Text>
          <Text>{o.lastReply.text}</Text>
        </View>
      ) : null}
    </View>
  )
}
