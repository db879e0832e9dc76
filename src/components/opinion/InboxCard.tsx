import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { InboxItem } from '../../../types/opinion'
import { Tag } from '../common/Tag'
import { formatDay } from '@/utils/time'
import { stateTag } from './labels'
import './opinion.scss'

/** One item in the handler's list: state, flags, who handles it, due date. Never who wrote it. */
export function InboxCard({ item: o }: { item: InboxItem }) {
  const state = stateTag[o.state]
  return (
    <View className='opinion-card' data-case={o.id} onClick={() => void Taro.navigateTo({ url: `/packages/opinion/pages/handle/index?id=${o.id}` })}>
      <View className='opinion-card__tags'>
        <Tag tone={state.tone}>{state.label}</Tag>
        <Tag>{o.category}</Tag>
        <Tag tone='info'>{o.anonymous ? '匿名' : '署名'}</Tag>
        {o.held ? <Tag tone='warning'>待审核</Tag> : null}
        {o.overdue ? <Tag tone='warning'>已超期</Tag> : null}
        <Text className='opinion-card__date'>{formatDay(o.submittedOn)}</Text>
      </View>
      <Text className='opinion-card__text inbox__text'>{o.text}</Text>
      <Text className='opinion-card__due'>
        {`${o.assigneeName ? `处理人：${o.assigneeName} · ` : ''}${o.replyCount ? `已答复 ${o.replyCount} 条 · ` : ''}应于 ${formatDay(o.dueOn)} 前答复`}
      </Text>
    </View>
  )
}
