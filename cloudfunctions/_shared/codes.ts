/**
 * Randomness and hashes of the ballot engine. Every code is drawn from crypto.randomBytes
 * without bias (rejection sampling); nothing is derived from a person, a time or a counter that
 * someone could replay.
 */
import crypto from 'node:crypto'
import { CODE_ALPHABET, SLIP_CODE_LENGTH, TRACKER_LENGTH } from '../../types/poll'
import type { Ctx } from './context'
import { AppError } from './errors'

/** `length` characters of CODE_ALPHABET (32 signs: every byte's low 5 bits are uniform). */
export function randomCode(length: number): string {
  const bytes = crypto.randomBytes(length)
  let out = ''
  for (const b of bytes) out += CODE_ALPHABET[b & 31]
  return out
}

/** The voter's tracker (核对码): 40 random bits, shown once and stored only on the ballot. */
export const newTracker = () => randomCode(TRACKER_LENGTH)
/** A 评议码 printed on a slip: 50 random bits. */
export const newSlipCode = () => randomCode(SLIP_CODE_LENGTH)

/** 128 random bits as 32 hex: no time, no order. */
export function randomHex(): string {
  return crypto.randomBytes(16).toString('hex')
}

/**
 * The id of slot `n` of a poll: an HMAC of a random per-poll seed, so a retried opening writes
 * the same ids (the primary key stops doubles) while the ids themselves look random.
 */
export function slotId(seed: string, n: number): string {
  return crypto.createHmac('sha256', seed).update(String(n)).digest('hex').slice(0, 32)
}

/** sha256 of the sorted member ids, one per line: the roster's fingerprint (first 16 hex, grouped). */
export function fingerprint(memberIds: string[]): string {
  const hex = crypto.createHash('sha256').update([...memberIds].sort().join('\n')).digest('hex')
  return hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ')
}

/** A slip's document id: HMAC(APP_SECRET, pollId, code). Without the secret the codes cannot be tested. */
export function slipKey(ctx: Ctx, pollId: string, code: string): string {
  const secret = ctx.env.APP_SECRET
  if (!secret) throw new AppError('MISCONFIGURED', '投票功能缺少密钥配置（APP_SECRET），请联系工会管理员。')
  return crypto.createHmac('sha256', secret).update(`${pollId}\u0000${code}`).digest('hex').slice(0, 40)
}

/** An unbiased shuffle (Fisher–Yates with crypto randomness). */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
