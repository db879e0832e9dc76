/**
 * How a submitter reaches their own item: an anonymous one by receipt code, a named one by id (the
 * caller must be its author). Every failure looks the same.
 *
 * Look-ups by code cannot be multiplied:
 *  1. every input carries exactly one code, so one call is one look-up;
 *  2. BEFORE looking, the call takes one unit of the caller's daily allowance with one atomic
 *     conditional update (n < MISS_LIMIT → n + 1): however many calls run in parallel, at most
 *     MISS_LIMIT look-ups a day can be in flight or missed — a read-then-count could let them all by;
 *  3. a right code gives its unit back, so only wrong codes stay counted;
 *  4. wrong codes are also tallied for everyone together; that tally only slows wrong codes down.
 *     No global limit refuses anyone, and a right code is never slowed or refused by others' misses.
 */
import type { Ctx } from '../_shared/context'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { countAfter, giveBack, globalCounterId, incrementUnder, personalCounterId, tally, type Counted } from './counters'
import { receiptLookup, receiptMatches } from './receipt'

/** wrong codes one person may try per day; then look-ups stop for them until tomorrow */
export const MISS_LIMIT = 10
/** wrong codes everyone together may try per day before every further wrong code waits the longest */
export const GLOBAL_SLOW_AFTER = 300
/** misses a person gets without waiting; each further miss waits twice as long (capped) */
const FREE_MISSES = 3
export const MAX_DELAY_MS = 4000

export const NOT_FOUND_MESSAGE = '没有找到对应的意见，请核对回执码后重试。'
const LIMITED_MESSAGE = '回执码输错的次数太多，今天暂停查询，请明天再试；也可以核对回执码是否抄错。'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** How long the answer to a person's n-th wrong code today waits: 0 for the first few, then doubling. */
export function missDelayMs(misses: number): number {
  return misses <= FREE_MISSES ? 0 : Math.min(MAX_DELAY_MS, 250 * 2 ** (misses - FREE_MISSES))
}

async function byLookup(ctx: Ctx, code: string): Promise<OpinionDoc | null> {
  const found = await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ 'receipt.lookup': receiptLookup(ctx, code), anonymous: true }).limit(5))
  return found.find((o) => o.receipt && receiptMatches(ctx, o.receipt, code)) ?? null
}

/** A wrong code: it stays counted; the answer waits by the caller's misses (and by everyone's, past the brake). */
async function answerMiss(ctx: Ctx, today: string, personal: string, counted: Counted): Promise<never> {
  const [mine, everyone] = await Promise.all([countAfter(ctx, personal, counted), tally(ctx, globalCounterId('lookup-miss', today), today)])
  const delay = Math.max(missDelayMs(mine), everyone >= GLOBAL_SLOW_AFTER ? MAX_DELAY_MS : 0)
  if (delay > 0) await sleep(delay)
  throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE)
}

/** The anonymous item with this code. Takes a unit of the caller's allowance first; a hit gives it back. */
export async function findByCode(ctx: Ctx, code: string): Promise<OpinionDoc> {
  const today = shanghaiDate(ctx.now)
  const personal = personalCounterId(ctx, 'lookup-miss', today)
  const counted = await incrementUnder(ctx, personal, today, MISS_LIMIT)
  if (!counted) throw new AppError('RATE_LIMITED', LIMITED_MESSAGE)
  // Should the look-up itself fail, the unit stays taken: a failure never buys a free attempt.
  const found = await byLookup(ctx, code)
  if (!found) return answerMiss(ctx, today, personal, counted)
  await giveBack(ctx, personal)
  return found
}

export async function findOwn(ctx: Ctx, ref: { code: string } | { id: string }): Promise<OpinionDoc> {
  if ('code' in ref) return findByCode(ctx, ref.code)
  const me = requireMember(ctx)
  const found = await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ _id: ref.id, memberId: me._id, anonymous: false }).limit(1))
  if (!found[0]) throw new AppError('NOT_FOUND', '没有找到这条意见。')
  return found[0]
}
