import * as z from 'zod/mini'

/** Pages of 20 (design.md "Everywhere"); page numbers start at 1. */
export const PAGE_SIZE = 20
export const pageInput = z._default(z.int().check(z.minimum(1), z.maximum(500)), 1)

/** An instant, sent as an ISO 8601 UTC string (`2026-11-22T01:00:00.000Z`). */
export const instant = z.string()
/** True for a `YYYY-MM-DD` that exists on the calendar (2026-02-30 and 2026-13-01 do not). */
export function isRealDate(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  return d <= days
}

/**
 * A calendar date in Asia/Shanghai, `YYYY-MM-DD` (used where only the day matters or may be known).
 * Only days that exist; years 1900–2100 (a narrower range per field where the form has one,
 * e.g. a visit between 2000 and next year — see `dateBetween`).
 */
export const calendarDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期的格式应为 年-月-日，例如 2026-03-08'),
  z.refine((d) => isRealDate(d) && d >= '1900-01-01' && d <= '2100-12-31', '这一天不存在，请检查年、月、日'),
)

/**
 * A calendar date within [from, to] (both `YYYY-MM-DD`, inclusive). `to` may be a function so a
 * bound like "one year from today" is read at parse time, not at module load.
 */
export function dateBetween(from: string, to: string | (() => string), outOfRange: string) {
  return z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期的格式应为 年-月-日，例如 2026-03-08'),
    z.refine(isRealDate, '这一天不存在，请检查年、月、日'),
    z.refine((d) => d >= from && d <= (typeof to === 'function' ? to() : to), outOfRange),
  )
}

/**
 * A document id as the app receives it and sends it back. Formats in use (write a new one here):
 * database ids (32 hex), seeded ids (`m_chair`), composed ids `<id>_<id>` (65: a plan entry is
 * `<planId>_<memberId>`), `<noticeId>_v<n>`. 128 leaves room for one more level of composition;
 * only letters, digits, `_` and `-` (no NUL, no path separators, nothing a query could misread).
 */
export const docId = z.string().check(z.minLength(1, '缺少要操作的记录，请返回列表重新进入'), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, '记录编号不对，请返回列表重新进入'))

/**
 * The client's id for one create (a form submission): the app makes it when the form opens and
 * keeps it across retries and double taps, so the function creates the thing once. See
 * cloudfunctions/_shared/create-once.ts for how a function uses it.
 */
export const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号不对，请刷新页面后重试'))

/** The revision a correction was made against (the document's `revision` when it was read). */
export const revision = z.int().check(z.minimum(0), z.maximum(1_000_000))

export function paged<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), page: z.int(), total: z.int() })
}
