import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { criteria as CRITERIA, voteChoiceLabels, voteChoices, type BallotInput, type PollDetail, type VoteChoice } from '../../../../types/poll'
import { AppButton } from '@/components/AppButton'
import { Choice } from '@/components/form/Choice'
import { CandidatePicks } from './CandidatePicks'
import { GradeCard, type GradeEntry } from './GradeCard'

const choiceOf = (label: string) => voteChoices.find((c) => voteChoiceLabels[c] === label)!

/** The first thing still missing on the ballot, as the voter should read it; null when complete. */
function missing(poll: PollDetail, entries: Record<string, GradeEntry>, votes: Record<string, VoteChoice>): string | null {
  for (const it of poll.items) {
    if (poll.kind === 'appraisal') {
      const e = entries[it.id]
      if (!e?.grade || (poll.criteria && e.criteria.some((c) => !c))) return `还没有评价“${it.name}”${poll.criteria ? '（德、能、勤、绩、廉和总体都要选）' : ''}`
    }
    if (poll.kind === 'vote' && !votes[it.id]) return `还没有对“${it.name}”表决`
  }
  return null
}

/** A ballot of any kind; nothing is sent until it is complete and the voter confirms. */
export function BallotForm({ poll, busy, onSubmit }: { poll: PollDetail; busy: boolean; onSubmit: (b: BallotInput) => void }) {
  const blank = (): GradeEntry => ({ criteria: CRITERIA.map(() => undefined), comment: '' })
  const [entries, setEntries] = useState<Record<string, GradeEntry>>({})
  const [picks, setPicks] = useState<string[]>([])
  const [votes, setVotes] = useState<Record<string, VoteChoice>>({})
  const [error, setError] = useState('')
  const done = poll.kind === 'appraisal' ? poll.items.filter((it) => entries[it.id]?.grade).length : poll.kind === 'vote' ? Object.keys(votes).length : picks.length

  const submit = () => {
    const gap = missing(poll, entries, votes)
    setError(gap ?? '')
    if (gap) return
    if (poll.kind === 'appraisal') {
      onSubmit({ grades: poll.items.map((it) => {
        const e = entries[it.id]
        return { itemId: it.id, grade: e.grade!, ...(poll.criteria ? { criteria: e.criteria as NonNullable<GradeEntry['grade']>[] } : {}), ...(e.comment.trim() ? { comment: e.comment.trim() } : {}) }
      }) })
    } else if (poll.kind === 'election') onSubmit({ picks })
    else onSubmit({ votes: poll.items.map((it) => ({ itemId: it.id, choice: votes[it.id] })) })
  }

  return (
    <View data-testid='ballot'>
      {poll.kind === 'appraisal' ? poll.items.map((it) => (
        <GradeCard key={it.id} item={it} entry={entries[it.id] ?? blank()} allowUnknown={poll.allowUnknown} withCriteria={poll.criteria} withComment={poll.comments}
          onChange={(e) => setEntries({ ...entries, [it.id]: e })} />
      )) : null}
      {poll.kind === 'election' ? <CandidatePicks items={poll.items} seats={poll.seats} picks={picks} onChange={setPicks} /> : null}
      {poll.kind === 'vote' ? poll.items.map((it) => (
        <View key={it.id} className={`poll-card${votes[it.id] ? ' poll-card--mine' : ''}`} data-motion={it.name}>
          <Text className='poll-item__name'>{it.name}</Text>
          {it.note ? <Text className='poll-line'>{it.note}</Text> : null}
          <Choice name={`${it.id}-vote`} options={voteChoices.map((c) => voteChoiceLabels[c])} value={votes[it.id] ? voteChoiceLabels[votes[it.id]] : undefined}
            onChange={(label) => setVotes({ ...votes, [it.id]: choiceOf(label) })} />
        </View>
      )) : null}
      {error ? <View className='poll-alert' role='alert'><Text>{error}</Text></View> : null}
      <View className='poll-actions'>
        {poll.kind !== 'election' ? <Text className='poll-line'>{`已完成 ${done} / ${poll.items.length} 项`}</Text> : null}
        <AppButton block disabled={busy || undefined} onClick={submit}>{busy ? '正在提交…' : '提交选票'}</AppButton>
      </View>
    </View>
  )
}
