/**
 * What members and organisers see of a poll before any result exists: its terms, its frozen
 * electorate (size + fingerprint) and turnout — receipts over the roster, never a tally.
 */
import { hasRole } from '../../types/role'
import type { PollConsole, PollDetail, PollState, PollSummary } from '../../types/poll'
import { requireMember, type Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { iso, pageOf, pageWindow, subPipeline, total } from '../_shared/query'
import { shuffled } from '../_shared/codes'
import type { ElectorDoc, PollDoc, StoredPollState } from './documents'
import { electorateLabel } from './electorate'
import { POLL_COLLECTIONS as C, existing, loadElector, loadPoll, receiptCount } from './store'

const CLIENT_STATE: Record<StoredPollState, PollState> = {
  draft: 'draft', opening: 'draft', open: 'open', closing: 'closed', closed: 'closed', publishing: 'closed', published: 'published', discarded: 'draft',
}
export const clientState = (p: PollDoc): PollState => CLIENT_STATE[p.state]

export function summary(p: PollDoc, voted?: boolean): PollSummary {
  return {
    id: p._id, title: p.title, kind: p.kind, state: clientState(p), round: p.round, closesAt: iso(p.closesAt),
    ...(p.openedAt ? { openedAt: iso(p.openedAt) } : {}), ...(p.closedAt ? { closedAt: iso(p.closedAt) } : {}),
    rosterSize: p.rosterSize ?? 0, ...(p.outcome ? { outcome: p.outcome } : {}), ...(voted === undefined ? {} : { voted }),
  }
}

/**
 * A member's polls: those whose frozen roster holds them, latest opening first. 2 requests: the count,
 * and the page of the member's elector entries with each one's poll joined ($lookup on _id).
 */
export async function myPolls(ctx: Ctx, page: number) {
  const where = { memberId: requireMember(ctx)._id }
  const electors = ctx.db.collection(C.electors)
  const { skip, limit } = pageWindow(page)
  const [count, res] = await Promise.all([
    total(electors.where(where)),
    electors.aggregate().match(where).sort({ openedAt: -1, _id: 1 }).skip(skip).limit(limit)
      .lookup({ from: C.polls, localField: 'pollId', foreignField: '_id', as: 'polls' }).end() as Promise<{ list: Array<ElectorDoc & { polls: PollDoc[] }> }>,
  ])
  const items = res.list.filter((e) => e.polls.length).map((e) => summary(e.polls[0], e.voted))
  return { items, page, total: count }
}

/** Every poll but discarded drafts, newest first (organisers). */
export async function allPolls(ctx: Ctx, page: number) {
  const _ = ctx.db.command
  const { total, items } = await pageOf<PollDoc>(ctx.db.collection(C.polls), { state: _.in(['draft', 'opening', 'open', 'closing', 'closed', 'publishing', 'published']) }, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], page })
  return { items: items.map((p) => summary(p)), page, total }
}

/** A poll a member may look at: drafts only for organisers. */
export async function visiblePoll(ctx: Ctx, id: string): Promise<PollDoc> {
  const p = await loadPoll(ctx.db, id)
  if (clientState(p) === 'draft' && !hasRole(ctx.role, 'committee')) throw new AppError('NOT_FOUND', '投票不存在或还没有开始')
  return p
}

export async function detail(ctx: Ctx, p: PollDoc): Promise<PollDetail> {
  const member = requireMember(ctx)
  const [elector, receipts] = await Promise.all([
    p.rosterSize === undefined ? null : loadElector(ctx.db, p._id, member._id),
    p.rosterSize === undefined ? 0 : receiptCount(ctx.db, p._id),
  ])
  // 评选: the candidates in a fresh random order for every voter, so the list's order favours nobody.
  const items = p.kind === 'election' ? shuffled(p.items) : p.items
  return {
    id: p._id, title: p.title, kind: p.kind, description: p.description, state: clientState(p), round: p.round,
    ...(p.parentId ? { parentId: p.parentId } : {}), ...(p.runoffId ? { runoffId: p.runoffId } : {}),
    items: items.map((it) => ({ id: it.id, name: it.name, note: it.note })),
    allowUnknown: p.allowUnknown, criteria: p.criteria, comments: p.comments, seats: p.seats, rule: p.rule, quorum: p.quorum,
    closesAt: iso(p.closesAt), ...(p.openedAt ? { openedAt: iso(p.openedAt) } : {}), ...(p.closedAt ? { closedAt: iso(p.closedAt) } : {}),
    electorate: { kind: p.electorate.kind, label: electorateLabel(p.electorate), size: p.rosterSize ?? 0, ...(p.fingerprint ? { fingerprint: p.fingerprint } : {}) },
    turnout: { receipts, rosterSize: p.rosterSize ?? 0 },
    ...(p.outcome ? { outcome: p.outcome } : {}),
    me: { eligible: !!elector, voted: !!elector?.voted },
    canManage: hasRole(ctx.role, 'committee'),
  }
}

export async function consoleView(ctx: Ctx, p: PollDoc): Promise<PollConsole> {
  const d = await detail(ctx, p)
  return {
    ...d, items: p.items.map((it) => ({ id: it.id, name: it.name, note: it.note })), revision: p.revision,
    slips: { printed: p.slipsPrinted, issued: p.slipsIssued, used: p.slipsUsed },
    ...(p.noticeId ? { noticeId: p.noticeId } : {}), ...(p.lastRemindedAt ? { lastRemindedAt: iso(p.lastRemindedAt) } : {}),
    electorateSetting: p.electorate,
  }
}

/**
 * The chair's 未投票名单: electors without a receipt, by name (never anything about those who voted).
 * One request besides the caller: the poll, with the page of its non-voters and their number looked up
 * from poll_electors (sub-pipelines on the poll's known id, which the pollId/voted/name index serves).
 */
export async function nonVoters(ctx: Ctx, id: string, page: number) {
  const $ = ctx.db.command.aggregate
  const waiting = { pollId: id, voted: false }
  const { skip, limit } = pageWindow(page)
  type Row = Pick<PollDoc, '_id' | 'state' | 'rosterSize'> & { page: Array<Pick<ElectorDoc, 'memberId' | 'name' | 'department'>>; count: Array<{ n: number }> }
  const res = (await ctx.db.collection(C.polls).aggregate().match({ _id: id }).project({ state: true, rosterSize: true })
    .lookup({ from: C.electors, pipeline: subPipeline(ctx.db).match(waiting).sort({ name: 1, _id: 1 }).skip(skip).limit(limit).project({ memberId: true, name: true, department: true }).done(), as: 'page' })
    .lookup({ from: C.electors, pipeline: subPipeline(ctx.db).match(waiting).group({ _id: null, n: $.sum(1) }).done(), as: 'count' })
    .end()) as { list: Row[] }
  const p = existing(res.list[0])
  if (p.rosterSize === undefined) throw new AppError('CONFLICT', '投票还没有开始')
  return { items: p.page.map((e) => ({ memberId: e.memberId, name: e.name, department: e.department })), page, total: p.count[0]?.n ?? 0 }
}
