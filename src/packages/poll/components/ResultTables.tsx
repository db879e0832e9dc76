import { View, Text } from '@tarojs/components'
import {
  candidateStatusLabels, criterionLabels, gradeLabels, grades, majorityLabels, percent, ruleBaseLabels, voteChoiceLabels, voteChoices,
  type AppraisalRow, type PollResults,
} from '../../../../types/poll'
import { Tag } from '@/components/common/Tag'

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='poll-row' data-row={testId}>
      <Text className='poll-row__label'>{label}</Text>
      <Text className='poll-row__value'>{value}</Text>
    </View>
  )
}

/** 在册人数、参评人数、参评率、法定人数 and whether the result stands. */
export function Turnout({ r }: { r: PollResults }) {
  return (
    <View className='poll-card' data-testid='results-head' data-outcome={r.outcome} data-ballots={r.ballots}>
      <Text className='poll-title'>{r.outcome === 'valid' ? '结果有效' : '未达到法定人数，本次投票无效'}</Text>
      <View className='poll-table'>
        <Row label='在册人数（锁定的投票人名单）' value={`${r.rosterSize} 人`} />
        <Row label='参评人数（选票）' value={`${r.ballots} 人`} testId='ballots' />
        <Row label='参评率' value={percent(r.ballots, r.rosterSize)} />
        <Row label={`法定人数（${majorityLabels[r.quorum.rule]}）`} value={`${r.quorum.needed} 人，${r.quorum.met ? '已达到' : '未达到'}`} />
        <Row label='回执 / 选票' value={`${r.receipts} / ${r.ballots}${r.ballots <= r.receipts ? '，选票不多于回执 ✓' : '，不符！'}`} />
        {r.slipsUsed ? <Row label='其中评议码投票' value={`${r.slipsUsed} 张`} /> : null}
      </View>
    </View>
  )
}

function Appraisal({ row, ballots, onComments }: { row: AppraisalRow; ballots: number; onComments: (row: AppraisalRow) => void }) {
  const shown = grades.filter((g) => g !== 'unknown' || row.counts.unknown > 0)
  return (
    <View className='poll-card' data-result={row.name}>
      <Text className='poll-item__name'>{row.name}</Text>
      {row.note ? <Text className='poll-item__note'>{row.note}</Text> : null}
      <View className='poll-table'>
        {shown.map((g) => <Row key={g} label={gradeLabels[g]} value={`${row.counts[g]} 票（${percent(row.counts[g], ballots)}）`} testId={`${row.name}-${g}`} />)}
        <Row label='优秀率' value={percent(row.counts.excellent, row.graded)} />
        <Row label='称职率（优秀＋称职）' value={percent(row.counts.excellent + row.counts.competent, row.graded)} />
      </View>
      {row.criteria ? row.criteria.map((c) => (
        <Text key={c.key} className='poll-line'>{`${criterionLabels[c.key]}：${grades.filter((g) => c.counts[g]).map((g) => `${gradeLabels[g]} ${c.counts[g]}`).join('，')}`}</Text>
      )) : null}
      {row.comments > 0 ? <Text className='poll-link' onClick={() => onComments(row)}>{`查看评语（${row.comments} 条，顺序已打乱）`}</Text> : null}
      {row.commentsWithheld ? <Text className='poll-line'>评价人数少于 5 人，评语不公开。</Text> : null}
    </View>
  )
}

/** Every figure of a valid result, by kind. */
export function ResultTables({ r, onComments }: { r: PollResults; onComments: (row: AppraisalRow) => void }) {
  if (r.outcome !== 'valid') return null
  return (
    <View>
      {r.appraisal?.map((row) => <Appraisal key={row.itemId} row={row} ballots={r.ballots} onComments={onComments} />)}
      {r.election ? (
        <View className='poll-card'>
          <Text className='poll-line'>{`应选 ${r.seats} 人；当选须得票${majorityLabels[r.rule.majority]}（${ruleBaseLabels[r.rule.base]}，至少 ${r.rule.needed} 票）；空白票 ${r.election.blank} 张。`}</Text>
          {r.election.rows.map((row) => (
            <View key={row.itemId} className='poll-row' data-result={row.name}>
              <Text className='poll-row__label'>{row.name}</Text>
              <Text className='poll-row__value'>{`${row.votes} 票（${percent(row.votes, r.ballots)}）`}</Text>
              <Tag tone={row.status === 'elected' ? 'success' : row.status === 'runoff' ? 'warning' : 'neutral'}>{candidateStatusLabels[row.status]}</Tag>
            </View>
          ))}
        </View>
      ) : null}
      {r.vote?.map((row) => (
        <View key={row.itemId} className='poll-card' data-result={row.name}>
          <Text className='poll-item__name'>{row.name}</Text>
          <Tag tone={row.passed ? 'success' : 'neutral'}>{row.passed ? '通过' : '未通过'}</Tag>
          <View className='poll-table'>
            {voteChoices.map((c) => <Row key={c} label={voteChoiceLabels[c]} value={`${row[c]} 票（${percent(row[c], r.ballots)}）`} />)}
          </View>
        </View>
      ))}
    </View>
  )
}
