/**
 * What people read: the session board (every member sees every submitted proposal, its answer and
 * rating, and the 条条有答复 figures), proposal detail with what the caller may do, similar proposals.
 * Drafts are seen only by their proposer and the 代表 invited to second them.
 */
import { PAGE_SIZE } from '../../types/common'
import type { BoardFigures, ProposalDetail, ProposalItem, SessionView } from '../../types/congress'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { forbidden, notFound } from '../_shared/errors'
import { hasRole } from '../../types/role'
import { docs } from '../_shared/query'
import { queryTerms } from '../_shared/search-terms'
import { shanghaiDate } from '../_shared/time'
import { keywordTerms, nameMatches } from '../_shared/member-search'
import { answerFileViews } from './answer-files'
import { coNoteViews, isCoHandler } from './co-handlers'
import { CONGRESS_COLLECTIONS as C, type InviteDoc, type ProposalDoc, type ProposalRow, type SessionDoc } from './documents'
import {
  allSessions, getDoc, inviteId, isProposalCommittee, latestSession, loadDelegate, loadProposal, loadSession, membersByIds, proposalInvites, proposalRatings,
  sessionBundle, sessionDelegates, sessionProposals, type SessionBundle,
} from './store'

const PRE_SUBMIT = new Set(['draft', 'returned'])
const DECIDED = new Set(['accepted', 'assigned', 'answered', 'rating', 'closed', 'merged', 'suggestion'])
const CASES = new Set(['accepted', 'assigned', 'answered', 'rating', 'closed'])

export function isOverdue(p: Pick<ProposalRow, 'state' | 'dueDate' | 'reviewDue'>, today: string): boolean {
  if (p.state === 'assigned') return !!p.dueDate && p.dueDate < today
  if (p.state === 'submitted') return !!p.reviewDue && p.reviewDue < today
  return false
}

/** A rating round past its deadline (RATING_DAYS after 审核通过): the committee may close it. */
export const ratingClosable = (p: Pick<ProposalRow, 'state' | 'ratingDue'>, today: string) => p.state === 'rating' && !!p.ratingDue && today > p.ratingDue

const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a * 100) / b))

/**
 * 立案率 = (立案 + 并案) / decided; 按期答复率 = first answers on time / cases answered; 满意率 = 满意 + 基本满意 /
 * ratings given in the final rounds of closed cases (未评价 raters are counted apart, never in the base).
 */
export function figuresOf(all: ProposalRow[], today: string): BoardFigures {
  const submitted = all.filter((p) => !PRE_SUBMIT.has(p.state))
  const decided = submitted.filter((p) => DECIDED.has(p.state))
  const accepted = decided.filter((p) => CASES.has(p.state) || p.state === 'merged')
  const answeredCases = submitted.filter((p) => p.answers.length > 0)
  const onTime = answeredCases.filter((p) => p.answers[0].onTime)
  let good = 0
  let ratingsTotal = 0
  let ratingsMissing = 0
  for (const p of all) {
    if (!p.ratingCounts) continue
    good += p.ratingCounts.satisfied + p.ratingCounts.basic
    ratingsTotal += p.ratingCounts.satisfied + p.ratingCounts.basic + p.ratingCounts.unsatisfied
    ratingsMissing += p.ratingCounts.unrated ?? 0
  }
  return {
    submitted: submitted.length, decided: decided.length, accepted: accepted.length, suggestions: decided.filter((p) => p.state === 'suggestion').length,
    answered: answeredCases.length, answeredOnTime: onTime.length, closed: submitted.filter((p) => p.state === 'closed').length,
    ratingsGood: good, ratingsTotal, ratingsMissing, overdue: submitted.filter((p) => isOverdue(p, today)).length,
    acceptRate: pct(accepted.length, decided.length), onTimeRate: pct(onTime.length, answeredCases.length), satisfactionRate: pct(good, ratingsTotal),
  }
}

export function itemOf(p: ProposalRow, today: string): ProposalItem {
  const last = [...p.answers].reverse().find((a) => !a.returnedReason)
  return {
    id: p._id, number: p.number, title: p.title, category: p.category, proposerName: p.proposerName, state: p.state, seconds: p.seconds, secondsNeeded: p.secondsNeeded,
    office: p.office ?? null, dueDate: p.dueDate ?? null, overdue: isOverdue(p, today), answerClass: last?.answerClass ?? null, finalRating: p.finalRating ?? null,
    ratingClosable: ratingClosable(p, today),
  }
}

