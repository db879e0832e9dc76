import { View, Text } from '@tarojs/components'
import { answerClassLabels, ratingLabels, type ProposalDetail } from '../../../../../types/congress'
import { DetailRow } from '@/components/common/DetailRow'
import { AnswerFiles } from '../../components/AnswerFiles'
import { CoNotes } from '../../components/CoNotes'

/** How the case is handled: the offices and people, every answer (A/B/C), the 协办意见 and every rating, round by round. */
export function Handling({ p }: { p: ProposalDetail }) {
  if (!p.office && !p.answers.length) return null
  return (
    <View className='cg-card' data-testid='handling'>
      <Text className='cg-strong'>办理情况</Text>
      {p.office ? <DetailRow label='主办部门' value={`${p.office}${p.coOffices ? `（协办：${p.coOffices}）` : ''}`} /> : null}
      {p.handlerName ? <DetailRow label='承办人' value={p.handlerName} /> : null}
      {p.coHandlers.length ? <DetailRow label='协办人' value={p.coHandlers.map((c) => c.name).join('、')} /> : null}
      {p.dueDate ? <DetailRow label='答复期限' value={`${p.dueDate}${p.overdue ? '（已超期）' : ''}`} /> : null}
      {p.answers.map((a) => (
        <View key={`${a.round}-${a.answeredOn}`} data-answer={a.round}>
          <Text className='cg-para cg-strong'>{`第${a.round}次答复 · ${answerClassLabels[a.answerClass]} · ${a.answeredOn}${a.onTime ? '' : '（超期）'}`}</Text>
          <Text className='cg-para'>{a.text}</Text>
          {a.reason ? <Text className='cg-para'>{`暂不能解决的原因：${a.reason}`}</Text> : null}
          <AnswerFiles proposalId={p.id} round={a.round} list={a.files} />
        </View>
      ))}
      <CoNotes notes={p.coNotes} />
      {p.ratings.length ? <Text className='cg-para cg-strong'>评价</Text> : null}
      {p.ratings.map((r) => <Text key={`${r.round}-${r.name}`} className='cg-line' data-rating={r.rating}>{`第${r.round}次 · ${r.name}：${ratingLabels[r.rating]}${r.comment ? `，${r.comment}` : ''}`}</Text>)}
      {p.unrated.map((u) => <Text key={`${u.round}-${u.name}`} className='cg-line' data-rating='unrated'>{`第${u.round}次 · ${u.name}：未评价（评价期满）`}</Text>)}
      {p.state === 'rating' ? <Text className='cg-line'>{`评价人：${p.raterNames.join('、')}${p.ratingDue ? `；评价期限 ${p.ratingDue}` : ''}`}</Text> : null}
      {p.state === 'closed' && !p.finalRating ? <Text className='cg-line'>最终评价：未评价（评价期满无人评价）</Text> : null}
    </View>
  )
}
