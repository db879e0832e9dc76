/** The Excel ledger of every notice published in a date range (Shanghai days), for 备案. */
import ExcelJS from 'exceljs'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type NoticeDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { total } from '../_shared/query'
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

export async function ledgerWorkbook(ctx: Ctx, from: string, to: string): Promise<{ buffer: Buffer; count: number }> {
  const { start, end } = ledgerRange(from, to)
  const _ = ctx.db.command
  const notices = await collectAll<Row>(ctx, COLLECTIONS.notices, { publishedAt: _.gte(start).and(_.lt(end)) }, ['publishedAt', 'asc'], {
    _id: true, title: true, category: true, visibility: true, state: true, publishedAt: true, version: true, correctionCount: true,
    publicityStart: true, publicityEnd: true, withdrawnAt: true, withdrawReason: true,
  }, LEDGER_CAP)
  const counts = new Map<string, [number, number, number]>()
  for (let i = 0; i < notices.length; i += 10) {
    await Promise.all(notices.slice(i, i + 10).map(async (n) => {
      const [reads, raised, answered] = await Promise.all([
        total(ctx.db.collection(COLLECTIONS.noticeReads).where({ noticeId: n._id })),
        n.publicityStart ? total(ctx.db.collection(COLLECTIONS.noticeObjections).where({ noticeId: n._id })) : 0,
        n.publicityStart ? total(ctx.db.collection(COLLECTIONS.noticeObjections).where({ noticeId: n._id, answer: _.exists(true) })) : 0,
      ])
      counts.set(n._id, [reads, raised, answered])
    }))
  }

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
