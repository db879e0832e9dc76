/**
 * Activity check-in: a confirmed member shows a signed rotating code (`JG1.<registrationId>…`, the
 * token format and its guarantees are `_shared/checkin-token.ts`), or an organiser checks them in
 * from the roster. A token that checked someone in is recorded on the registration and refused if
 * shown again.
 */
import type { CheckinOutput } from '../../types/activity'
import { recordAudit } from '../_shared/audit'
import { REFRESH_SECONDS, mintToken as mint, signToken, verifyToken as verify, type TokenKind } from '../_shared/checkin-token'
import { requireMember, type Ctx } from '../_shared/context'
import type { ActivityDoc, RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { iso } from '../_shared/query'
import { addDays, formatShanghai, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { entryOf } from './ledger'
import { ACTIVITIES, REGISTRATIONS, getDoc, inTransaction, loadRegistration } from './store'
import { entryData } from './writes'

export { REFRESH_SECONDS }

export const CHECKIN_MESSAGES = {
  forged: '签到码无效，请让会员在“我的报名”里重新打开签到码。',
  expired: '签到码已过期，请让会员刷新签到码后再扫。',
  replayed: '这个签到码已经用过了，不能重复使用。',
  already: (name: string, at: string) => `${name} 已于 ${at} 签到，不需要再签。`,
  notConfirmed: '这位会员的报名还没有确认（候补或待审核），不能签到。',
  tooEarly: '还没到签到时间：活动开始前一天起才能签到。',
  over: '活动已经结束，不能再签到。',
  notPublished: '这个活动已取消或已结束，不能签到。',
  noCode: '您的报名还没有确认，暂时没有签到码。',
}

/** Check-in runs from the day before the start (00:00 Shanghai, as the 工作台 counts it) until the end. */
export function checkinWindowRefusal(a: Pick<ActivityDoc, 'state' | 'startAt' | 'endAt'>, now: Date): string | null {
  if (a.state !== 'published' && a.state !== 'finished') return CHECKIN_MESSAGES.notPublished
  if (now.getTime() < startOfShanghaiDay(addDays(shanghaiDate(a.startAt), -1)).getTime()) return CHECKIN_MESSAGES.tooEarly
  if (now.getTime() >= a.endAt.getTime()) return CHECKIN_MESSAGES.over
  return null
}

/** `JG1` and the purpose `checkin` are what every activity code ever shown was signed with. */
const ACTIVITY_TOKEN: TokenKind = { prefix: 'JG1', purpose: 'checkin', messages: CHECKIN_MESSAGES }

/** Exported for tests that must forge an expired but genuine token. */
export const sign = (key: string, body: string): string => signToken(key, ACTIVITY_TOKEN, body)

export const mintToken = (ctx: Ctx, registrationId: string) => mint(ctx, ACTIVITY_TOKEN, registrationId)

/** The registration id and nonce of a genuine, unexpired activity token; refuses anything else. */
export function verifyToken(ctx: Ctx, token: string): { registrationId: string; nonce: string } {
  const { subject, nonce } = verify(ctx, ACTIVITY_TOKEN, token)
  return { registrationId: subject, nonce }
}

/**
 * Checks a confirmed member in — by their scanned code (`nonce`: the token may check in once) or
 * from the roster (按名单签到, for a member without a phone). The entry, the counter, the row and the
 * audit entry change in one transaction: two scans at once check in once.
 */
export async function checkIn(ctx: Ctx, registrationId: string, via: { nonce: string } | 'roster'): Promise<CheckinOutput> {
  const reg = await loadRegistration(ctx.db, registrationId)
  if (!reg) throw new AppError(via === 'roster' ? 'NOT_FOUND' : 'FORBIDDEN', via === 'roster' ? '报名记录不存在' : CHECKIN_MESSAGES.forged)
  const organiser = requireMember(ctx)
  return inTransaction(ctx.db, async (t) => {
    const row = await getDoc<RegistrationDoc>(t, REGISTRATIONS, registrationId)
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, reg.activityId)
    if (!row || !a) throw new AppError('NOT_FOUND', '报名记录不存在')
    if (via !== 'roster' && row.checkinNonce === via.nonce) throw new AppError('CONFLICT', CHECKIN_MESSAGES.replayed)
    const e = entryOf(a, row.memberId)
    if (e?.ci !== undefined || row.checkedInAt) throw new AppError('CONFLICT', CHECKIN_MESSAGES.already(row.memberName ?? '这位会员', formatShanghai(row.checkedInAt ?? new Date(e!.ci!), 'HH:mm')))
    if (e?.s !== 'c') throw new AppError('CONFLICT', CHECKIN_MESSAGES.notConfirmed)
    const refusal = checkinWindowRefusal(a, ctx.now)
    if (refusal) throw new AppError('CONFLICT', refusal)
    await t.collection(ACTIVITIES).doc(a._id).update({ data: entryData(ctx.db.command, row.memberId, { ...e, ci: ctx.now.getTime(), r: e.r + 1 }, ctx.now, { checkedInCount: 1 }) })
    await t.collection(REGISTRATIONS).doc(row._id).update({
      data: { checkedInAt: ctx.now, checkedInBy: organiser._id, ...(via === 'roster' ? {} : { checkinNonce: via.nonce }), updatedAt: ctx.now },
    })
    await recordAudit(t, ctx, {
      action: via === 'roster' ? 'activity.checkinByRoster' : 'activity.checkin',
      target: { kind: 'registration', id: row._id, label: `${a.title} · ${row.memberName ?? ''}` },
      after: { checkedInAt: iso(ctx.now) },
      ...(via === 'roster' ? { note: `${organiser.name} 按名单为 ${row.memberName ?? ''} 签到` } : {}),
    })
    return { name: row.memberName ?? '', department: row.department ?? '', activityTitle: a.title, guests: e.g, checkedInAt: iso(ctx.now) }
  })
}
