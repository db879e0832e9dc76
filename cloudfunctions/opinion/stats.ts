/**
 * Statistics, over released items only: an anonymous item counts from its daily batch on (as it
 * appears in the inbox), so no figure changes at the moment someone submits. The chair's figures
 * are exact. Members' keep each category's total (a total singles nobody out); finer cells that
 * could point at a person — a month with fewer than MIN_PUBLIC_GROUP items, ratings below that —
 * are merged or withheld. Counted by aggregation in the database (a year may hold more items than
 * any one query may return).
 */
import * as z from 'zod/mini'
import {
  MIN_PUBLIC_GROUP, opinionRatings, opinionStatsInput,
  type MonthRange, type OpinionPublicStatsOutput, type OpinionRating, type OpinionStatsOutput,
} from '../../types/opinion'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { shanghaiDate, shanghaiYear } from '../_shared/time'

type Row = { key: string; count: number }

/**
 * Months (`YYYY-MM`, any order) grouped into runs of consecutive months holding at least `min`
 * items together; a last run still under `min` joins the run before it. A month with `min` or
 * more stands alone. Empty months are skipped (they lie inside a run's from–to).
 */
export function mergeMonths(rows: Row[], min = MIN_PUBLIC_GROUP): MonthRange[] {
  const months = rows.filter((r) => r.count > 0).sort((a, b) => a.key.localeCompare(b.key))
  const out: MonthRange[] = []
  let run: MonthRange | undefined
  for (const m of months) {
    const grown: MonthRange = run ? { from: run.from, to: m.key, count: run.count + m.count } : { from: m.key, to: m.key, count: m.count }
    if (grown.count >= min) {
      out.push(grown)
      run = undefined
    } else run = grown
  }
  if (run) {
    const last = out.pop()
    out.push(last ? { from: last.from, to: run.to, count: last.count + run.count } : run)
  }
  return out
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
  const _ = ctx.db.command
  const $ = _.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.opinions).aggregate()
    // Released items only (an anonymous item waiting for its batch has no visibleOn).
    .match({ submittedOn: _.gte(`${year}-01-01`).and(_.lt(`${year + 1}-01-01`)), visibleOn: _.lte(shanghaiDate(ctx.now)) })
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
  const res = (await ctx.db.collection(COLLECTIONS.opinions).where({ state: _.in(['pending', 'processing']), dueOn: _.lt(today), visibleOn: _.lte(today) }).count()) as { total: number }
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

  /** Members' figures: category totals, months merged below 5, satisfaction only from 5 ratings on. */
  publicStats: action({
    input: z.object({ year: z.optional(z.int().check(z.minimum(2020), z.maximum(2100))) }),
    role: 'member',
    async run(ctx, input): Promise<OpinionPublicStatsOutput> {
      const year = input.year ?? shanghaiYear(ctx.now)
      const f = await yearFigures(ctx, year)
      const rated = f.satisfaction.reduce((n, s) => n + s.count, 0)
      const content = f.satisfaction.filter((s) => s.rating !== 'dissatisfied').reduce((n, s) => n + s.count, 0)
      const byMonth = mergeMonths(f.byMonth)
      return {
        year,
        total: f.total,
        byCategory: f.byCategory,
        byMonth,
        monthsMerged: byMonth.some((r) => r.from !== r.to),
        replyRate: f.replyRate,
        medianDaysToReply: f.medianDaysToReply,
        satisfiedShare: rated >= MIN_PUBLIC_GROUP ? content / rated : null,
      }
    },
  }),
}
