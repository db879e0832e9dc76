import { View, Text, Image } from '@tarojs/components'
import { opinionRatingLabels, type OpinionView } from '../../../types/opinion'
import { Tag } from '../common/Tag'
import { formatDay } from '@/utils/time'
import { proposalLine, stateTag } from './labels'
import './opinion.scss'

/** The submitter's item: where it stands, what they wrote, every answer and follow-up by date. */
export function OpinionThread({ opinion: o }: { opinion: OpinionView }) {
  const state = stateTag[o.state]
  return (
    <View className='opinion-card thread' data-state={o.state}>
      <View className='opinion-card__tags'>
        <Tag tone={state.tone}>{state.label}</Tag>
        <Tag>{o.category}</Tag>
        {o.anonymous ? <Tag tone='info'>匿名</Tag> : null}
        {o.overdue ? <Tag tone='warning'>已超期</Tag> : null}
        <Text className='opinion-card__date'>{`${formatDay(o.submittedOn)} 提交`}</Text>
      </View>
      <Text className='opinion-card__text'>{o.text}</Text>
      {o.imageUrls.length ? (
        <View className='thread__images'>
          {o.imageUrls.map((u) => <Image key={u} className='thread__image' src={u} mode='aspectFill' />)}
        </View>
      ) : null}
      {o.state === 'pending' || o.state === 'processing' ? (
        <Text className='opinion-card__due'>{o.dueOn ? `工会应在 ${formatDay(o.dueOn)} 前答复` : '等待每日一批：工会明天和当天的其他匿名意见一起收到它，之后开始计算答复期限'}</Text>
      ) : null}
      {o.rejectReason ? (
        <View className='opinion-card__reply'>
          <Text className='opinion-card__reply-label'>不予受理的理由：</Text>
          <Text>{o.rejectReason}</Text>
        </View>
      ) : null}
      {o.replies.map((r, i) => (
        <View key={`r${i}`} className='opinion-card__reply' data-reply={i}>
          <Text className='opinion-card__reply-label'>{`工会答复 · ${formatDay(r.on)}`}</Text>
          <Text className='thread__body'>{r.text}</Text>
        </View>
      ))}
      {o.followUps.map((f, i) => (
        <View key={`f${i}`} className='thread__follow-up'>
          <Text className='opinion-card__reply-label'>{`我的补充 · ${formatDay(f.on)}`}</Text>
          <Text className='thread__body'>{f.text}</Text>
        </View>
      ))}
      {o.rating ? <Text className='opinion-card__due'>{`我的评价：${opinionRatingLabels[o.rating]}`}</Text> : null}
      {o.proposal ? <Text className='opinion-card__due' data-testid='proposal-link'>{proposalLine(o.proposal)}</Text> : null}
      {o.qa ? (
        <View className='thread__qa'>
          <Text className='opinion-card__reply-label'>{`已于 ${formatDay(o.qa.publishedOn)} 整理后公开为问答（不含你的身份）`}</Text>
          <Text className='thread__body'>{`问：${o.qa.question}`}</Text>
          <Text className='thread__body'>{`答：${o.qa.answer}`}</Text>
        </View>
      ) : null}
    </View>
  )
}
