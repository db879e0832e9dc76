/**
 * Statistics. The chair's are exact; members' merge every group smaller than MIN_PUBLIC_GROUP so
 * no published count points at a handful of people. Counted by aggregation in the database (a
 * year may hold more items than any one query may return).
 */
import * as z from 'zod/mini'
import {
  MIN_PUBLIC_GROUP, opinionRatings, opinionStatsInput,
  type OpinionPublicStatsOutput, type OpinionRating, type OpinionStatsOutput,
} from '../../types/opinion'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { shanghaiDate, shanghaiYear } from '../_shared/time'

type Row = { key: string; count: number }

/** The "merged" group's name in public statistics. */
export const MERGED = '其他（合并）'

/**
 * Groups under `min` are merged into one; if that merged group is itself under `min`, the
 * smallest remaining groups join it until it is not (or everything is merged). Sorted by count.
 */
export function mergeSmallGroups(rows: Row[], min = MIN_PUBLIC_GROUP): Row[] {
  const big = rows.filter((r) => r.count >= min).sort((a, b) => b.count - a.count)
  let merged = rows.filter((r) => r.count < min).reduce((n, r) => n + r.count, 0)
  while (merged > 0 && merged < min && big.length > 0) merged += big.pop()!.count
  return merged > 0 ? [...big, { key: MERGED, count: merged }] : big
}

/** The median of values given as a histogram { value → count }; null when empty. */
export function medianOf(histogram: Array<{ value: number; count: number }>): number | null {
  const sorted = histogram.filter((h) => h.count > 0).sort((a, b) => a.value - b.value)
  const n = sorted.reduce((s, h) => s + h.count, 0)
  if (n === 0) return null
  const at = (k: number) => {
    let seen = 0
    for (const h of sorted) { seen += h.count; if (k < seen) return h.value }
    return sorted[sorted.length - 1].value
  }
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
}

async function group(ctx: Ctx, year: number, field: string): Promise<Array<{ _id: any; count: number }>> {
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.opinions).aggregate()
    .match({ submittedOn: ctx.db.command.gte(`${year}-01-01`).and(ctx.db.command.lt(`${year + 1}-01-01`)) })
    .group({ _id: `$${field}`, count: $.sum(1) })
    .end()) as { list: Array<{ _id: any; count: number }> }
  return res.list
}

async function yearFigures(ctx: Ctx, year: number) {
  const [byCategory, byMonth, byState, byDays, byRating, byHeld] = await Promise.all([
    group(ctx, year, 'category'), group(ctx, year, 'submittedMonth'), group(ctx, year, 'state'),
    group(ctx, year, 'firstReplyDays'), group(ctx, year, 'rating'), group(ctx, year, 'held'),
  ])
  const stateCount = (s: string) => byState.find((r) => r._id === s)?.count ?? 0
  const total = byState.reduce((n, r) => n + r.count, 0)
  const accepted = total - stateCount('rejected')
  const answered = stateCount('replied') + stateCount('closed')
  return {
    total,
    byCategory: byCategory.map((r) => ({ key: String(r._id), count: r.count })).sort((a, b) => b.count - a.count),
    byMonth: byMonth.map((r) => ({ key: String(r._id), count: r.count })).sort((a, b) => a.key.localeCompare(b.key)),
    replyRate: accepted > 0 ? answered / accepted : null,
    medianDaysToReply: medianOf(byDays.filter((r) => typeof r._id === 'number').map((r) => ({ value: r._id as number, count: r.count }))),
    satisfaction: opinionRatings.map((rating: OpinionRating) => ({ rating, count: byRating.find((r) => r._id === rating)?.count ?? 0 })),
    held: byHeld.filter((r) => r._id === 'review' || r._id === 'unavailable').reduce((n, r) => n + r.count, 0),
  }
}

async function countOverdue(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const res = (await ctx.db.collection(COLLECTIONS.opinions).where({ state: _.in(['pending', 'processing']), dueOn: _.lt(today) }).count()) as { total: number }
  return res.total
}

export const statsRoutes = {
  /** The chair's figures for a year (default: this one). */
  stats: action({
    input: opinionStatsInput,
    role: 'chair',
    async run(ctx, input): Promise<OpinionStatsOutput> {
      const year = input.year ?? shanghaiYear(ctx.now)
      const f = await yearFigures(ctx, year)
      return { year, ...f, overdue: await countOverdue(ctx) }
    },
  }),

  /** Members' figures: categories merged below 5, satisfaction only from 5 ratings on. */
  publicStats: action({
    input: z.object({ year: z.optional(z.int().check(z.minimum(2020), z.maximum(2100))) }),
    role: 'member',
    async run(ctx, input): Promise<OpinionPublicStatsOutput> {
      const year = input.year ?? shanghaiYear(ctx.now)
      const f = await yearFigures(ctx, year)
      const rated = f.satisfaction.reduce((n, s) => n + s.count, 0)
      const content = f.satisfaction.filter((s) => s.rating !== 'dissatisfied').reduce((n, s) => n + s.count, 0)
      const enough = f.total >= MIN_PUBLIC_GROUP
      return {
        year,
        total: enough ? f.total : null,
        byCategory: enough ? mergeSmallGroups(f.byCategory) : [],
        replyRate: enough ? f.replyRate : null,
        medianDaysToReply: enough ? f.medianDaysToReply : null,
        satisfiedShare: rated >= MIN_PUBLIC_GROUP ? content / rated : null,
      }
    },
  }),
}

