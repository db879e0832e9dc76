import { View, Text, Image } from '@tarojs/components'
import { opinionRatingLabels, type OpinionCase } from '../../../types/opinion'
import { Tag } from '../common/Tag'
import { formatDateTime, formatDay } from '@/utils/time'
import { holdLabel, proposalLine, stateTag } from './labels'
import './opinion.scss'

/** The handler's view of an item. An anonymous item shows no submitter: there is none stored. */
export function CaseDetail({ c }: { c: OpinionCase }) {
  const state = stateTag[c.state]
  return (
    <View className='opinion-card thread' data-state={c.state}>
      <View className='opinion-card__tags'>
        <Tag tone={state.tone}>{state.label}</Tag>
        <Tag>{c.category}</Tag>
        {c.held ? <Tag tone='warning'>{holdLabel[c.held]}</Tag> : null}
        {c.overdue ? <Tag tone='warning'>已超期</Tag> : null}
        <Text className='opinion-card__date'>{`${formatDay(c.submittedOn)} 提交`}</Text>
      </View>
      <Text className='case__who'>{c.submitter ? `署名：${c.submitter.name}（${c.submitter.department}）` : '匿名提交（系统不保存提交人）'}</Text>
      <Text className='opinion-card__text'>{c.text}</Text>
      {c.imageUrls.length ? (
        <View className='thread__images'>{c.imageUrls.map((u) => <Image key={u} className='thread__image' src={u} mode='aspectFill' />)}</View>
      ) : null}
      <Text className='opinion-card__due'>{`应于 ${formatDay(c.dueOn)} 前答复${c.assignee ? ` · 处理人：${c.assignee.name}` : ''}`}</Text>
      {c.rejectReason ? (
        <View className='opinion-card__reply'><Text className='opinion-card__reply-label'>不予受理的理由：</Text><Text>{c.rejectReason}</Text></View>
      ) : null}
      {c.replies.map((r, i) => (
        <View key={`r${i}`} className='opinion-card__reply'>
          <Text className='opinion-card__reply-label'>{`答复 · ${r.byName} · ${formatDateTime(r.at)}`}</Text>
          <Text className='thread__body'>{r.text}</Text>
        </View>
      ))}
      {c.followUps.map((f, i) => (
        <View key={`f${i}`} className='thread__follow-up'>
          <Text className='opinion-card__reply-label'>{`提交人补充 · ${formatDay(f.on)}${f.flagged ? ' · 内容待审核' : ''}`}</Text>
          <Text className='thread__body'>{f.text}</Text>
        </View>
      ))}
      {c.rating ? <Text className='opinion-card__due'>{`提交人评价：${opinionRatingLabels[c.rating]}`}</Text> : null}
      {c.qaId ? <Text className='opinion-card__due'>已公开为问答</Text> : null}
      {c.proposal ? <Text className='opinion-card__due' data-testid='proposal-link'>{proposalLine(c.proposal)}</Text> : null}
    </View>
  )
}
