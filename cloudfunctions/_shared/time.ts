import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * Instants are stored as UTC `Date`s; every calendar question (which day, which year, is the
 * 公示期 on) is answered in Asia/Shanghai, whatever the machine's own time zone.
 */
export const TIME_ZONE = 'Asia/Shanghai'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/

/** The Shanghai calendar date of an instant: `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return dayjs(at).tz(TIME_ZONE).format('YYYY-MM-DD')
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(at: Date): number {
  return dayjs(at).tz(TIME_ZONE).year()
}

/** Formats an instant as Shanghai wall-clock time (default `YYYY-MM-DD HH:mm`). */
export function formatShanghai(at: Date, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(at).tz(TIME_ZONE).format(pattern)
}

/**
 * The instant of a Shanghai wall-clock time, `YYYY-MM-DD HH:mm[:ss]` or `YYYY-MM-DD` (midnight).
 * Throws on anything else, including impossible dates such as 2026-02-30.
 */
export function fromShanghai(text: string): Date {
  const m = DATE_TIME.exec(text) ?? DATE.exec(text)
  if (!m) throw new RangeError(`not a Shanghai date-time: ${text}`)
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1)
  const parsed = dayjs.tz(`${y}-${mo}-${d} ${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}`, TIME_ZONE)
  // dayjs rolls 02-30 over to 03-02: refuse instead of guessing.
  if (!parsed.isValid() || parsed.format('YYYY-MM-DD') !== `${y}-${mo}-${d}`) throw new RangeError(`impossible date: ${text}`)
  return parsed.toDate()
}

/** The instant a Shanghai calendar day starts. */
export function startOfShanghaiDay(date: string): Date {
  return fromShanghai(date)
}

/** A calendar date `days` after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  if (!DATE.test(date)) throw new RangeError(`not a date: ${date}`)
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** Same instant moved by whole Shanghai days (keeps the wall-clock time). */
export function addShanghaiDays(at: Date, days: number): Date {
  return dayjs(at).tz(TIME_ZONE).add(days, 'day').toDate()
}

/** `[from, to)` calendar dates covering a year, for string-range queries on `YYYY-MM-DD` fields. */
export function yearDateRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` }
}

export type PublicityState = 'none' | 'upcoming' | 'active' | 'ended'

/** 公示期 state at `now`: the period includes its start instant and excludes its end instant. */
export function publicityState(start: Date | undefined | null, end: Date | undefined | null, now: Date): PublicityState {
  if (!start || !end) return 'none'
  if (now.getTime() < start.getTime()) return 'upcoming'
  if (now.getTime() < end.getTime()) return 'active'
  return 'ended'
}