/** Every session with its count of active 代表: 2 requests however many sessions (one $group for the counts). */
export async function sessionList(ctx: Ctx) {
  const today = shanghaiDate(ctx.now)
  const sessions = await allSessions(ctx.db)
  const delegates = await activeDelegateCounts(ctx, sessions.map((s) => s._id))
  return { items: sessions.map((s) => ({ ...summary(s, today), delegates: delegates.get(s._id) ?? 0 })) }
}

/** Active 代表 per session, for at most MAX_QUERY sessions (allSessions' limit), in one request. */
async function activeDelegateCounts(ctx: Ctx, sessionIds: string[]): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map()
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db.collection(C.delegates).aggregate().match({ sessionId: ctx.db.command.in(sessionIds), state: 'active' })
    .group({ _id: '$sessionId', n: $.sum(1) }).limit(MAX_QUERY).end()) as { list: Array<{ _id: string; n: number }> }
  return new Map(res.list.map((r) => [r._id, r.n]))
}

function summary(s: SessionDoc, today: string) {
  return { id: s._id, title: s.title, term: s.term, meeting: s.meeting, meetingDate: s.meetingDate, collectFrom: s.collectFrom, collectTo: s.collectTo, collecting: today >= s.collectFrom && today <= s.collectTo }
}

export async function sessionView(ctx: Ctx, sessionId: string): Promise<SessionView> {
  const s = await loadSession(ctx.db, sessionId)
  return viewOf(ctx, s, await sessionBundle(ctx, s))
}

/** The session as its pages show it, and what the caller is in it. */
export function viewOf(ctx: Ctx, s: SessionDoc, b: SessionBundle): SessionView {
  const me = requireMember(ctx)
  const today = shanghaiDate(ctx.now)
  const mine = b.delegates.find((d) => d.memberId === me._id)
  return {
    ...summary(s, today), revision: s.revision, reviewDays: s.reviewDays, minSeconds: s.minSeconds, agenda: s.agenda, polls: b.polls,
    documents: (s.documentIds ?? []).filter((id) => b.documents.has(id)).map((id) => ({ noticeId: id, title: b.documents.get(id)! })),
    committee: s.committeeIds.map((id) => ({ memberId: id, name: b.committee.get(id) ?? '（已离开）' })),
    delegates: b.delegates.filter((d) => d.state === 'active').length, guests: b.delegates.filter((d) => d.state === 'guest').length,
    me: {
      delegate: mine?.state === 'active', guest: mine?.state === 'guest', committee: isProposalCommittee(ctx, s), chair: ctx.role === 'chair',
      handler: b.proposals.some((p) => (p.handlerId === me._id || isCoHandler(p, me._id)) && p.state === 'assigned'),
    },
    congressDay: today === s.meetingDate,
    figures: figuresOf(b.proposals, today),
  }
}

export async function delegateList(ctx: Ctx, sessionId: string) {
  await loadSession(ctx.db, sessionId)
  const ds = (await sessionDelegates(ctx.db, sessionId)).filter((d) => d.state !== 'removed')
  ds.sort((a, b) => a.constituency.localeCompare(b.constituency, 'zh') || Number(b.leader) - Number(a.leader) || a.name.localeCompare(b.name, 'zh'))
  return { items: ds.map((d) => ({ memberId: d.memberId, name: d.name, department: d.department, constituency: d.constituency, kind: d.kind, leader: d.leader })) }
}

/** Can the caller see this proposal? Drafts: proposer and invitees (and the 提案工作委员会 once returned). */
async function visible(ctx: Ctx, p: ProposalDoc): Promise<boolean> {
  if (!PRE_SUBMIT.has(p.state)) return true
  const me = requireMember(ctx)
  if (p.proposerId === me._id) return true
  if (await getDoc<InviteDoc>(ctx.db, C.invites, inviteId(p._id, me._id))) return true
  return p.state === 'returned' && isProposalCommittee(ctx, await loadSession(ctx.db, p.sessionId))
}

export async function proposalList(ctx: Ctx, input: ListFilter & { sessionId: string; page: number }) {
  const me = requireMember(ctx)
  const all = await sessionProposals(ctx.db, input.sessionId)
  const invited = new Set((await docs<InviteDoc>(ctx.db.collection(C.invites).where({ sessionId: input.sessionId, memberId: me._id }).limit(MAX_QUERY))).map((i) => i.proposalId))
  return listOf(ctx, all, invited, input, input.page)
}

