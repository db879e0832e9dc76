/**
 * Congress-day sign-in and the quorum (≥ 2/3 of the active 代表 present).
 *
 * Two ways in, one record per person (`congress_attendance/<sessionId>_<memberId>`):
 * - the 代表 (or 列席) shows 我的签到码 — the activity check-in token (`_shared/checkin-token.ts`)
 *   of its own kind `JD1`, so an activity code never signs anyone into a congress and vice versa —
 *   and the 提案工作委员会 scans it. The attendance row is inserted under its primary key with the
 *   token's nonce: two scans at once insert once (the second is a duplicate key), and the same token
 *   shown again is refused as used (attendance and audit entry in one transaction); a token is only issued and accepted on the meeting day;
 * - the committee ticks 代表 from the roster (for one without a phone; idempotent per 代表).
 * 列席 are recorded but never counted in the quorum.
 */
import type { QuorumView } from '../../types/congress'
import { recordAudit } from '../_shared/audit'
import { REFRESH_SECONDS, mintToken, verifyToken, type TokenKind } from '../_shared/checkin-token'
import { requireMember, type Ctx } from '../_shared/context'
import { AppError, conflict, forbidden } from '../_shared/errors'
import { formatShanghai, shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc, type SessionDoc } from './documents'
import { delegateId, getDoc, inTransaction, loadDelegate, loadSession, requireProposalCommittee, scanAll, sessionDelegates } from './store'

export const SIGN_IN_MESSAGES = {
  forged: '签到码无效，请让代表在“教代会”里重新打开签到码。',
  expired: '签到码已过期，请让代表刷新签到码后再扫。',
  replayed: '这个签到码已经用过了，不能重复使用。',
  already: (name: string, at: string) => `${name} 已于 ${at} 签到，不需要再签。`,
  otherSession: '这个签到码不是本次教代会的，请让代表打开本次会议的签到码。',
  notDelegate: '这位会员不是本次教代会的代表或列席，不能签到。',
  notToday: (day: string) => `只有开会当天（${day}）才能签到。`,
  noCode: '只有本次教代会的代表和列席可以打开签到码。',
}

/** Signed with its own purpose: a congress code and an activity code can never stand in for each other. */
const CONGRESS_TOKEN: TokenKind = { prefix: 'JD1', purpose: 'congress-checkin', messages: SIGN_IN_MESSAGES }

interface AttendanceDoc { _id: string; sessionId: string; memberId: string; at: Date; nonce?: string; by?: string }

const present = (d: DelegateDoc | null): d is DelegateDoc => !!d && (d.state === 'active' || d.state === 'guest')

function requireMeetingDay(ctx: Ctx, s: SessionDoc): void {
  if (shanghaiDate(ctx.now) !== s.meetingDate) throw conflict(SIGN_IN_MESSAGES.notToday(s.meetingDate))
}

/** 我的签到码: for a 代表 or 列席 of the session, on the meeting day; the app fetches a fresh one every half minute. */
export async function checkinToken(ctx: Ctx, sessionId: string) {
  const s = await loadSession(ctx.db, sessionId)
  const d = await loadDelegate(ctx.db, sessionId, requireMember(ctx)._id)
  if (!present(d)) throw forbidden(SIGN_IN_MESSAGES.noCode)
  requireMeetingDay(ctx, s)
  const { token, expiresAt } = mintToken(ctx, CONGRESS_TOKEN, d._id)
  return { token, expiresAt: expiresAt.toISOString(), refreshInSeconds: REFRESH_SECONDS }
}

