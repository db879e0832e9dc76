/**
 * Sessions (届/次) and their people: the 提案工作委员会 chosen by the chair, 代表 per 选区 and 列席.
 * A session's id is readable (`congress-<届>-<次>`): one session per 届/次, refused twice by the primary key.
 * Every change here and its audit entry are written in one transaction (`audited` below): both or neither.
 */
import { sessionIdOf, type SessionSaveInput } from '../../types/congress'
import { auditedUpdate, recordAudit, type AuditEntry } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { AppError, conflict, notFound, staleRevision } from '../_shared/errors'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc, type SessionDoc } from './documents'
import { approvedMember, delegateId, getDoc, inTransaction, loadDelegate, loadSession, membersByIds, publishedNotices, type Tx } from './store'

type SaveInput = Required<Pick<SessionSaveInput, 'term' | 'meeting' | 'title' | 'meetingDate' | 'collectFrom' | 'collectTo'>> & SessionSaveInput

/**
 * Changes the session `id` at `revision` and records `entry`, in one transaction; a revision that moved
 * on is refused (staleRevision) and nothing is written.
 */
async function audited(ctx: Ctx, id: string, revision: number, data: Record<string, unknown>, entry: (s: SessionDoc) => AuditEntry): Promise<{ id: string; revision: number }> {
  await auditedUpdate<SessionDoc>(ctx, C.sessions, id, (s) => {
    if (!s) throw notFound('这次教代会')
    if (s.revision !== revision) throw staleRevision()
    return { data: { ...data, revision: revision + 1, updatedAt: ctx.now }, entry: entry(s) }
  })
  return { id, revision: revision + 1 }
}

function checkDates(input: SaveInput): void {
  if (input.collectFrom > input.collectTo) throw new AppError('BAD_INPUT', '输入有误：提案征集的开始日期不能晚于截止日期。')
}

export async function saveSession(ctx: Ctx, input: SaveInput): Promise<{ id: string; revision: number }> {
  checkDates(input)
  const fields = {
    title: input.title, meetingDate: input.meetingDate, collectFrom: input.collectFrom, collectTo: input.collectTo,
    reviewDays: input.reviewDays ?? 14, minSeconds: input.minSeconds ?? 2, agenda: input.agenda ?? [],
  }
  if (input.id) {
    if (input.revision === undefined) throw new AppError('BAD_INPUT', '输入有误：缺少版本号，请刷新后重试。')
    const id = input.id
    return audited(ctx, id, input.revision, fields, (before) => ({ action: 'congress.editSession', target: { kind: 'congressSession', id, label: before.title } }))
  }
  if (!input.requestId) throw new AppError('BAD_INPUT', '输入有误：缺少请求编号，请刷新页面后重试。')
  const id = sessionIdOf(input.term, input.meeting)
  const requestKey = createdId(ctx.openid, 'congress.session', input.requestId)
  const doc: SessionDoc = { _id: id, term: input.term, meeting: input.meeting, ...fields, committeeIds: [], revision: 0, requestKey, createdAt: ctx.now, updatedAt: ctx.now }
  // read first in the transaction: a duplicate-key insert there would only be retried. Two chairs creating
  // the same 届/次 at once: one insert commits, the other run starts again and reads it.
  return inTransaction(ctx.db, async (t) => {
    const existing = await getDoc<SessionDoc>(t, C.sessions, id)
    if (existing?.requestKey === requestKey) return { id, revision: existing.revision }
    if (existing) throw conflict(`第${input.term}届第${input.meeting}次教代会已经建立，请在列表中打开它`)
    await t.collection(C.sessions).add({ data: doc })
    await recordAudit(t, ctx, { action: 'congress.createSession', target: { kind: 'congressSession', id, label: input.title } })
    return { id, revision: 0 }
  })
}

/** The chair chooses the 提案工作委员会 (approved members only). */
export async function setCommittee(ctx: Ctx, sessionId: string, revision: number, memberIds: string[]): Promise<{ id: string; revision: number }> {
  const ids = [...new Set(memberIds)]
  const found = await membersByIds(ctx.db, ids)
  const missing = ids.filter((i) => found.get(i)?.membership !== 'approved')
  if (missing.length) throw new AppError('BAD_INPUT', '输入有误：提案工作委员会只能由工会会员组成，请重新选择。')
  return audited(ctx, sessionId, revision, { committeeIds: ctx.db.command.set(ids) }, (s) => ({
    action: 'congress.setCommittee', target: { kind: 'congressSession', id: sessionId, label: s.title },
    note: ids.map((i) => found.get(i)!.name).join('、') || '（无人）',
  }))
}

/**
 * The session's 会议文件: notices published through 校务公开 (the chair picks them; the notice function
 * owns their text, versions and read receipts). Each must be published now; at the revision shown.
 */
export async function setDocuments(ctx: Ctx, sessionId: string, revision: number, noticeIds: string[]): Promise<{ id: string; revision: number }> {
  const ids = [...new Set(noticeIds)]
  const published = await publishedNotices(ctx.db, ids)
  if (published.size !== ids.length) throw new AppError('BAD_INPUT', '会议文件只能是已发布的校务公开，请重新选择')
  return audited(ctx, sessionId, revision, { documentIds: ctx.db.command.set(ids) }, (s) => ({
    action: 'congress.setDocuments', target: { kind: 'congressSession', id: sessionId, label: s.title }, note: ids.map((i) => `《${published.get(i)}》`).join('、') || '（无）',
  }))
}

/** Adds (or brings back) a 代表 or 列席 of the session; one record per member per session. */
export async function addDelegate(ctx: Ctx, input: { sessionId: string; memberId: string; constituency: string; kind: 'delegate' | 'guest'; leader: boolean }): Promise<{ memberId: string }> {
  const s = await loadSession(ctx.db, input.sessionId)
  const m = await approvedMember(ctx.db, input.memberId)
  if (!m) throw notFound('这位会员')
  const doc: Omit<DelegateDoc, '_id'> = {
    sessionId: s._id, memberId: m._id, name: m.name, department: m.department, constituency: input.constituency,
    state: input.kind === 'delegate' ? 'active' : 'guest', kind: input.kind, leader: input.kind === 'delegate' && input.leader, updatedAt: ctx.now,
  }
  await inTransaction(ctx.db, async (t) => {
    await t.collection(C.delegates).doc(delegateId(s._id, m._id)).set({ data: doc })
    await recordAudit(t, ctx, {
      action: 'congress.addDelegate', target: { kind: 'member', id: m._id, label: m.name },
      note: `${s.title}，${input.constituency}${input.kind === 'guest' ? '，列席' : input.leader ? '，代表团组长' : ''}`,
    })
  })
  return { memberId: m._id }
}

export async function removeDelegate(ctx: Ctx, sessionId: string, memberId: string, reason: string): Promise<{ memberId: string }> {
  const s = await loadSession(ctx.db, sessionId)
  await inTransaction(ctx.db, async (t: Tx) => {
    const d = await loadDelegate(t, sessionId, memberId)
    if (!d || d.state === 'removed') throw notFound('这位代表')
    await t.collection(C.delegates).doc(d._id).update({ data: { state: 'removed', removeReason: reason, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'congress.removeDelegate', target: { kind: 'member', id: memberId, label: d.name }, note: `${s.title}：${reason}` })
  })
  return { memberId }
}

export async function myDelegateRecord(ctx: Ctx, sessionId: string): Promise<DelegateDoc | null> {
  return getDoc<DelegateDoc>(ctx.db, C.delegates, delegateId(sessionId, requireMember(ctx)._id))
}
