/**
 * Results, after the close only: the stored count (closing.ts), the comments where enough
 * ballots graded a subject, and the verification list — every ballot as cast, with its tracker,
 * in a random order (ids are random; the listing is by id), so each voter can find their own.
 * Who may look: the poll's electors and the committee; everyone once it is published.
 * A void poll (below quorum) shows its turnout and nothing else.
 */
import { hasRole } from '../../types/role'
import { COMMENTS_MIN_BALLOTS, type BallotView, type PollResults } from '../../types/poll'
import { requireMember, type Ctx } from '../_shared/context'
import { AppError, forbidden } from '../_shared/errors'
import { docs, iso, pageOf } from '../_shared/query'
import type { ResultsDoc } from './closing'
import type { BallotDoc, CommentDoc, PollDoc } from './documents'
import { POLL_COLLECTIONS as C, getDoc, loadElector } from './store'
import { clientState } from './views'

/** The stored count of a closed poll, for a caller allowed to read it. */
export async function readableResults(ctx: Ctx, p: PollDoc): Promise<ResultsDoc> {
  if (p.state === 'draft' || p.state === 'opening' || p.state === 'open') throw new AppError('CONFLICT', '投票结束后才能看到结果')
  if (p.state === 'closing') throw new AppError('CONFLICT', '正在计票，请稍后再看')
  if (p.state !== 'published' && !hasRole(ctx.role, 'committee') && !(await loadElector(ctx.db, p._id, requireMember(ctx)._id))) {
    throw forbidden('结果公布前，只有本次投票的投票人可以查看')
  }
  const r = await getDoc<ResultsDoc>(ctx.db, C.results, p._id)
  if (!r) throw new AppError('CONFLICT', '正在计票，请稍后再看')
  return r
}

export function resultsView(ctx: Ctx, p: PollDoc, r: ResultsDoc): PollResults {
  const valid = p.outcome === 'valid'
  const item = (id: string) => p.items.find((it) => it.id === id)!
  const named = (id: string) => ({ itemId: id, name: item(id).name, note: item(id).note })
  return {
    id: p._id, title: p.title, kind: p.kind, state: clientState(p), round: p.round, closedAt: iso(p.closedAt ?? r.computedAt),
    rosterSize: r.rosterSize, receipts: r.receipts, ballots: r.ballots, slipsUsed: p.slipsUsed,
    quorum: { rule: p.quorum, needed: r.quorumNeeded, met: r.quorumMet }, outcome: valid ? 'valid' : 'void',
    rule: { ...p.rule, needed: r.ruleNeeded }, seats: p.seats,
    ...(valid && r.appraisal ? {
      appraisal: r.appraisal.map((row) => ({
        ...named(row.itemId), counts: row.counts, graded: row.graded, ...(row.criteria ? { criteria: row.criteria } : {}),
        comments: row.graded >= COMMENTS_MIN_BALLOTS ? row.comments : 0, commentsWithheld: row.graded < COMMENTS_MIN_BALLOTS && row.comments > 0,
      })),
    } : {}),
    ...(valid && r.election ? { election: { blank: r.election.blank, runoffSeats: r.election.runoffSeats, rows: r.election.rows.map((row) => ({ ...named(row.itemId), votes: row.votes, status: row.status })) } } : {}),
    ...(valid && r.vote ? { vote: r.vote.map((row) => ({ ...named(row.itemId), for: row.for, against: row.against, abstain: row.abstain, passed: row.passed })) } : {}),
    ...(p.runoffId ? { runoffId: p.runoffId } : {}), ...(p.noticeId ? { noticeId: p.noticeId } : {}),
    canManage: hasRole(ctx.role, 'committee'),
  }
}

function validOnly(p: PollDoc): void {
  if (p.outcome !== 'valid') throw new AppError('CONFLICT', '本次投票未达到法定人数，结果无效，不公布选票')
}

export async function comments(ctx: Ctx, p: PollDoc, itemId: string, page: number) {
  const r = await readableResults(ctx, p)
  validOnly(p)
  const row = r.appraisal?.find((a) => a.itemId === itemId)
  if (!row || row.graded < COMMENTS_MIN_BALLOTS) return { items: [], page, total: 0 }
  const { total, items } = await pageOf<CommentDoc>(ctx.db.collection(C.comments), { pollId: p._id, itemId }, { orderBy: [['_id', 'asc']], page })
  return { items: items.map((c) => ({ text: c.text })), page, total }
}

function ballotView(b: BallotDoc): BallotView {
  const c = b.choices ?? {}
  return {
    tracker: b.tracker ?? '',
    ...(c.grades ? { grades: c.grades } : {}), ...(c.criteria ? { criteria: c.criteria } : {}),
    ...(c.picks ? { picks: c.picks } : {}), ...(c.votes ? { votes: c.votes } : {}),
    ...(c.comments ? { commented: c.comments.filter(Boolean).length } : {}),
  }
}

export async function ballots(ctx: Ctx, p: PollDoc, page: number) {
  await readableResults(ctx, p)
  validOnly(p)
  const { total, items } = await pageOf<BallotDoc>(ctx.db.collection(C.ballots), { pollId: p._id, state: 'cast' }, { orderBy: [['_id', 'asc']], page, fields: { tracker: true, choices: true } })
  return { items: items.map(ballotView), page, total, pollItems: p.items.map((it) => ({ id: it.id, name: it.name, note: it.note })) }
}

export async function findBallot(ctx: Ctx, p: PollDoc, tracker: string) {
  await readableResults(ctx, p)
  validOnly(p)
  const found = await docs<BallotDoc>(ctx.db.collection(C.ballots).where({ pollId: p._id, tracker }).limit(1).field({ tracker: true, choices: true, state: true }))
  const b = found.find((x) => x.state === 'cast')
  return b ? { found: true, ballot: ballotView(b) } : { found: false }
}
