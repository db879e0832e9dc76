import { View, Text } from '@tarojs/components'
import { answerClassLabels, ratingLabels, type ProposalItem } from '../../../../types/congress'
import { Tag } from '@/components/common/Tag'
import { numberLabel, stateTag } from '../labels'

/** One proposal on the board: number, 案由, state, proposer, who handles it and how it was rated. */
export function ProposalRow({ p, onOpen }: { p: ProposalItem; onOpen: (p: ProposalItem) => void }) {
  const tag = stateTag(p.state)
  return (
    <View className={`cg-card${p.overdue ? ' cg-card--warn' : ''}`} data-proposal={p.id} onClick={() => onOpen(p)}>
      <Text className='cg-title'>{`${numberLabel(p.number)} ${p.title}`}</Text>
      <View className='cg-tags'>
        <Tag tone={tag.tone}>{tag.label}</Tag>
        <Tag>{p.category}</Tag>
        {p.overdue ? <Tag tone='warning'>已超期</Tag> : null}
        {p.ratingClosable ? <Tag tone='warning'>评价期满</Tag> : null}
        {p.finalRating ? <Tag tone={p.finalRating === 'unsatisfied' ? 'warning' : 'success'}>{ratingLabels[p.finalRating]}</Tag> : null}
      </View>
      <Text className='cg-line'>{`提案人 ${p.proposerName} · 附议 ${p.seconds}/${p.secondsNeeded}${p.office ? ` · ${p.office}` : ''}${p.dueDate ? ` · ${p.dueDate} 前答复` : ''}`}</Text>
      {p.answerClass ? <Text className='cg-line'>{`答复：${answerClassLabels[p.answerClass]}`}</Text> : null}
    </View>
  )
}
