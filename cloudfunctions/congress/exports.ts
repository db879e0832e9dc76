/**
 * The session's files for the next session's 审议 and for 备案 (loaded with `await import()` only by
 * the export action — docx and exceljs are heavy):
 *  - 提案汇编 (Word): every submitted proposal, numbered, with 案由, 提案人, 附议人, 理由, 办法 and its handling;
 *  - 提案办理情况报告 (Word): the 条条有答复 figures, then each case with its answers (A/B/C) and ratings, and
 *    every 不立案 with its reason;
 *  - 提案台账 (Excel): one row per proposal.
 */
import ExcelJS from 'exceljs'
import { Document, Packer, Paragraph, type Table } from 'docx'
import { answerClassLabels, proposalStateLabels, ratingLabels, type Rating } from '../../types/congress'
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { formatShanghai, shanghaiDate } from '../_shared/time'
import { FONT, grid, text } from '../_shared/docx-style'
import { randomHex } from '../_shared/codes'
import { CONGRESS_COLLECTIONS as C, type CoNoteDoc, type ProposalDoc, type RatingDoc, type SessionDoc } from './documents'
import { loadSession, membersByIds, requireProposalCommittee, scanAll, sessionProposals } from './store'
import { figuresOf } from './views'

const SUBMITTED = (p: ProposalDoc) => !['draft', 'returned'].includes(p.state)
const byNumber = (a: ProposalDoc, b: ProposalDoc) => (a.number ?? 1e9) - (b.number ?? 1e9)
const no = (p: ProposalDoc) => (p.number ? `第${p.number}号` : '（未编号）')
const rate = (v: number | null) => (v === null ? '—' : `${v}%`)

interface Data { s: SessionDoc; ps: ProposalDoc[]; names: Map<string, string>; ratings: RatingDoc[]; coNotes: CoNoteDoc[]; today: string }

function handling(p: ProposalDoc, d: Data): string[] {
  const lines: string[] = [`办理状态：${proposalStateLabels[p.state]}`]
  if (p.state === 'merged') lines.push(`并入：${no(d.ps.find((x) => x._id === p.mergedInto) ?? p)}提案`)
  if (p.decisionReason) lines.push(`${p.state === 'suggestion' ? '转为意见建议的理由' : '说明'}：${p.decisionReason}`)
  if (p.office) lines.push(`主办部门：${p.office}${p.coOffices ? `；协办：${p.coOffices}` : ''}；承办人：${p.handlerName ?? ''}${p.coHandlers?.length ? `；协办人：${p.coHandlers.map((c) => c.name).join('、')}` : ''}；答复期限：${p.dueDate ?? ''}`)
  for (const a of p.answers.filter((x) => !x.returnedReason)) {
    lines.push(`第${a.round}次答复（${a.answeredOn}，${a.onTime ? '按期' : '超期'}）：${answerClassLabels[a.answerClass]}。${a.text}${a.reason ? `（原因：${a.reason}）` : ''}`)
    if (a.files?.length) lines.push(`答复附件：${a.files.map((f) => f.name).join('、')}`)
    for (const n of d.coNotes.filter((x) => x.proposalId === p._id && x.round === a.round)) lines.push(`协办意见（${n.name}）：${n.text}`)
  }
  const rs = d.ratings.filter((r) => r.proposalId === p._id).sort((a, b) => a.round - b.round)
  if (rs.length) lines.push(`评价：${rs.map((r) => `${r.name}（第${r.round}次）${ratingLabels[r.rating]}${r.comment ? `：${r.comment}` : ''}`).join('；')}`)
  for (const r of [...new Set((p.unrated ?? []).map((u) => u.round))]) lines.push(`第${r}次答复未评价：${p.unrated!.filter((u) => u.round === r).map((u) => u.name).join('、')}（评价期满未评价）`)
  if (p.finalRating) lines.push(`最终评价：${ratingLabels[p.finalRating as Rating]}`)
  else if (p.state === 'closed') lines.push('最终评价：未评价（评价期满无人评价）')
  return lines
}

async function compilation(d: Data): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [text(`${d.s.title}提案汇编`, { bold: true, size: 36, center: true, after: 300 })]
  for (const p of d.ps.filter(SUBMITTED).sort(byNumber)) {
    body.push(
      text(`${no(p)}\u3000${p.title}`, { bold: true, size: 28, after: 120 }),
      text(`类别：${p.category}\u3000提案人：${p.proposerName}\u3000附议人：${p.seconderIds.map((x) => d.names.get(x) ?? '').join('、') || '无'}`),
      text(`理由：${p.reasons}`), text(`办法和建议：${p.measures}`),
      ...handling(p, d).map((l) => text(l)), text('', { after: 200 }),
    )
  }
  const doc = new Document({ styles: { default: { document: { run: { font: FONT, size: 24 } } } }, sections: [{ children: body }] })
  return Packer.toBuffer(doc)
}

