/** The Excel ledger of every notice published in a date range (Shanghai days), for 备案. */
import ExcelJS from 'exceljs'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type NoticeDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { addDays, formatShanghai, startOfShanghaiDay } from '../_shared/time'
import { collectAll } from './collect'

/** A ledger covers at most this many notices (a year of a school union's board is far fewer). */
export const LEDGER_CAP = 2000

type Row = Pick<NoticeDoc, '_id' | 'title' | 'category' | 'visibility' | 'state' | 'publishedAt' | 'version' | 'correctionCount' | 'publicityStart' | 'publicityEnd' | 'withdrawnAt' | 'withdrawReason'>

export function ledgerRange(from: string, to: string): { start: Date; end: Date } {
  let start: Date, end: Date
  try {
    start = startOfShanghaiDay(from)
    end = startOfShanghaiDay(addDays(to, 1))
  } catch {
    throw new AppError('BAD_INPUT', '日期不存在，请重新选择')
  }
  if (end <= start) throw new AppError('BAD_INPUT', '结束日期不能早于开始日期')
  if (end.getTime() - start.getTime() > 367 * 86400_000) throw new AppError('BAD_INPUT', '台账一次最多导出一年，请缩小日期范围')
  return { start, end }
}

type Counts = Map<string, [reads: number, raised: number, answered: number]>

/** Reads, objections and answered objections per notice: one $group per 100 notices and kind. */
async function countsByNotice(ctx: Ctx, ids: string[]): Promise<Counts> {
  const _ = ctx.db.command
  const $ = ctx.db.command.aggregate
  const counts: Counts = new Map(ids.map((id) => [id, [0, 0, 0]]))
  const group = async (collection: string, match: Record<string, unknown>) =>
    ((await ctx.db.collection(collection).aggregate().match(match).group({ _id: '$noticeId', n: $.sum(1) }).limit(MAX_QUERY).end()) as { list: Array<{ _id: string; n: number }> }).list
  for (let i = 0; i < ids.length; i += MAX_QUERY) {
    const batch = ids.slice(i, i + MAX_QUERY)
    const [reads, raised, answered] = await Promise.all([
      group(COLLECTIONS.noticeReads, { noticeId: _.in(batch) }),
      group(COLLECTIONS.noticeObjections, { noticeId: _.in(batch) }),
      group(COLLECTIONS.noticeObjections, { noticeId: _.in(batch), answer: _.exists(true) }),
    ])
    reads.forEach((g) => { counts.get(g._id)![0] = g.n })
    raised.forEach((g) => { counts.get(g._id)![1] = g.n })
    answered.forEach((g) => { counts.get(g._id)![2] = g.n })
  }
  return counts
}

export async function ledgerWorkbook(ctx: Ctx, from: string, to: string): Promise<{ buffer: Buffer; count: number }> {
  const { start, end } = ledgerRange(from, to)
  const _ = ctx.db.command
  const notices = await collectAll<Row>(ctx, COLLECTIONS.notices, { publishedAt: _.gte(start).and(_.lt(end)) }, ['publishedAt', 'asc'], {
    _id: true, title: true, category: true, visibility: true, state: true, publishedAt: true, version: true, correctionCount: true,
    publicityStart: true, publicityEnd: true, withdrawnAt: true, withdrawReason: true,
  }, LEDGER_CAP)
  const counts = await countsByNotice(ctx, notices.map((n) => n._id))

  const book = new ExcelJS.Workbook()
  book.creator = '教工之家'
  const sheet = book.addWorksheet('校务公开台账')
  sheet.columns = [
    { header: '序号', width: 6 }, { header: '标题', width: 40 }, { header: '类别', width: 10 }, { header: '公开范围', width: 10 },
    { header: '状态', width: 8 }, { header: '发布时间', width: 18 }, { header: '版本', width: 6 }, { header: '更正次数', width: 9 },
    { header: '公示期', width: 36 }, { header: '已读人数', width: 9 }, { header: '异议（条）', width: 10 }, { header: '已答复', width: 8 },
    { header: '撤回时间', width: 18 }, { header: '撤回原因', width: 30 },
  ]
  sheet.getRow(1).font = { bold: true }
  notices.forEach((n, i) => {
    const [reads, raised, answered] = counts.get(n._id)!
    sheet.addRow([
      i + 1, n.title, n.category, n.visibility === 'public' ? '对外' : '对内', n.state === 'withdrawn' ? '已撤回' : '已发布',
      formatShanghai(new Date(n.publishedAt!)), n.version, n.correctionCount,
      n.publicityStart && n.publicityEnd ? `${formatShanghai(new Date(n.publicityStart))} 至 ${formatShanghai(new Date(n.publicityEnd))}` : '',
      reads, raised, answered, n.withdrawnAt ? formatShanghai(new Date(n.withdrawnAt)) : '', n.withdrawReason ?? '',
    ])
  })
  sheet.addRow([])
  sheet.addRow(['', `统计：${from} 至 ${to} 共发布 ${notices.length} 份公告；导出时间 ${formatShanghai(ctx.now)}`])
  const buffer = Buffer.from(await book.xlsx.writeBuffer())
  return { buffer, count: notices.length }
}
