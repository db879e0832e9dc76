/**
 * The result as files for 备案: a Word report in the layout of the official 民主测评 form
 * (在册人数、参评人数、各等次票数及百分比、优秀率、称职率; signature lines for 监票人 and 计票人) and an
 * Excel workbook (the same table, plus the verification list of ballots with their trackers).
 * Loaded with `await import()` only by the report action (docx and exceljs are heavy).
 */
import ExcelJS from 'exceljs'
import { Document, Packer, Paragraph } from 'docx'
import { gradeLabels, grades, percent, pollKindLabels, voteChoiceLabels, type PollResults } from '../../types/poll'
import { formatShanghai } from '../_shared/time'
import type { BallotDoc, PollDoc } from './documents'
import { FONT, grid, text, type HeaderCell } from '../_shared/docx-style'
import { conclusion, headline, rates, resultTables, type Table } from './figures'

const FORM_TITLE: Record<PollResults['kind'], string> = { appraisal: '民主测评结果统计表', election: '评选结果统计表', vote: '票决结果统计表' }

/** The official two-row header: each grade spans 票数 and 百分比. */
function appraisalGrid(p: PollDoc, r: PollResults) {
  const shown = grades.filter((g) => g !== 'unknown' || p.allowUnknown)
  const top: HeaderCell[] = ['序号', '测评对象', '职务', '在册人数', '参评人数', ...shown.map((g): HeaderCell => [gradeLabels[g], 2]), '优秀率', '称职率']
  const second: HeaderCell[] = ['', '', '', '', '', ...shown.flatMap(() => ['票数', '百分比']), '', '']
  const rows = (r.appraisal ?? []).map((row, i) => {
    const rate = rates(row.counts, row.graded)
    return [String(i + 1), row.name, row.note, String(r.rosterSize), String(r.ballots),
      ...shown.flatMap((g) => [String(row.counts[g]), percent(row.counts[g], r.ballots)]), rate.excellent, rate.competent]
  })
  return grid([top, second], rows)
}

export async function wordReport(p: PollDoc, r: PollResults, now: Date): Promise<Buffer> {
  const tables = resultTables(r, p.allowUnknown)
  const body: Array<Paragraph | ReturnType<typeof grid>> = [
    text(FORM_TITLE[r.kind], { bold: true, size: 32, center: true, after: 200 }),
    text(`${pollKindLabels[r.kind]}名称：${r.title}${r.round > 1 ? `（第 ${r.round} 轮）` : ''}`),
    text(`投票时间：${p.openedAt ? formatShanghai(new Date(p.openedAt)) : '—'} 至 ${formatShanghai(new Date(r.closedAt))}`),
    ...headline(r).slice(1).map((line) => text(line)),
  ]
  if (r.outcome === 'valid') {
    if (r.kind === 'appraisal') {
      body.push(appraisalGrid(p, r), text('注：百分比以参评人数为基数；优秀率 = 优秀票 ÷ 有效评价票，称职率 = （优秀 + 称职）÷ 有效评价票，有效评价票不含“不了解”。', { size: 18 }))
      for (const t of tables.slice(1)) body.push(text('分项评价（德、能、勤、绩、廉）', { bold: true }), grid([t.header], t.rows))
    } else {
      for (const t of tables) body.push(grid([t.header], t.rows))
    }
    const end = conclusion(r)
    if (end) body.push(text(end))
  } else {
    body.push(text('参评人数未达到法定人数，本次投票无效，不统计各项票数。', { bold: true }))
  }
  body.push(
    text(''),
    text('监票人（签字）：＿＿＿＿＿＿\u3000\u3000计票人（签字）：＿＿＿＿＿＿'),
    text(`工会主席（签字）：＿＿＿＿＿＿\u3000\u3000日期：${formatShanghai(now, 'YYYY年M月D日')}`),
  )
  const doc = new Document({
    creator: '教工之家', title: `${r.title}${FORM_TITLE[r.kind]}`,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ properties: { page: { size: { orientation: 'landscape' as any } } }, children: body }],
  })
  return Packer.toBuffer(doc)
}

function addTable(sheet: ExcelJS.Worksheet, t: Table): void {
  const head = sheet.addRow(t.header)
  head.font = { bold: true }
  for (const row of t.rows) sheet.addRow(row)
  sheet.addRow([])
}

export async function excelReport(p: PollDoc, r: PollResults, ballots: BallotDoc[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '教工之家'
  const sheet = book.addWorksheet('结果')
  sheet.addRow([FORM_TITLE[r.kind]]).font = { bold: true, size: 14 }
  for (const line of headline(r)) sheet.addRow([line])
  sheet.addRow([])
  if (r.kind === 'appraisal' && r.outcome === 'valid') {
    const shown = grades.filter((g) => g !== 'unknown' || p.allowUnknown)
    addTable(sheet, {
      header: ['序号', '测评对象', '职务', '在册人数', '参评人数', ...shown.flatMap((g) => [`${gradeLabels[g]}票数`, `${gradeLabels[g]}百分比`]), '优秀率', '称职率'],
      rows: (r.appraisal ?? []).map((row, i) => [String(i + 1), row.name, row.note, String(r.rosterSize), String(r.ballots),
        ...shown.flatMap((g) => [String(row.counts[g]), percent(row.counts[g], r.ballots)]), rates(row.counts, row.graded).excellent, rates(row.counts, row.graded).competent]),
    })
    for (const t of resultTables(r, p.allowUnknown).slice(1)) addTable(sheet, t)
  } else {
    for (const t of resultTables(r, p.allowUnknown)) addTable(sheet, t)
  }
  sheet.columns.forEach((c) => { c.width = 14 })
  if (r.outcome === 'valid') {
    const list = book.addWorksheet('选票核对表')
    list.addRow(['核对码', ...p.items.map((it) => it.name)]).font = { bold: true }
    for (const b of ballots) {
      const c = b.choices ?? {}
      const cells = p.kind === 'appraisal' ? (c.grades ?? []).map((g) => gradeLabels[g])
        : p.kind === 'vote' ? (c.votes ?? []).map((v) => voteChoiceLabels[v])
          : p.items.map((it) => ((c.picks ?? []).includes(it.id) ? '√' : ''))
      list.addRow([b.tracker ?? '', ...cells])
    }
    list.columns.forEach((c) => { c.width = 12 })
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
