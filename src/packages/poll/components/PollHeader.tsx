import { View, Text } from '@tarojs/components'
import { percent, pollKindLabels, type PollDetail } from '../../../../types/poll'
import { Tag } from '@/components/common/Tag'
import { formatDateTime } from '@/utils/time'
import { roundName, stateTag, timeLine } from '../labels'

/**
 * What every voter sees of a poll: its terms, the frozen electorate (size + fingerprint, so anyone
 * can check nobody was added or swapped) and turnout — never a tally while it is open.
 */
export function PollHeader({ poll }: { poll: PollDetail }) {
  const tag = stateTag(poll)
  const { receipts, rosterSize } = poll.turnout
  return (
    <View className='poll-card' data-testid='poll-header'>
      <Text className='poll-title'>{poll.title}</Text>
      <View className='poll-tags'>
        <Tag tone={tag.tone}>{tag.label}</Tag>
        <Tag>{pollKindLabels[poll.kind]}</Tag>
        {poll.round > 1 ? <Tag tone='info'>{roundName(poll.round)}</Tag> : null}
        <Tag tone='neutral'>不记名</Tag>
      </View>
      {poll.description ? <Text className='poll-para'>{poll.description}</Text> : null}
      <Text className='poll-line'>{timeLine(poll)}{poll.openedAt ? `（${formatDateTime(poll.openedAt)} 开始）` : ''}</Text>
      {poll.electorate.fingerprint ? (
        <Text className='poll-line' data-testid='electorate'>{`投票人：${poll.electorate.label}，共 ${poll.electorate.size} 人（开始时锁定，名单指纹 ${poll.electorate.fingerprint}）`}</Text>
      ) : <Text className='poll-line'>{`投票人：${poll.electorate.label}（开始投票时锁定名单）`}</Text>}
      {rosterSize ? (
        <View data-testid='turnout' data-receipts={receipts} data-roster={rosterSize}>
          <Text className='poll-line'>{`已投票 ${receipts} / ${rosterSize} 人（${percent(receipts, rosterSize)}）`}</Text>
          <View className='poll-meter'><View className='poll-meter__fill' style={{ width: `${Math.min(100, (receipts * 100) / rosterSize)}%` }} /></View>
        </View>
      ) : null}
    </View>
  )
}
