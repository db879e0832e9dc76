import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * Instants arrive as UTC ISO strings; people read them in Asia/Shanghai. The app uses the fixed
 * +08:00 offset instead of the timezone plugin: that plugin needs Intl time-zone data, which some
 * WeChat JS engines lack, and China has had no daylight saving time since 1991.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

function shanghai(instant: string) {
  return dayjs.utc(instant).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** `2026-11-22` */
export function formatDate(instant: string): string {
  return shanghai(instant).format('YYYY-MM-DD')
}

/** `11月22日 09:30` */
export function formatDateTime(instant: string): string {
  return shanghai(instant).format('M月D日 HH:mm')
}

/** `11月22日` from an instant or a `YYYY-MM-DD` calendar date. */
export function formatDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [, m, d] = value.split('-')
    return `${Number(m)}月${Number(d)}日`
  }
  return shanghai(value).format('M月D日')
}

/** Today's calendar date in Asia/Shanghai, `YYYY-MM-DD` (for due dates). */
export function todayShanghai(now: Date = new Date()): string {
  return dayjs.utc(now).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD')
}
