/**
 * The plan's Word and Excel documents (plan, summary, minutes, 备案, ledgers). Loaded with
 * `await import()` only by the actions that export (docx and exceljs are heavy for a cold start).
 */
import { Document, Packer, Paragraph, type Table } from 'docx'
import type { NoticeBlock } from '../../types/notice'
import { itemStatusLabels, type MeetingView, type PlanItemView } from '../../types/plan'
import { grid, text } from '../_shared/docx-style'
import type { PlanDoc } from './documents'

type Part = Paragraph | Table

export async function word(title: string, parts: Part[]): Promise<Buffer> {
  const doc = new Document({
    creator: '教工之家', title,
    styles: { default: { document: { run: { size: 24 } } } },
    sections: [{ children: [text(title, { bold: true, size: 32, center: true, after: 240 }), ...parts] }],
  })
  return Packer.toBuffer(doc)
}

export function blocks(list: NoticeBlock[]): Part[] {
  return list.flatMap((b): Part[] => {
    switch (b.type) {
      case 'heading': return [text(b.text, { bold: true, size: 26 })]
      case 'paragraph': return [text(b.text, { bold: b.bold })]
      case 'list': return b.items.map((s, i) => text(`${b.ordered ? `${i + 1}.` : '·'} ${s}`))
      case 'table': return [grid([b.header], b.rows)]
      case 'image': return [text(`［图片${b.caption ? `：${b.caption}` : ''}］`)]
    }
  })
}

export function planDocument(plan: PlanDoc | null, year: number, items: PlanItemView[]): Promise<Buffer> {
  return word(`${year}年工会工作计划`, [
    text('一、指导思想', { bold: true, size: 26 }), ...(plan?.guidance.length ? blocks(plan.guidance) : [text('（未填写）')]),
    text('二、重点工作', { bold: true, size: 26 }), ...(plan?.focus.length ? blocks(plan.focus) : [text('（未填写）')]),
    text('三、具体工作安排', { bold: true, size: 26 }),
    grid([['月份', '日期', '工作内容', '负责人', '状态', '备注']], items.map((i) => [`${i.month}月`, i.date ?? '', i.title, i.ownerName, itemStatusLabels[i.status] + (i.cancelReason ? `（${i.cancelReason}）` : ''), i.note])),
  ])
}

export function summaryDocument(year: number, paragraphs: string[]): Promise<Buffer> {
  return word(`${year}年工会工作总结`, paragraphs.map((p) => text(p)))
}

export function meetingDocument(m: MeetingView): Promise<Buffer> {
  return word(`${m.type}会议记录`, [
    text(`时间：${m.date}    地点：${m.place}`),
    text(`出席：${m.attendees.map((a) => a.name).join('、') || '—'}（${m.attendees.length} 人）`),
    text(`缺席：${m.absent.map((a) => `${a.name}（${a.reason}）`).join('、') || '无'}`),
    text('议程', { bold: true }), ...m.agenda.map((a, i) => text(`${i + 1}. ${a}`)),
    text('会议纪要', { bold: true }), ...(m.minutes ? m.minutes.split('\n').filter(Boolean).map((p) => text(p)) : [text('—')]),
    text('决定事项', { bold: true }),
    grid([['序号', '决定事项', '负责人', '完成期限']], m.decisions.map((d, i) => [String(i + 1), d.text, d.ownerName, d.due])),
    ...(m.files.length ? [text('照片和附件（见同名文件夹）', { bold: true }), ...m.files.map((f, i) => text(`${i + 1}. ${f.name}`))] : []),
  ])
}

/** A plain table sheet as .xlsx. */
export async function sheet(name: string, header: string[], rows: Array<Array<string | number>>): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default
  const book = new ExcelJS.Workbook()
  book.creator = '教工之家'
  const ws = book.addWorksheet(name.slice(0, 31))
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c) => { c.width = 16 })
  return Buffer.from(await book.xlsx.writeBuffer())
}
