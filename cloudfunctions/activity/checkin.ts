/**
 * Check-in tokens: `JG1.<registrationId>.<expiry, base36 seconds>.<nonce>.<signature>`, signed with
 * HMAC-SHA256 over the registration id, expiry and nonce with the function's APP_SECRET. A token
 * lives TOKEN_SECONDS (the app fetches a fresh one before that), so a screenshot is useless a
 * minute later; a token that checked someone in is recorded and refused if shown again; one that
 * was not signed here fails the signature check.
 */
import crypto from 'node:crypto'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'

export const TOKEN_SECONDS = 60
export const REFRESH_SECONDS = 30
const PREFIX = 'JG1'

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

function secret(ctx: Ctx): string {
  if (!ctx.env.APP_SECRET) throw new AppError('MISCONFIGURED', '云函数缺少 APP_SECRET，无法生成签到码，请联系工会管理员。')
  return ctx.env.APP_SECRET
}

/** Exported for tests that must forge an expired but genuine token. */
export function sign(key: string, body: string): string {
  return crypto.createHmac('sha256', key).update(`checkin:${body}`).digest('base64url').slice(0, 27)
}

export function mintToken(ctx: Ctx, registrationId: string): { token: string; expiresAt: Date } {
  const exp = Math.floor(ctx.now.getTime() / 1000) + TOKEN_SECONDS
  const nonce = crypto.randomBytes(6).toString('base64url')
  const body = `${registrationId}.${exp.toString(36)}.${nonce}`
  return { token: `${PREFIX}.${body}.${sign(secret(ctx), body)}`, expiresAt: new Date(exp * 1000) }
}

/** The registration id and nonce of a genuine, unexpired token; refuses anything else. */
export function verifyToken(ctx: Ctx, token: string): { registrationId: string; nonce: string } {
  const parts = token.trim().split('.')
  if (parts.length !== 5 || parts[0] !== PREFIX) throw new AppError('FORBIDDEN', CHECKIN_MESSAGES.forged)
  const [, registrationId, expText, nonce, signature] = parts
  const expected = Buffer.from(sign(secret(ctx), `${registrationId}.${expText}.${nonce}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new AppError('FORBIDDEN', CHECKIN_MESSAGES.forged)
  const exp = parseInt(expText, 36)
  if (!Number.isFinite(exp) || exp * 1000 <= ctx.now.getTime()) throw new AppError('FORBIDDEN', CHECKIN_MESSAGES.expired)
  return { registrationId, nonce }
}
