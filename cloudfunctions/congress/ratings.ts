/**
 * 满意度: the proposer and every 附议人 (and the people of merged proposals) rate each answer that
 * reaches them, once per round. A round is settled — by the last rating, or by the committee closing it
 * after its deadline (RATING_DAYS after 审核通过, checked on (state 'rating', round, revision) in the transaction
 * that also writes its audit entry) — in ONE update:
 *  - round 1 with any 不满意 reopens the case (面商, round 2) — also when the round was closed early:
 *    a rater's 不满意 is not lost because someone else stayed silent;
 *  - otherwise the case closes: final rating = the least satisfied rating given; nobody rated →
 *    closed without a final rating (未评价), and the round adds nothing to 满意率 (its base is ratings given).
 * Raters who never rated a closed round are recorded by name as 未评价 on the proposal.
 */
import type { Rating } from '../../types/congress'
import { auditedUpdate } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { conflict, forbidden } from '../_shared/errors'
import { addDays, shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C, type ProposalDoc, type RatingDoc } from './documents'
import { DECIDED_ELSEWHERE, mustBe, proposalEntry } from './proposals'
import { loadProposal, loadSession, membersByIds, proposalRatings, ratingId, requireProposalCommittee, scanAll } from './store'

const WORST: Rating[] = ['unsatisfied', 'basic', 'satisfied']

export async function rate(ctx: Ctx, id: string, rating: Rating, comment: string): Promise<{ state: string; round: number }> {
  const me = requireMember(ctx)
  const p = await loadProposal(ctx.db, id)
  if (!p.raterIds.includes(me._id)) throw forbidden('只有提案人和附议人可以评价答复')
  mustBe(p, ['rating'], '评价')
  const doc: RatingDoc = { _id: ratingId(p._id, p.round, me._id), proposalId: p._id, sessionId: p.sessionId, round: p.round, memberId: me._id, name: me.name, rating, comment, at: ctx.now }
  try {
    await ctx.db.collection(C.ratings).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw conflict('您已评价过这次答复')
    throw err
  }
  const round = await roundRatings(ctx, p)
  if (round.length < p.raterIds.length) return { state: 'rating', round: p.round }
  const settled = await settle(ctx, p, round)
  return settled ?? { state: 'rating', round: p.round }
}

/**
 * The 提案工作委员会 closes a rating round whose deadline has passed (conditional on the revision the
 * member saw, so two members closing at once close it once). Audited with the names recorded as 未评价.
 */
export async function closeRating(ctx: Ctx, id: string, revision: number): Promise<{ state: string; round: number; unrated: number }> {
  const p = await loadProposal(ctx.db, id)
  requireProposalCommittee(ctx, await loadSession(ctx.db, p.sessionId))
  mustBe(p, ['rating'], '结束评价')
  if (!pastDue(ctx, p)) throw conflict(`评价期限到 ${p.ratingDue ?? '—'}，期满后才能结束评价`)
  if (p.revision !== revision) throw conflict(DECIDED_ELSEWHERE)
  const closed = await closeRound(ctx, p, requireMember(ctx))
  if (!closed) throw conflict(DECIDED_ELSEWHERE)
  return closed
}

/** Who the audit log names when the daily timer closes a round (there is no member behind it). */
export const RATING_TIMER_ACTOR = { _id: 'timer', name: '系统（评价期满自动结束）' }

/**
 * Daily (timer): every round still open the day after its deadline is closed as the committee would
 * close it — the same conditional update on (state, round, revision), so a committee member closing it
 * at the same moment, or a second run, closes it once. Nobody has to remember a round for it to end.
 */
export async function closeExpiredRatings(ctx: Ctx): Promise<{ closed: number }> {
  const waiting = await scanAll<ProposalDoc>(ctx.db, C.proposals, { state: 'rating' }, { ratingDue: true, state: true })
  let closed = 0
  for (const w of waiting.filter((x) => pastDue(ctx, x))) {
    const p = await loadProposal(ctx.db, w._id)
    if (p.state !== 'rating' || !pastDue(ctx, p)) continue
    if (await closeRound(ctx, p, RATING_TIMER_ACTOR)) closed++
  }
  return { closed }
}

const pastDue = (ctx: Ctx, p: Pick<ProposalDoc, 'ratingDue'>) => !!p.ratingDue && shanghaiDate(ctx.now) > p.ratingDue

/** Settles the round on the ratings given, records the silent raters as 未评价, audits — in one transaction; null when settled elsewhere first. */
async function closeRound(ctx: Ctx, p: ProposalDoc, actor: { _id: string; name: string }): Promise<{ state: string; round: number; unrated: number } | null> {
  const round = await roundRatings(ctx, p)
  const rated = new Set(round.map((r) => r.memberId))
  const missingIds = p.raterIds.filter((x) => !rated.has(x))
  const names = await membersByIds(ctx.db, missingIds)
  const missing = missingIds.map((memberId) => ({ round: p.round, memberId, name: names.get(memberId)?.name ?? '（已离开）' }))
  const { next, data } = settlement(ctx, p, round, missing)
  const note = missing.length ? `未评价：${missing.map((m) => m.name).join('、')}` : undefined
  const { changed } = await auditedUpdate<ProposalDoc>(ctx, C.proposals, p._id, (now) => (!now || now.state !== 'rating' || now.round !== p.round || now.revision !== p.revision ? null : {
    data: { ...data, revision: p.revision + 1 },
    entry: proposalEntry(now, 'congress.closeRating', note, actor),
  }))
  return changed ? { ...next, unrated: missing.length } : null
}

const roundRatings = async (ctx: Ctx, p: ProposalDoc) => (await proposalRatings(ctx.db, p._id)).filter((r) => r.round === p.round)

/** What settling the round on `round` writes (without the revision) and where the case goes next. */
function settlement(ctx: Ctx, p: ProposalDoc, round: RatingDoc[], missing: NonNullable<ProposalDoc['unrated']>) {
  const _ = ctx.db.command
  const counts: Record<Rating, number> = { satisfied: 0, basic: 0, unsatisfied: 0 }
  for (const r of round) counts[r.rating]++
  const dueAgain = addDays(shanghaiDate(ctx.now), 14)
  const worst = WORST.find((w) => counts[w] > 0)
  const next = counts.unsatisfied > 0 && p.round === 1
    ? { state: 'assigned', round: 2, dueDate: p.dueDate && p.dueDate > dueAgain ? p.dueDate : dueAgain }
    : { state: 'closed', ...(worst ? { finalRating: worst } : {}), ratingCounts: { ...counts, ...(missing.length ? { unrated: missing.length } : {}) } }
  const data = { ...next, ...(missing.length ? { unrated: _.push(missing) } : {}), ratingDue: _.remove(), updatedAt: ctx.now }
  return { next: { state: next.state, round: next.state === 'assigned' ? 2 : p.round }, data }
}

/** The last rating settles the round: one conditional update on (state 'rating', round); null when another call settled it first. */
async function settle(ctx: Ctx, p: ProposalDoc, round: RatingDoc[]): Promise<{ state: string; round: number } | null> {
  const { next, data } = settlement(ctx, p, round, [])
  const res = (await ctx.db.collection(C.proposals).where({ _id: p._id, state: 'rating', round: p.round }).update({ data: { ...data, revision: ctx.db.command.inc(1) } })) as { stats: { updated: number } }
  return res.stats.updated === 1 ? next : null
}
