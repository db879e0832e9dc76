/**
 * Daily counters for the opinion box. A counter's `_id` is HMAC(APP_SECRET, kind, openid, day)
 * (or a fixed name for a global one): it holds the day and a count — no openid, no time, no
 * opinion id — and is deleted once its day has ended (by the daily timer, and on every write).
 */
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type OpinionCounterDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { keyedHash } from './secret'

export type CounterKind = 'submit' | 'lookup-miss'

export function personalCounterId(ctx: Ctx, kind: CounterKind, day: string): string {
  return `${kind}-${keyedHash(ctx, 'opinion-counter', kind, ctx.openid, day)}`
}

export function globalCounterId(kind: CounterKind, day: string): string {
  return `${kind}-all-${day}`
}

export async function readCounter(ctx: Ctx, id: string): Promise<number> {
  const found = await docs<OpinionCounterDoc>(ctx.db.collection(COLLECTIONS.opinionCounters).where({ _id: id }).limit(1))
  return found[0]?.n ?? 0
}

/** Whether `incrementUnder` counted: by creating the day's counter (so it holds 1) or by adding one to it. */
export type Counted = false | 'created' | 'incremented'

/**
 * Adds one unless the counter already reached `cap`. Atomic: concurrent callers never push it past
 * the cap.
 */
export async function incrementUnder(ctx: Ctx, id: string, day: string, cap: number): Promise<Counted> {
  const col = ctx.db.collection(COLLECTIONS.opinionCounters)
  const _ = ctx.db.command
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = (await col.where({ _id: id, n: _.lt(cap) }).update({ data: { n: _.inc(1) } })) as { stats: { updated: number } }
    if (res.stats.updated === 1) return 'incremented'
    if ((await readCounter(ctx, id)) >= cap) return false
    try {
      await col.add({ data: { _id: id, day, n: 1 } satisfies OpinionCounterDoc })
      await purgeOldCounters(ctx)
      return 'created'
    } catch {
      // Someone created it first: go round and increment theirs.
    }
  }
  return false
}

/** The count after `incrementUnder` counted, as far as it is known: a counter it created holds 1 without another read. */
export async function countAfter(ctx: Ctx, id: string, counted: Counted): Promise<number> {
  return counted === 'created' ? 1 : readCounter(ctx, id)
}

/** Gives back one unit taken by `incrementUnder` (the reserved attempt did not count). Never below 0. */
export async function giveBack(ctx: Ctx, id: string): Promise<void> {
  const _ = ctx.db.command
  await ctx.db.collection(COLLECTIONS.opinionCounters).where({ _id: id, n: _.gt(0) }).update({ data: { n: _.inc(-1) } })
}

/** Adds one without a cap (a tally, not a limit). Returns the new count as far as it is known. */
export async function tally(ctx: Ctx, id: string, day: string): Promise<number> {
  return countAfter(ctx, id, await incrementUnder(ctx, id, day, Number.MAX_SAFE_INTEGER))
}

/** Deletes every counter of a day that has ended. Returns how many went. */
export async function purgeOldCounters(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command
  const res = (await ctx.db.collection(COLLECTIONS.opinionCounters).where({ day: _.lt(shanghaiDate(ctx.now)) }).remove()) as { stats: { removed: number } }
  return res.stats.removed
}
