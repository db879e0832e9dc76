/**
 * The words of a 经费公开 notice that depend on its period: a title a chair would write
 * ("2026年1月—11月工会经费慰问支出公示") and the closing line, which mentions a 公示期 only when the
 * chair set one.
 */
import { addDays, startOfShanghaiDay } from '../_shared/time'
import { AppError } from '../_shared/errors'

const MAX_PUBLICITY_DAYS = 60

const ymd = (d: string) => ({ y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) })
const isMonthStart = (d: string) => d.endsWith('-01')
const isMonthEnd = (d: string) => addDays(d, 1).endsWith('-01')

/**
 * The period as people say it: whole months as months ("2026年1月—11月", "2025年12月—2026年2月",
 * "2026年3月"), anything else as days ("2026年1月1日—12月2日").
 */
export function periodWords(from: string, to: string): string {
  const a = ymd(from)
  const b = ymd(to)
  if (isMonthStart(from) && isMonthEnd(to)) {
    if (a.y === b.y) return a.m === b.m ? `${a.y}年${a.m}月` : `${a.y}年${a.m}月—${b.m}月`
    return `${a.y}年${a.m}月—${b.y}年${b.m}月`
  }
  if (from === to) return `${a.y}年${a.m}月${a.d}日`
  return a.y === b.y ? `${a.y}年${a.m}月${a.d}日—${b.m}月${b.d}日` : `${a.y}年${a.m}月${a.d}日—${b.y}年${b.m}月${b.d}日`
}

/** "…工会经费慰问支出公示" when every visit of the period was paid from 工会经费, else "…慰问支出公示". */
export function disclosureTitle(from: string, to: string, onlyUnionFund: boolean): string {
  return `${periodWords(from, to)}${onlyUnionFund ? '工会经费' : ''}慰问支出公示`
}

/** The chair's 公示期 as the instants a notice stores (from the first day's 00:00 to the day after the last). */
export function publicityOf(p: { startDate: string; endDate: string } | undefined): { publicityStart?: Date; publicityEnd?: Date } {
  if (!p) return {}
  if (p.endDate < p.startDate) throw new AppError('BAD_INPUT', '公示结束日期不能早于开始日期')
  const publicityStart = startOfShanghaiDay(p.startDate)
  const publicityEnd = startOfShanghaiDay(addDays(p.endDate, 1))
  if (publicityEnd.getTime() - publicityStart.getTime() > MAX_PUBLICITY_DAYS * 86_400_000) throw new AppError('BAD_INPUT', `公示期最长 ${MAX_PUBLICITY_DAYS} 天`)
  return { publicityStart, publicityEnd }
}

/** The closing line: a 公示期 is named only when there is one. */
export function closingLine(p: { startDate: string; endDate: string } | undefined): string {
  if (!p) return '如有疑问，请向校工会反映。'
  const a = ymd(p.startDate)
  const b = ymd(p.endDate)
  const end = a.y === b.y ? `${b.m}月${b.d}日` : `${b.y}年${b.m}月${b.d}日`
  return `公示期：${a.y}年${a.m}月${a.d}日至${end}。如有疑问或异议，请在公示期内向校工会反映。`
}
