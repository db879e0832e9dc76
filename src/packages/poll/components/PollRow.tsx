import { View, Text } from '@tarojs/components'
import { pollKindLabels, type PollSummary } from '../../../../types/poll'
import { Tag } from '@/components/common/Tag'
import { roundName, stateTag, timeLine } from '../labels'

/** One poll in a list: title, kind, state (or 无效), whether I voted, and its time. */
export function PollRow({ poll, onOpen }: { poll: PollSummary; onOpen: (p: PollSummary) => void }) {
  const tag = stateTag(poll)
  return (
    <View className={`poll-card${poll.voted ? ' poll-card--mine' : ''}`} data-poll={poll.id} onClick={() => onOpen(poll)}>
      <Text className='poll-title'>{poll.title}</Text>
      <View className='poll-tags'>
        <Tag tone={tag.tone}>{tag.label}</Tag>
        <Tag>{pollKindLabels[poll.kind]}</Tag>
        {poll.round > 1 ? <Tag tone='info'>{roundName(poll.round)}</Tag> : null}
        {poll.voted === true ? <Tag tone='success'>已投票</Tag> : null}
        {poll.voted === false && poll.state === 'open' ? <Tag tone='warning'>待投票</Tag> : null}
      </View>
      <Text className='poll-line'>{`${timeLine(poll)}${poll.rosterSize ? ` · 应投 ${poll.rosterSize} 人` : ''}`}</Text>
    </View>
  )
}
