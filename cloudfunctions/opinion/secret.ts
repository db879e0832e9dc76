import crypto from 'node:crypto'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'

/** APP_SECRET, which every keyed hash of the opinion box needs (receipts, daily counters). */
export function appSecret(ctx: Ctx): string {
  const secret = ctx.env.APP_SECRET
  if (!secret) throw new AppError('MISCONFIGURED', '意见箱缺少密钥配置（APP_SECRET），请联系工会管理员。')
  return secret
}

/** HMAC-SHA256 under APP_SECRET, hex. Without the secret the input cannot be recovered or tested. */
export function keyedHash(ctx: Ctx, ...parts: string[]): string {
  return crypto.createHmac('sha256', appSecret(ctx)).update(parts.join('\u0000')).digest('hex')
}

/** A random hex id (128 bits): carries no time and no order. */
export function randomId(): string {
  return crypto.randomBytes(16).toString('hex')
}

/**
 * The id of the item one submission creates: HMAC(APP_SECRET, caller, request id), 128 bits. The
 * same form retried lands on the same id (the insert is refused as a duplicate, nothing is written
 * twice); another caller with the same request id gets another id. Like `randomId` it carries no
 * time and no order.
 */
export function submissionId(ctx: Ctx, requestId: string): string {
  return keyedHash(ctx, 'opinion-id', ctx.openid, requestId).slice(0, 32)
}
