/**
 * The 教代会 domain's reads: sessions, 代表, proposals, invitations and ratings. Every query of
 * the function goes through here. Single-document reads and keyset scans are the poll store's
 * (one implementation of "read a doc that may be missing" and "scan past 100").
 */
import { requireMember, type Ctx, type Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { forbidden, notFound } from '../_shared/errors'
import { docs, getDoc, scanAll } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc, type InviteDoc, type ProposalDoc, type RatingDoc, type SessionDoc } from './documents'

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