async function report(d: Data): Promise<Buffer> {
  const f = figuresOf(d.ps, d.today)
  const submitted = d.ps.filter(SUBMITTED).sort(byNumber)
  const body: Array<Paragraph | Table> = [
    text(`${d.s.title}提案办理情况报告`, { bold: true, size: 36, center: true, after: 300 }),
    text(`本次会议共收到提案 ${f.submitted} 件，审查 ${f.decided} 件，其中立案（含并案）${f.accepted} 件，转为意见建议 ${f.suggestions} 件；立案率 ${rate(f.acceptRate)}。`),
    text(`已答复 ${f.answered} 件，其中按期答复 ${f.answeredOnTime} 件，按期答复率 ${rate(f.onTimeRate)}；已办结 ${f.closed} 件，满意率 ${rate(f.satisfactionRate)}（满意和基本满意 ${f.ratingsGood} 人次，共评价 ${f.ratingsTotal} 人次${f.ratingsMissing ? `；另有 ${f.ratingsMissing} 人次评价期满未评价，不计入` : ''}）；目前超期 ${f.overdue} 件。`),
    grid([['编号', '案由', '提案人', '状态', '主办部门', '答复类别', '最终评价']], submitted.map((p) => {
      const last = [...p.answers].reverse().find((a) => !a.returnedReason)
      return [no(p), p.title, p.proposerName, proposalStateLabels[p.state], p.office ?? '', last ? last.answerClass : '', p.finalRating ? ratingLabels[p.finalRating as Rating] : '']
    })),
    text('', { after: 200 }),
  ]
  for (const p of submitted) body.push(text(`${no(p)}\u3000${p.title}（${p.proposerName}）`, { bold: true, after: 80 }), ...handling(p, d).map((l) => text(l)))
  body.push(text(`生成时间：${formatShanghai(new Date())}`, { size: 18 }))
  const doc = new Document({ styles: { default: { document: { run: { font: FONT, size: 24 } } } }, sections: [{ children: body }] })
  return Packer.toBuffer(doc)
}

async function ledger(d: Data): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '教工之家'
  const sheet = book.addWorksheet('提案台账')
  sheet.addRow([`${d.s.title}提案台账`]).font = { bold: true, size: 14 }
  sheet.addRow(['编号', '案由', '类别', '提案人', '附议人', '状态', '审查说明', '主办部门', '协办部门', '承办人', '答复期限', '答复类别', '答复日期', '是否按期', '满意', '基本满意', '不满意', '未评价', '最终评价']).font = { bold: true }
  for (const p of d.ps.filter(SUBMITTED).sort(byNumber)) {
    const last = [...p.answers].reverse().find((a) => !a.returnedReason)
    const c = p.ratingCounts
    sheet.addRow([p.number ?? '', p.title, p.category, p.proposerName, p.seconderIds.map((x) => d.names.get(x) ?? '').join('、'), proposalStateLabels[p.state],
      p.decisionReason ?? '', p.office ?? '', p.coOffices ?? '', p.handlerName ?? '', p.dueDate ?? '', last?.answerClass ?? '', last?.answeredOn ?? '',
      p.answers[0] ? (p.answers[0].onTime ? '按期' : '超期') : '', c?.satisfied ?? '', c?.basic ?? '', c?.unsatisfied ?? '', c ? c.unrated ?? 0 : '', p.finalRating ? ratingLabels[p.finalRating as Rating] : ''])
  }
  sheet.columns.forEach((col, i) => { col.width = i === 1 ? 30 : 12 })
  return Buffer.from(await book.xlsx.writeBuffer())
}

const FILES = { compilation: ['提案汇编', 'docx'], report: ['提案办理情况报告', 'docx'], ledger: ['提案台账', 'xlsx'] } as const

export async function exportRecords(ctx: Ctx, sessionId: string, kind: keyof typeof FILES): Promise<{ url: string; fileId: string; fileName: string }> {
  const s = await loadSession(ctx.db, sessionId)
  requireProposalCommittee(ctx, s)
  const ps = await sessionProposals(ctx.db, sessionId)
  const names = new Map([...(await membersByIds(ctx.db, ps.flatMap((p) => p.seconderIds)))].map(([k, m]) => [k, m.name]))
  const ratings = await scanAll<RatingDoc>(ctx.db, C.ratings, { sessionId })
  const coNotes = await scanAll<CoNoteDoc>(ctx.db, C.coNotes, { sessionId })
  const d: Data = { s, ps, names, ratings, coNotes, today: shanghaiDate(ctx.now) }
  const buffer = kind === 'compilation' ? await compilation(d) : kind === 'report' ? await report(d) : await ledger(d)
  const [label, ext] = FILES[kind]
  const fileId = await ctx.services.upload(`congress-files/${randomHex()}.${ext}`, buffer)
  const url = (await ctx.services.tempUrls([fileId]))[fileId]
  if (!url) throw new AppError('INTERNAL', '文件生成了但暂时无法下载，请重试')
  await recordAudit(ctx.db, ctx, { action: 'congress.export', target: { kind: 'congressSession', id: s._id, label: s.title }, note: label })
  return { url, fileId, fileName: `${s.title}${label}.${ext}` }
}