/** The committee scans a code: genuine, unexpired, of this session, unused, on the meeting day → recorded once. */
export async function checkinByToken(ctx: Ctx, sessionId: string, token: string) {
  const s = await loadSession(ctx.db, sessionId)
  requireProposalCommittee(ctx, s)
  const { subject, nonce } = verifyToken(ctx, CONGRESS_TOKEN, token)
  if (!subject.startsWith(`${sessionId}_`)) throw forbidden(SIGN_IN_MESSAGES.otherSession)
  requireMeetingDay(ctx, s)
  const d = await getDoc<DelegateDoc>(ctx.db, C.delegates, subject)
  if (!present(d)) throw conflict(SIGN_IN_MESSAGES.notDelegate)
  const by = requireMember(ctx)._id
  await inTransaction(ctx.db, async (t) => {
    const had = await getDoc<AttendanceDoc>(t, C.attendance, d._id)
    if (had?.nonce === nonce) throw conflict(SIGN_IN_MESSAGES.replayed)
    if (had) throw conflict(SIGN_IN_MESSAGES.already(d.name, formatShanghai(had.at, 'HH:mm')))
    // a scan of the same code racing this one inserts the same primary key: one commits, the other retries and reads it
    await t.collection(C.attendance).add({ data: { _id: d._id, sessionId, memberId: d.memberId, at: ctx.now, nonce, by } })
    await recordAudit(t, ctx, { action: 'congress.checkin', target: { kind: 'congressSession', id: s._id, label: s.title }, note: `扫码：${d.name}${d.state === 'guest' ? '（列席）' : ''}` })
  })
  return { ...(await attendanceOf(ctx, sessionId)), signedIn: { name: d.name, constituency: d.constituency, guest: d.state === 'guest', at: ctx.now.toISOString() } }
}

/**
 * From the roster of 代表 (idempotent per 代表: a 代表 already signed in keeps their first time and code).
 * The sign-ins and their audit entry are written in one transaction: all of them or none.
 */
export async function checkinByRoster(ctx: Ctx, sessionId: string, memberIds: string[]) {
  const s = await loadSession(ctx.db, sessionId)
  requireProposalCommittee(ctx, s)
  const ids = [...new Set(memberIds)]
  // The session's 代表 in one read (not one per name ticked), reused for the attendance answered.
  const delegates = await sessionDelegates(ctx.db, sessionId)
  const active = new Set(delegates.filter((d) => d.state === 'active').map((d) => d.memberId))
  if (ids.some((memberId) => !active.has(memberId))) throw new AppError('BAD_INPUT', '输入有误：只能为本届代表签到。')
  const by = requireMember(ctx)._id
  await inTransaction(ctx.db, async (t) => {
    for (const memberId of ids) {
      const _id = delegateId(sessionId, memberId)
      if (!(await getDoc<AttendanceDoc>(t, C.attendance, _id))) await t.collection(C.attendance).add({ data: { _id, sessionId, memberId, at: ctx.now, by } })
    }
    await recordAudit(t, ctx, { action: 'congress.checkin', target: { kind: 'congressSession', id: s._id, label: s.title }, note: `${memberIds.length} 位代表` })
  })
  return attendanceOf(ctx, sessionId, delegates)
}

/** Who of the session's active 代表 has signed in, and whether the quorum is reached. */
export async function attendance(ctx: Ctx, sessionId: string) {
  await loadSession(ctx.db, sessionId)
  return attendanceOf(ctx, sessionId)
}

/** attendance() for a session already read (a sign-in just checked it), with its 代表 when read too. */
async function attendanceOf(ctx: Ctx, sessionId: string, delegates?: DelegateDoc[]) {
  const ds = (delegates ?? (await sessionDelegates(ctx.db, sessionId))).filter((d) => d.state === 'active')
  const here = new Set((await scanAll<{ memberId: string }>(ctx.db, C.attendance, { sessionId }, { memberId: true })).map((a) => a.memberId))
  return {
    ...quorumOf({ delegates: ds, present: here }),
    items: ds.map((d) => ({ memberId: d.memberId, name: d.name, constituency: d.constituency, present: here.has(d.memberId) })),
  }
}

/** The quorum: active 代表 signed in, of all active 代表 (列席 never counted); reached at ≥ 2/3. */
export function quorumOf(b: { delegates: Array<Pick<DelegateDoc, 'memberId' | 'state'>>; present: Set<string> }): QuorumView {
  const active = b.delegates.filter((d) => d.state === 'active')
  const present = active.filter((d) => b.present.has(d.memberId)).length
  return { present, delegates: active.length, quorum: Math.ceil((active.length * 2) / 3), reached: active.length > 0 && present * 3 >= active.length * 2 }
}
