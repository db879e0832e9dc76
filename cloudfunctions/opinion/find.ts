/**
 * How a submitter reaches their own item: an anonymous one by receipt code (misses counted and
 * slowed down), a named one by id (the caller must be its author). Every failure looks the same.
 */
import type { Ctx } from '../_shared/context'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { globalCounterId, incrementUnder, personalCounterId, readCounter } from './counters'
import { receiptLookup, receiptMatches } from './receipt'

/** wrong codes one person may try per day before look-ups stop for them until tomorrow */
export const MISS_LIMIT = 10
/** wrong codes everyone together may try per day (stops a guesser with many accounts) */
export const GLOBAL_MISS_LIMIT = 300
/** misses a person gets without waiting; each further miss waits twice as long (capped) */
const FREE_MISSES = 3
const MAX_DELAY_MS = 4000

export const NOT_FOUND_MESSAGE = '没有找到对应的意见，请核对回执码后重试。'
const LIMITED_MESSAGE = '回执码输错的次数太多，今天暂停查询，请明天再试；也可以核对回执码是否抄错。'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function refuseWhenLimited(ctx: Ctx, today: string): Promise<void> {
  const [mine, all] = await Promise.all([
    readCounter(ctx, personalCounterId(ctx, 'lookup-miss', today)),
    readCounter(ctx, globalCounterId('lookup-miss', today)),
  ])
  if (mine >= MISS_LIMIT || all >= GLOBAL_MISS_LIMIT) throw new AppError('RATE_LIMITED', LIMITED_MESSAGE)
}

/** Counts `count` misses against the caller (and everyone), then waits longer the more they missed. */
async function recordMisses(ctx: Ctx, today: string, count: number): Promise<void> {
  const personal = personalCounterId(ctx, 'lookup-miss', today)
  for (let k = 0; k < count; k++) {
    await incrementUnder(ctx, personal, today, MISS_LIMIT)
    await incrementUnder(ctx, globalCounterId('lookup-miss', today), today, GLOBAL_MISS_LIMIT)
  }
  const delay = missDelayMs(await readCounter(ctx, personal))
  if (delay > 0) await sleep(delay)
}

/** How long the answer to a person's n-th wrong code today waits: 0 for the first few, then doubling. */
export function missDelayMs(misses: number): number {
  return misses <= FREE_MISSES ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (misses - FREE_MISSES))
}

async function byLookup(ctx: Ctx, code: string): Promise<OpinionDoc | null> {
  const found = await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ 'receipt.lookup': receiptLookup(ctx, code), anonymous: true }).limit(5))
  return found.find((o) => o.receipt && receiptMatches(ctx, o.receipt, code)) ?? null
}

/** Several remembered codes at once (badge check); misses count like single look-ups. */
export async function findByCodes(ctx: Ctx, codes: string[]): Promise<Array<OpinionDoc | null>> {
  const today = shanghaiDate(ctx.now)
  await refuseWhenLimited(ctx, today)
  const found = await Promise.all(codes.map((c) => byLookup(ctx, c)))
  const misses = found.filter((f) => !f).length
  if (misses > 0) await recordMisses(ctx, today, misses)
  return found
}

export async function findOwn(ctx: Ctx, ref: { code: string } | { id: string }): Promise<OpinionDoc> {
  if ('code' in ref) {
    const [found] = await findByCodes(ctx, [ref.code])
    if (!found) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
    return found
  }
  const me = requireMember(ctx)
  const found = await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ _id: ref.id, memberId: me._id, anonymous: false }).limit(1))
  if (!found[0]) throw new AppError('NOT_FOUND', '没有找到这条意见。')
  return found[0]
}
