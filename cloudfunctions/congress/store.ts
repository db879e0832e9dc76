/**
 * The 教代会 domain's reads: sessions, 代表, proposals, invitations and ratings. Every query of
 * the function goes through here. Single-document reads and keyset scans are the poll store's
 * (one implementation of "read a doc that may be missing" and "scan past 100").
 */
import { requireMember, type Ctx, type Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { forbidden, notFound } from '../_shared/errors'
import { docs, getDoc, scanAll, subPipeline } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc, type InviteDoc, type ProposalDoc, type ProposalRow, type RatingDoc, type SessionDoc } from './documents'
import { sessionPollViews, sessionPollsLookup, type PollRow, type SessionPoll } from './session-polls'

export { getDoc, scanAll } from '../_shared/query'
export { inTransaction, type Tx } from '../_shared/transaction'
export { CONGRESS_COLLECTIONS } from './documents'

export const delegateId = (sessionId: string, memberId: string) => `${sessionId}_${memberId}`
export const inviteId = (proposalId: string, memberId: string) => `${proposalId}_${memberId}`
export const ratingId = (proposalId: string, round: number, memberId: string) => `${proposalId}_${round}_${memberId}`

export async function loadSession(db: Database | Tx, id: string): Promise<SessionDoc> {
  const s = await getDoc<SessionDoc>(db, C.sessions, id)
  if (!s) throw notFound('这次教代会')
  return s
}

export async function loadProposal(db: Database | Tx, id: string): Promise<ProposalDoc> {
  const p = await getDoc<ProposalDoc>(db, C.proposals, id)
  if (!p) throw notFound('提案')
  return p
}

export const loadDelegate = (db: Database | Tx, sessionId: string, memberId: string) => getDoc<DelegateDoc>(db, C.delegates, delegateId(sessionId, memberId))

/** The caller's active 代表 record in the session, or a refusal naming why. */
export async function requireDelegate(ctx: Ctx, sessionId: string, what: string): Promise<DelegateDoc> {
  const d = await loadDelegate(ctx.db, sessionId, requireMember(ctx)._id)
  if (!d || d.state !== 'active') throw forbidden(`只有本届教代会代表可以${what}`)
  return d
}

/** 提案工作委员会 of the session, or the chair. */
export function isProposalCommittee(ctx: Ctx, s: SessionDoc): boolean {
  return ctx.role === 'chair' || (ctx.member !== null && s.committeeIds.includes(ctx.member._id))
}

export function requireProposalCommittee(ctx: Ctx, s: SessionDoc): void {
  if (!isProposalCommittee(ctx, s)) throw forbidden('只有提案工作委员会委员和主席可以进行此操作')
}

export async function approvedMember(db: Database, memberId: string): Promise<MemberDoc | null> {
  const m = await getDoc<MemberDoc>(db, COLLECTIONS.members, memberId)
  return m && m.membership === 'approved' ? m : null
}

export async function membersByIds(db: Database, ids: string[]): Promise<Map<string, MemberDoc>> {
  const out = new Map<string, MemberDoc>()
  const _ = db.command
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += MAX_QUERY) {
    const page = await docs<MemberDoc>(db.collection(COLLECTIONS.members).where({ _id: _.in(unique.slice(i, i + MAX_QUERY)) }).limit(MAX_QUERY)
      .field({ _id: true, name: true, openid: true, department: true, membership: true, role: true }))
    for (const m of page) out.set(m._id, m)
  }
  return out
}

export const sessionProposals = (db: Database, sessionId: string) => scanAll<ProposalDoc>(db, C.proposals, { sessionId })
export const proposalInvites = (db: Database, proposalId: string) => scanAll<InviteDoc>(db, C.invites, { proposalId })
export const proposalRatings = (db: Database, proposalId: string) => scanAll<RatingDoc>(db, C.ratings, { proposalId })
export const sessionDelegates = (db: Database, sessionId: string) => scanAll<DelegateDoc>(db, C.delegates, { sessionId })

export async function latestSession(db: Database): Promise<SessionDoc | null> {
  const rows = await docs<SessionDoc>(db.collection(C.sessions).orderBy('meetingDate', 'desc').limit(1))
  return rows[0] ?? null
}

export async function allSessions(db: Database): Promise<SessionDoc[]> {
  return docs<SessionDoc>(db.collection(C.sessions).orderBy('meetingDate', 'desc').limit(MAX_QUERY))
}

/** Of `ids`, the notices published now (id → title), in one read: a session's 会议文件. */
export async function publishedNotices(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await docs<{ _id: string; title: string }>(db.collection(COLLECTIONS.notices).where({ _id: db.command.in(ids.slice(0, MAX_QUERY)), state: 'published' }).limit(MAX_QUERY).field({ title: true }))
  return new Map(rows.map((r) => [r._id, r.title]))
}