export interface ListFilter { state?: string; mine: boolean }

/**
 * Page `page` of the proposals the caller may see under `filter`: drafts only to their proposer and the
 * 代表 `invited` to second them; by 提案号, then newest first.
 */
export function listOf(ctx: Ctx, all: ProposalRow[], invited: Set<string>, filter: ListFilter, page: number) {
  const me = requireMember(ctx)
  const today = shanghaiDate(ctx.now)
  const people = (p: ProposalRow) => [p.proposerId, ...p.seconderIds, ...p.followerIds, p.handlerId, ...(p.coHandlers ?? []).map((c) => c.memberId)]
  const shown = all.filter((p) => (PRE_SUBMIT.has(p.state) ? p.proposerId === me._id || invited.has(p._id) : true))
    .filter((p) => !filter.state || p.state === filter.state)
    .filter((p) => !filter.mine || people(p).includes(me._id) || invited.has(p._id))
  shown.sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || +new Date(b.createdAt) - +new Date(a.createdAt))
  const start = (page - 1) * PAGE_SIZE
  return { items: shown.slice(start, start + PAGE_SIZE).map((p) => itemOf(p, today)), page, total: shown.length }
}

export async function proposalDetail(ctx: Ctx, id: string): Promise<ProposalDetail> {
  const me = requireMember(ctx)
  const p = await loadProposal(ctx.db, id)
  if (!(await visible(ctx, p))) throw notFound('提案')
  const s = await loadSession(ctx.db, p.sessionId)
  const today = shanghaiDate(ctx.now)
  const [invites, ratings] = await Promise.all([proposalInvites(ctx.db, p._id), proposalRatings(ctx.db, p._id)])
  const into = p.mergedInto ? await getDoc<ProposalDoc>(ctx.db, C.proposals, p.mergedInto) : null
  const from = p.mergedFromIds.length ? await Promise.all(p.mergedFromIds.map((x) => getDoc<ProposalDoc>(ctx.db, C.proposals, x))) : []
  const raterIds = p.raterIds.length ? p.raterIds : [...new Set([p.proposerId, ...p.seconderIds, ...p.followerIds])]
  const names = await membersByIds(ctx.db, raterIds)
  const committee = isProposalCommittee(ctx, s)
  const mineInvite = invites.find((i) => i.memberId === me._id)
  const proposer = p.proposerId === me._id && PRE_SUBMIT.has(p.state)
  const rated = ratings.some((r) => r.memberId === me._id && r.round === p.round)
  const shown = p.answers.filter((a) => !a.returnedReason)
  const files = answerFileViews(shown)
  const coHandler = isCoHandler(p, me._id)
  const co = await coNoteViews(ctx.db, p, committee || coHandler || p.handlerId === me._id, new Set(shown.map((a) => a.round)))
  return {
    ...itemOf(p, today), sessionId: p.sessionId, revision: p.revision, reasons: p.reasons, measures: p.measures, proposerId: p.proposerId,
    invites: invites.map((i) => ({ memberId: i.memberId, name: i.name, state: i.state })),
    decisionReason: p.decisionReason ?? null,
    mergedInto: into ? { id: into._id, number: into.number, title: into.title } : null,
    mergedFrom: from.filter((x): x is ProposalDoc => !!x).map((x) => ({ id: x._id, title: x.title, proposerName: x.proposerName })),
    handlerName: p.handlerName ?? null, coOffices: p.coOffices ?? '', round: p.round,
    coHandlers: p.coHandlers ?? [], coNotes: co.notes, myCoNote: coHandler ? co.mine(me._id) : null,
    answers: shown.map((a) => ({ round: a.round, answerClass: a.answerClass, text: a.text, reason: a.reason, answeredOn: a.answeredOn, onTime: a.onTime, handlerName: a.handlerName, files: files.get(a) ?? [] })),
    ratings: ratings.sort((a, b) => a.round - b.round || +new Date(a.at) - +new Date(b.at)).map((r) => ({ round: r.round, name: r.name, rating: r.rating, comment: r.comment })),
    raterNames: raterIds.map((x) => names.get(x)?.name ?? '（已离开）'),
    ratingDue: p.state === 'rating' ? p.ratingDue ?? null : null,
    unrated: (p.unrated ?? []).map((u) => ({ round: u.round, name: u.name })),
    returnedAnswerReason: p.state === 'assigned' ? p.returnedAnswerReason ?? null : null,
    fromOpinion: !!p.fromOpinionId,
    can: {
      edit: proposer, invite: proposer, submit: proposer && p.seconds >= p.secondsNeeded,
      respond: mineInvite?.state === 'invited' && PRE_SUBMIT.has(p.state),
      decide: committee && p.state === 'submitted', assign: committee && (p.state === 'accepted' || p.state === 'assigned'),
      answer: p.handlerId === me._id && p.state === 'assigned', coNote: coHandler && p.state === 'assigned', review: committee && p.state === 'answered',
      rate: p.state === 'rating' && p.raterIds.includes(me._id) && !rated,
      closeRating: committee && ratingClosable(p, today),
    },
  }
}

