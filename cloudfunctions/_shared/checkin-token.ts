/**
 * Signed check-in tokens, one format for everything a member checks into (an activity, a 教代会
 * session): `<prefix>.<subject>.<expiry, base36 seconds>.<nonce>.<signature>`, the signature an
 * HMAC-SHA256 with the function's APP_SECRET over `<purpose>:<subject>.<expiry>.<nonce>`.
 *
 * What it guarantees, and how:
 * - a token lives TOKEN_SECONDS (the app fetches a fresh one every REFRESH_SECONDS), so a screenshot
 *   is useless a minute later;
 * - a token for one kind never checks anyone into another: the prefix is checked and the purpose is
 *   inside the signed text, so even a token re-labelled with the other prefix fails the signature;
 * - a token not signed here fails the signature check (compared in constant time);
 * - the nonce is handed back so the caller records it with the check-in: a token checks in once.
 */
import crypto from 'node:crypto'
import type { Ctx } from './context'
import { AppError } from './errors'

export const TOKEN_SECONDS = 60
export const REFRESH_SECONDS = 30

export interface TokenKind {
  /** the token's first part, e.g. `JG1` (activity registration) */
  prefix: string
  /** signed with the body; different for every kind */
  purpose: string
  /** the refusals the person scanning reads */
  messages: { forged: string; expired: string }
}

function secret(ctx: Ctx): string {
  if (!ctx.env.APP_SECRET) throw new AppError('MISCONFIGURED', '云函数缺少 APP_SECRET，无法生成签到码，请联系工会管理员。')
  return ctx.env.APP_SECRET
}

/** Exported for tests that must forge an expired but genuine token. */
export function signToken(key: string, kind: Pick<TokenKind, 'purpose'>, body: string): string {
  return crypto.createHmac('sha256', key).update(`${kind.purpose}:${body}`).digest('base64url').slice(0, 27)
}

/** `subject` names what is checked in (a registration, a 代表 of a session); it must not contain a dot. */
export function mintToken(ctx: Ctx, kind: TokenKind, subject: string): { token: string; expiresAt: Date } {
  if (subject.includes('.')) throw new Error(`check-in subject with a dot: ${subject}`)
  const exp = Math.floor(ctx.now.getTime() / 1000) + TOKEN_SECONDS
  const nonce = crypto.randomBytes(6).toString('base64url')
  const body = `${subject}.${exp.toString(36)}.${nonce}`
  return { token: `${kind.prefix}.${body}.${signToken(secret(ctx), kind, body)}`, expiresAt: new Date(exp * 1000) }
}

/** The subject and nonce of a genuine, unexpired token of this kind; refuses anything else. */
export function verifyToken(ctx: Ctx, kind: TokenKind, token: string): { subject: string; nonce: string } {
  const parts = token.trim().split('.')
  if (parts.length !== 5 || parts[0] !== kind.prefix) throw new AppError('FORBIDDEN', kind.messages.forged)
  const [, subject, expText, nonce, signature] = parts
  const expected = Buffer.from(signToken(secret(ctx), kind, `${subject}.${expText}.${nonce}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new AppError('FORBIDDEN', kind.messages.forged)
  const exp = parseInt(expText, 36)
  if (!Number.isFinite(exp) || exp * 1000 <= ctx.now.getTime()) throw new AppError('FORBIDDEN', kind.messages.expired)
  return { subject, nonce }
}
