import * as z from 'zod/mini'

/** Pages of 20 (design.md "Everywhere"); page numbers start at 1. */
export const PAGE_SIZE = 20
export const pageInput = z._default(z.int().check(z.minimum(1), z.maximum(500)), 1)

/** An instant, sent as an ISO 8601 UTC string (`2026-11-22T01:00:00.000Z`). */
export const instant = z.string()
/** A calendar date in Asia/Shanghai, `YYYY-MM-DD` (used where only the day matters or may be known). */
export const calendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))

export function paged<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), page: z.int(), total: z.int() })
}