/** Proposals of this and earlier sessions sharing the most title terms with the draft's 案由 (drafts of others excluded). */
export async function similar(ctx: Ctx, input: { title: string; excludeId?: string }) {
  const terms = queryTerms(input.title)
  if (!terms) return { items: [] }
  const _ = ctx.db.command
  const found = await docs<ProposalDoc>(ctx.db.collection(C.proposals).where({ searchTerms: _.in(terms), state: _.nin(['draft', 'returned']) }).limit(MAX_QUERY)
    .field({ _id: true, title: true, state: true, sessionId: true, searchTerms: true }))
  const want = new Set(terms)
  const ranked = found.filter((p) => p._id !== input.excludeId)
    .map((p) => ({ p, score: p.searchTerms.filter((t) => want.has(t)).length / want.size }))
    .filter((x) => x.score >= 0.34).sort((a, b) => b.score - a.score).slice(0, 5)
  const sessions = new Map((await allSessions(ctx.db)).map((s) => [s._id, s.title]))
  return { items: ranked.map(({ p }) => ({ id: p._id, sessionTitle: sessions.get(p.sessionId) ?? '', title: p.title, state: p.state })) }
}

/** The 我的 entry: the latest session and what waits for the caller there. */
export async function myCongress(ctx: Ctx) {
  const me = requireMember(ctx)
  const s = await latestSession(ctx.db)
  if (!s) return { sessionId: null, title: null, delegate: false, committee: false, handlerCases: 0, invitations: 0, toRate: 0 }
  const d = await loadDelegate(ctx.db, s._id, me._id)
  const ps = await sessionProposals(ctx.db, s._id)
  const invites = await docs<InviteDoc>(ctx.db.collection(C.invites).where({ sessionId: s._id, memberId: me._id, state: 'invited' }).limit(MAX_QUERY))
  const ratingsMine = await docs<{ proposalId: string; round: number }>(ctx.db.collection(C.ratings).where({ sessionId: s._id, memberId: me._id }).limit(MAX_QUERY).field({ proposalId: true, round: true }))
  const rated = new Set(ratingsMine.map((r) => `${r.proposalId}_${r.round}`))
  return {
    sessionId: s._id, title: s.title, delegate: d?.state === 'active', committee: isProposalCommittee(ctx, s),
    handlerCases: ps.filter((p) => (p.handlerId === me._id || isCoHandler(p, me._id)) && p.state === 'assigned').length,
    invitations: invites.length,
    toRate: ps.filter((p) => p.state === 'rating' && p.raterIds.includes(me._id) && !rated.has(`${p._id}_${p.round}`)).length,
  }
}

/** Approved members by name (choosing the committee, 代表 and 承办人). */
export async function findMembers(ctx: Ctx, query: string) {
  if (!hasRole(ctx.role, 'committee')) {
    const s = await latestSession(ctx.db)
    if (!s || !isProposalCommittee(ctx, s)) throw forbidden('只有工会委员和提案工作委员会委员可以查找会员')
  }
  const _ = ctx.db.command
  const where: Record<string, unknown> = { membership: 'approved' }
  if (query) where.searchTerms = _.all(keywordTerms(query))
  const found = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where(where).orderBy('name', 'asc').limit(query ? MAX_QUERY : 20).field({ _id: true, name: true, department: true }))
  return { items: found.filter((m) => !query || nameMatches(m.name, query)).slice(0, 20).map((m) => ({ memberId: m._id, name: m.name, department: m.department })) }
}
