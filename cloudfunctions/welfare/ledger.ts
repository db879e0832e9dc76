/**
 * The ledger: filtered lists, exact totals (integer 分 summed by the database's $group, never
 * floats), charts by reason and month, and the Excel export.
 */
import {
  welfareExportInput, welfareListInput, welfareReasons, welfareFunds, welfareSummaryInput,
  type WelfareExportOutput, type WelfareLedgerOutput, type WelfareListInput, type WelfareListOutput, type WelfareSummaryOutput, type WelfareSummaryRow,
} from '../../types/welfare'
import { formatFen } from '../../types/money'
import { requireMember, type Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type WelfareVisitDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { welfareLabels } from './labels'
import { audit } from './log'
import { answerParts, countIn, countRead, docs, pageWindow, total, type Part, type Read } from '../_shared/query'
import { formatShanghai, shanghaiYear, yearDateRange } from '../_shared/time'
import { visitItem } from './shape'

const DENIED = '只有工会委员和主席可以查看慰问记录'
/** An export is one year of a school's visits (hundreds); refuse rather than time out. */
const EXPORT_MAX = 5000

interface Filter {
  year?: number
  reason?: string
  fund?: string
  memberId?: string
  recipientName?: string
}

/**
 * The database condition for a filter: one year (visitDate range, indexed), except one person's
 * history without a year, which spans every year (a person has few visits).
 */
export function whereOf(ctx: Ctx, f: Filter): { year: number; where: Record<string, unknown>; allYears: boolean } {
  const year = f.year ?? shanghaiYear(ctx.now)
  const allYears = f.year === undefined && !!(f.memberId || f.recipientName)
  const { from, to } = yearDateRange(year)
  const _ = ctx.db.command
  const where: Record<string, unknown> = allYears ? {} : { visitDate: _.gte(from).and(_.lt(to)) }
  if (f.reason) where.reason = f.reason
  if (f.fund) where.fund = f.fund
  if (f.memberId) where['recipient.memberId'] = f.memberId
  if (f.recipientName) where['recipient.name'] = f.recipientName
  return { year, where, allYears }
}

interface Group { _id: string; count: number; cashFen: number; giftFen: number }

/** Sums done visits grouped by `field` in the database (≤ 12 groups for months, 9 for reasons), as a read. */
function groupRead(ctx: Ctx, where: Record<string, unknown>, field: 'reason' | 'month' | 'fund'): Read {
  const $ = ctx.db.command.aggregate
  return {
    from: COLLECTIONS.welfareVisits,
    stages: (p) => p.match({ ...where, state: 'done' }).group({ _id: `$${field}`, count: $.sum(1), cashFen: $.sum('$cashFen'), giftFen: $.sum('$giftFen') }).limit(MAX_QUERY),
  }
}

function rows(keys: readonly string[], groups: Group[]): WelfareSummaryRow[] {
  const by = new Map(groups.map((g) => [g._id, g]))
  return keys.map((key) => {
    const g = by.get(key)
    const cashFen = g?.cashFen ?? 0
    const giftFen = g?.giftFen ?? 0
    return { key, count: g?.count ?? 0, cashFen, giftFen, totalFen: cashFen + giftFen }
  })
}

/** Totals and chart data of a filter (done visits by reason, month and fund; planned ones counted apart), as one part. */
function summaryPart(ctx: Ctx, f: Filter): Part<WelfareSummaryOutput> {
  const { year, where, allYears } = whereOf(ctx, f)
  const months = Array.from({ length: 12 }, (_v, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  return {
    first: {
      byReason: groupRead(ctx, where, 'reason'), byMonth: groupRead(ctx, where, 'month'), byFund: groupRead(ctx, where, 'fund'),
      planned: countRead(COLLECTIONS.welfareVisits, { ...where, state: 'planned' }),
    },
    answer(r) {
      const reasonRows = rows(welfareReasons, r.byReason)
      const sum = (k: 'count' | 'cashFen' | 'giftFen') => reasonRows.reduce((s, x) => s + x[k], 0)
      const cashFen = sum('cashFen')
      const giftFen = sum('giftFen')
      return {
        year, allYears, count: sum('count'), cashFen, giftFen, totalFen: cashFen + giftFen, plannedCount: countIn(r.planned),
        byReason: reasonRows, byMonth: rows(months, r.byMonth), byFund: rows(welfareFunds, r.byFund),
      }
    },
  }
}

/** The ledger's reads hang on the caller's own member document (committee and chair only). */
const anchorOf = (ctx: Ctx) => ({ collection: COLLECTIONS.members, where: { _id: requireMember(ctx)._id } })

/** Totals and chart data for a filter in one request. */
export async function summarize(ctx: Ctx, f: Filter): Promise<WelfareSummaryOutput> {
  return (await answerParts(ctx.db, anchorOf(ctx), { summary: summaryPart(ctx, f) })).summary
}

/** One page of the ledger, latest first (a plan's entries: planned first), with the count of all, as one part. */
function pagePart(ctx: Ctx, input: WelfareListInput & { page: number }): Part<WelfareListOutput> {
  const { year, where } = whereOf(ctx, input)
  if (input.state) where.state = input.state
  if (input.planId) {
    // A plan's entries, whatever their dates.
    delete where.visitDate
    where.planId = input.planId
  }
  const { skip, limit } = pageWindow(input.page)
  const order = input.planId ? { state: -1, _id: 1 } : { visitDate: -1, _id: 1 }
  return {
    first: {
      items: { from: COLLECTIONS.welfareVisits, stages: (p) => p.match(where).sort(order).skip(skip).limit(limit) },
      total: countRead(COLLECTIONS.welfareVisits, where),
    },
    answer: (r) => ({ items: (r.items as WelfareVisitDoc[]).map(visitItem), page: input.page, total: countIn(r.total), year }),
  }
}

const STATE_WORDS = { planned: '计划中', done: '已慰问', cancelled: '已取消' } as const

async function workbook(ctx: Ctx, f: Filter): Promise<{ buffer: Buffer; rows: number; year: number }> {
  const { year, where, allYears } = whereOf(ctx, f)
  const coll = ctx.db.collection(COLLECTIONS.welfareVisits)
  const count = await total(coll.where(where))
  if (count > EXPORT_MAX) throw new AppError('BAD_INPUT', `记录太多（${count} 条），请按事由或经费来源筛选后再导出`)
  // exceljs only here: every other action's cold start stays free of it.
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '教工之家'
  const sheet = wb.addWorksheet(allYears ? '慰问明细（历年）' : `${year}年慰问明细`)
  sheet.columns = [
    { header: '日期', key: 'date', width: 12 }, { header: '受慰问人', key: 'name', width: 10 }, { header: '部门/关系', key: 'dept', width: 16 },
    { header: '事由', key: 'reason', width: 10 }, { header: '慰问金（元）', key: 'cash', width: 12 }, { header: '慰问品', key: 'gifts', width: 28 },
    { header: '慰问品价值（元）', key: 'giftValue', width: 14 }, { header: '合计（元）', key: 'total', width: 12 }, { header: '经费来源', key: 'fund', width: 10 },
    { header: '看望人', key: 'visitors', width: 18 }, { header: '状态', key: 'state', width: 8 }, { header: '备注', key: 'notes', width: 40 },
  ]
  sheet.getRow(1).font = { bold: true }
  let n = 0
  for (let skip = 0; skip < count; skip += MAX_QUERY) {
    const page = await docs<WelfareVisitDoc>(coll.where(where).orderBy('visitDate', 'asc').orderBy('_id', 'asc').skip(skip).limit(MAX_QUERY))
    for (const v of page) {
      // Amounts go in as exact decimal text converted once for the cell, with a 0.00 format.
      sheet.addRow({
        date: v.visitDate, name: v.recipient.name, dept: v.recipient.department ?? v.recipient.relation ?? '', reason: v.reason,
        cash: Number(formatFen(v.cashFen)), gifts: v.gifts.map((g) => `${g.name}（${formatFen(g.valueFen)}）`).join('、'),
        giftValue: Number(formatFen(v.giftFen)), total: Number(formatFen(v.cashFen + v.giftFen)), fund: v.fund,
        visitors: v.visitors.map((p) => p.name).join('、'), state: STATE_WORDS[v.state], notes: v.notes,
      })
      n++
    }
  }
  for (const key of ['cash', 'giftValue', 'total']) sheet.getColumn(key).numFmt = '0.00'
  const summary = await summarize(ctx, f)
  const s2 = wb.addWorksheet('汇总（已慰问）')
  s2.columns = [{ header: '分类', key: 'k', width: 14 }, { header: '次数', key: 'c', width: 8 }, { header: '慰问金（元）', key: 'cash', width: 14 }, { header: '慰问品（元）', key: 'gift', width: 14 }, { header: '合计（元）', key: 't', width: 14 }]
  s2.getRow(1).font = { bold: true }
  const put = (k: string, r: { count: number; cashFen: number; giftFen: number; totalFen: number }) =>
    s2.addRow({ k, c: r.count, cash: formatFen(r.cashFen), gift: formatFen(r.giftFen), t: formatFen(r.totalFen) })
  for (const r of summary.byReason.filter((x) => x.count > 0)) put(r.key, r)
  for (const r of summary.byMonth.filter((x) => x.count > 0)) put(r.key, r)
  put('合计', summary)
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return { buffer, rows: n, year }
}

export const ledgerRoutes = {
  /** A year's visits (default this year, Shanghai), latest first, with the ledger's filters. */
  list: action({
    input: welfareListInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareLedgerOutput> {
      // 慰问台账 opens with its totals: the first page and the summary of the same filter in one request.
      const withSummary = input.withSummary === true && input.page === 1 && !input.state && !input.planId
      const { list, summary } = await answerParts(ctx.db, anchorOf(ctx), {
        list: pagePart(ctx, input),
        ...(withSummary ? { summary: summaryPart(ctx, input) } : {}),
      }) as { list: WelfareListOutput; summary?: WelfareSummaryOutput }
      return summary ? { ...list, summary } : list
    },
  }),

  /** Totals and chart data for the same filters (done visits; planned counted apart). */
  summary: action({
    input: welfareSummaryInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    run: (ctx, input) => summarize(ctx, input),
  }),

  /** The year's ledger as an Excel file (details + totals), via a temporary download link. */
  export: action({
    input: welfareExportInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareExportOutput> {
      const { buffer, rows: n, year } = await workbook(ctx, input)
      const stamp = formatShanghai(ctx.now, 'YYYYMMDD-HHmmss')
      const fileName = `慰问记录-${year}${input.reason ? `-${input.reason}` : ''}-${stamp}.xlsx`
      const fileId = await ctx.services.upload(`welfare-exports/${year}-${stamp}-${ctx.member!._id}.xlsx`, buffer)
      const url = (await ctx.services.tempUrls([fileId]))[fileId]
      if (!url) throw new AppError('INTERNAL', '导出文件已生成，但下载链接获取失败，请重试')
      await audit(ctx, { action: 'welfare.export', target: { kind: 'welfareLedger', id: String(year), label: fileName }, note: `${n} 条` })
      return { url, fileName, rows: n }
    },
  }),
}