/** The fields of a ProposalRow (documents.ts): what a list row, the figures and the caller's part read. */
const PROPOSAL_ROW = {
  _id: true, number: true, title: true, category: true, proposerId: true, proposerName: true, state: true, seconds: true, secondsNeeded: true,
  seconderIds: true, followerIds: true, handlerId: true, coHandlers: true, office: true, dueDate: true, reviewDue: true, ratingDue: true,
  finalRating: true, ratingCounts: true, createdAt: true, 'answers.answerClass': true, 'answers.onTime': true, 'answers.returnedReason': true,
}

/**
 * Proposals a session's bundle carries at most; past it the bundle reads them again by scanAll (exact,
 * more requests). A school's session has tens of proposals; 1,000 rows are ~0.5 MB of the 16 MB a
 * document may hold.
 */
export const BUNDLE_PROPOSALS = 1000

/** What a session's pages read besides the session itself (`sessionBundle`). */
export interface SessionBundle {
  /** active 代表 and 列席 (removed ones are not read) */
  delegates: Array<Pick<DelegateDoc, 'memberId' | 'state'>>
  /** every proposal of the session, in `_id` order as sessionProposals reads them */
  proposals: ProposalRow[]
  /** the 提案工作委员会's names by member id (members who left are missing) */
  committee: Map<string, string>
  polls: SessionPoll[]
  /** 会议文件 published now: notice id → title */
  documents: Map<string, string>
  /** `invites`: the proposals whose 附议 the caller was invited to (as proposalList reads them) */
  invited: Set<string>
  /** `attendance`: members signed in (代表 and 列席) */
  present: Set<string>
}

/**
 * Everything a session's board, desk or view reads besides the session, in ONE request: an aggregate
 * anchored on the session document whose lookups (uncorrelated sub-pipelines with the session's own ids
 * as constants, so each is an indexed query) bring its 代表, proposals as rows, committee names, 票决,
 * 会议文件 and — when asked — the caller's invitations and the sign-ins. Nested lookups are not used.
 */
export async function sessionBundle(ctx: Ctx, s: SessionDoc, want: { invites?: boolean; attendance?: boolean } = {}): Promise<SessionBundle> {
  const db = ctx.db
  const _ = db.command
  const pipeline = () => subPipeline(db)
  const documentIds = (s.documentIds ?? []).slice(0, MAX_QUERY)
  let q = db.collection(C.sessions).aggregate().match({ _id: s._id }).project({ _id: true })
    .lookup({ from: C.delegates, pipeline: pipeline().match({ sessionId: s._id, state: _.in(['active', 'guest']) }).project({ _id: false, memberId: true, state: true }).done(), as: 'delegates' })
    .lookup({ from: C.proposals, pipeline: pipeline().match({ sessionId: s._id }).sort({ _id: 1 }).limit(BUNDLE_PROPOSALS + 1).project(PROPOSAL_ROW).done(), as: 'proposals' })
    .lookup(sessionPollsLookup(db, s._id, 'polls'))
  if (s.committeeIds.length) q = q.lookup({ from: COLLECTIONS.members, pipeline: pipeline().match({ _id: _.in(s.committeeIds) }).project({ name: true }).done(), as: 'committee' })
  if (documentIds.length) q = q.lookup({ from: COLLECTIONS.notices, pipeline: pipeline().match({ _id: _.in(documentIds), state: 'published' }).project({ title: true }).done(), as: 'documents' })
  if (want.invites) {
    const me = requireMember(ctx)._id
    q = q.lookup({ from: C.invites, pipeline: pipeline().match({ sessionId: s._id, memberId: me }).limit(MAX_QUERY).project({ _id: false, proposalId: true }).done(), as: 'invites' })
  }
  if (want.attendance) q = q.lookup({ from: C.attendance, pipeline: pipeline().match({ sessionId: s._id }).project({ _id: false, memberId: true }).done(), as: 'attendance' })
  const res = (await q.end()) as { list: Array<Partial<{
    delegates: SessionBundle['delegates']; proposals: ProposalRow[]; polls: PollRow[]; committee: Array<{ _id: string; name: string }>
    documents: Array<{ _id: string; title: string }>; invites: Array<{ proposalId: string }>; attendance: Array<{ memberId: string }>
  }>> }
  const row = res.list[0]
  if (!row) throw notFound('这次教代会')
  const proposals = (row.proposals ?? []).length > BUNDLE_PROPOSALS ? await sessionProposals(db, s._id) : row.proposals ?? []
  return {
    delegates: row.delegates ?? [],
    proposals,
    committee: new Map((row.committee ?? []).map((m) => [m._id, m.name])),
    polls: sessionPollViews(row.polls ?? []),
    documents: new Map((row.documents ?? []).map((d) => [d._id, d.title])),
    invited: new Set((row.invites ?? []).map((i) => i.proposalId)),
    present: new Set((row.attendance ?? []).map((a) => a.memberId)),
  }
}
