/**
 * Counting, as a pure function of the cast ballots: no database, no clock, so the unit tests
 * check it against an independent count. Every share is decided with integer arithmetic
 * (types/poll.ts `meets`), never a float.
 *
 * 评选 (election) with k seats:
 *  1. a candidate qualifies with votes meeting the rule (default: more than half of the ballots);
 *  2. qualified candidates are elected in order of votes; if more qualify than there are seats and
 *     a tie straddles the last seat, the tied go to a run-off for the seats left;
 *  3. fewer qualified than seats (a shortfall): the run-off is between the best-placed of the
 *     others — one more than the seats left (差额), ties at the cut included.
 */
import { criteria as CRITERIA, grades as GRADES, meets, needed, type Grade, type GradeCounts, type Majority, type PollKind, type RuleBase, type VoteChoice } from '../../types/poll'
import type { StoredChoices, StoredItem } from './documents'

export interface TallyPoll {
  kind: PollKind
  items: StoredItem[]
  criteria: boolean
  seats: number
  rule: { base: RuleBase; majority: Majority }
  quorum: Majority
}

export interface AppraisalTally {
  itemId: string
  counts: GradeCounts
  /** ballots that graded the subject (all minus 不了解) */
  graded: number
  criteria?: Array<{ key: (typeof CRITERIA)[number]; counts: GradeCounts }>
  /** non-empty comments written for this subject */
  comments: number
}

export interface ElectionTally {
  blank: number
  rows: Array<{ itemId: string; votes: number; status: 'elected' | 'runoff' | 'notElected' }>
  /** seats a run-off round is to fill (0: none needed) */
  runoffSeats: number
}

export interface VoteTally {
  itemId: string
  for: number
  against: number
  abstain: number
  passed: boolean
}

export interface Tally {
  rosterSize: number
  receipts: number
  ballots: number
  quorumNeeded: number
  quorumMet: boolean
  /** votes that meet the winning/passing rule */
  ruleNeeded: number
  appraisal?: AppraisalTally[]
  election?: ElectionTally
  vote?: VoteTally[]
}

const zeroCounts = (): GradeCounts => ({ excellent: 0, competent: 0, basic: 0, incompetent: 0, unknown: 0 })

export function tally(poll: TallyPoll, rosterSize: number, receipts: number, ballots: StoredChoices[]): Tally {
  const quorumNeeded = needed(rosterSize, poll.quorum)
  const base = poll.rule.base === 'electorate' ? rosterSize : ballots.length
  const out: Tally = {
    rosterSize, receipts, ballots: ballots.length,
    quorumNeeded, quorumMet: meets(ballots.length, rosterSize, poll.quorum),
    ruleNeeded: needed(base, poll.rule.majority),
  }
  if (poll.kind === 'appraisal') out.appraisal = appraisal(poll, ballots)
  if (poll.kind === 'election') out.election = election(poll, ballots, base)
  if (poll.kind === 'vote') out.vote = vote(poll, ballots, base)
  return out
}

function appraisal(poll: TallyPoll, ballots: StoredChoices[]): AppraisalTally[] {
  return poll.items.map((item, i) => {
    const counts = zeroCounts()
    const perCriterion = CRITERIA.map(() => zeroCounts())
    let comments = 0
    for (const b of ballots) {
      const g = b.grades?.[i]
      if (g) counts[g]++
      if (poll.criteria) b.criteria?.[i]?.forEach((c: Grade, k) => { if (perCriterion[k]) perCriterion[k][c]++ })
      if (b.comments?.[i]) comments++
    }
    return {
      itemId: item.id, counts, graded: GRADES.reduce((n, g) => n + (g === 'unknown' ? 0 : counts[g]), 0), comments,
      ...(poll.criteria ? { criteria: CRITERIA.map((key, k) => ({ key, counts: perCriterion[k] })) } : {}),
    }
  })
}

function election(poll: TallyPoll, ballots: StoredChoices[], base: number): ElectionTally {
  const votes = new Map(poll.items.map((it) => [it.id, 0]))
  let blank = 0
  for (const b of ballots) {
    const picks = b.picks ?? []
    if (picks.length === 0) blank++
    for (const id of picks) if (votes.has(id)) votes.set(id, votes.get(id)! + 1)
  }
  // Highest first; equal votes keep the organiser's order (only for display — ties are decided by the rules below).
  const ranked = poll.items.map((it) => ({ itemId: it.id, votes: votes.get(it.id)! })).sort((a, b) => b.votes - a.votes)
  const status = new Map<string, 'elected' | 'runoff' | 'notElected'>(ranked.map((r) => [r.itemId, 'notElected']))
  const qualified = ranked.filter((r) => meets(r.votes, base, poll.rule.majority))
  let runoffSeats = 0
  if (qualified.length > poll.seats) {
    const cut = qualified[poll.seats - 1].votes
    const above = qualified.filter((r) => r.votes > cut)
    for (const r of above) status.set(r.itemId, 'elected')
    const tied = qualified.filter((r) => r.votes === cut)
    if (above.length + tied.length > poll.seats) {
      runoffSeats = poll.seats - above.length
      for (const r of tied) status.set(r.itemId, 'runoff')
    } else {
      for (const r of tied) status.set(r.itemId, 'elected')
    }
  } else {
    for (const r of qualified) status.set(r.itemId, 'elected')
    const left = poll.seats - qualified.length
    const others = ranked.filter((r) => status.get(r.itemId) === 'notElected')
    if (left > 0 && others.length > 0) {
      runoffSeats = Math.min(left, others.length)
      const want = Math.min(others.length, left + 1)
      const cut = others[want - 1].votes
      for (const r of others) if (r.votes >= cut) status.set(r.itemId, 'runoff')
    }
  }
  return { blank, rows: ranked.map((r) => ({ ...r, status: status.get(r.itemId)! })), runoffSeats }
}

function vote(poll: TallyPoll, ballots: StoredChoices[], base: number): VoteTally[] {
  return poll.items.map((item, i) => {
    const n: Record<VoteChoice, number> = { for: 0, against: 0, abstain: 0 }
    for (const b of ballots) { const c = b.votes?.[i]; if (c) n[c]++ }
    return { itemId: item.id, ...n, passed: meets(n.for, base, poll.rule.majority) }
  })
}
