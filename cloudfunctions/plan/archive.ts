/**
 * The year's 台帐: one zip in cloud storage, its files named as a person would file them:
 *   2026年工会台帐/00-目录.docx
 *   2026年工会台帐/01-工作计划/2026年工会工作计划.docx
 *   2026年工会台帐/02-工作总结/2026年工会工作总结.docx
 *   2026年工会台帐/03-会议记录/2026-03-05 工会委员会议.docx
 *   2026年工会台帐/04-校务公开/2026-03-10 <标题> 备案.docx
 *   2026年工会台帐/05-意见台账/2026年意见台账.xlsx        (anonymous items: 匿名, nothing else)
 *   2026年工会台帐/06-活动记录/2026-05-01 <标题> 签到表.xlsx
 *   2026年工会台帐/07-慰问台账/2026年慰问台账.xlsx
 *   2026年工会台帐/08-民主测评/2026年测评与评选.xlsx
 *   2026年工会台帐/09-操作日志/2026年操作日志.xlsx
 * Files are added one at a time (each generated document released before the next) and the zip is
 * generated once with DEFLATE and uploaded; the chair's audit entry names the file.
 */
import { randomBytes } from 'node:crypto'
import { itemStatusLabels } from '../../types/plan'
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { formatShanghai, shanghaiDate } from '../_shared/time'
import { sentence } from '../_shared/audit-sentences'
import { text, grid } from '../_shared/docx-style'
import type { MeetingDoc } from './documents'
import { rosterOf } from './linked-activities'
import { allMembers, auditBetween } from './linked-members'
import { objectionsFull } from './linked-notices'
import { meetingView } from './meetings'
import { PLAN_COLLECTIONS as C, itemsOfYear, loadPlan, scanAll } from './store'
import { itemViews } from './status'
import { draftText, figures, yearBounds, yearRecords } from './summary'
import { meetingDocument, planDocument, sheet, summaryDocument, word } from './word'
import { plainDocx, type PlainPart } from './plain-docx'
import type { NoticeBlock } from '../../types/notice'

/** A name safe in every file system: no separators or reserved characters, at most 40 characters. */
export const fileTitle = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim().slice(0, 40) || '未命名'

const yuan = (fen: number) => (fen / 100).toFixed(2)

export async function buildArchive(ctx: Ctx, year: number) {
  const JSZip = (await import('jszip')).default
  const zip = new JSZip()
  const root = `${year}年工会台帐`
  const used = new Set<string>()
  const index: Array<[string, string]> = []
  const add = (folder: string, name: string, content: Buffer, about: string) => {
    let path = `${root}/${folder}/${name}`
    for (let n = 2; used.has(path); n++) path = `${root}/${folder}/${name.replace(/(\.[a-z]+)$/, `（${n}）$1`)}`
    used.add(path)
    zip.file(path, content)
    index.push([path.slice(root.length + 1), about])
  }
  const { from, to } = yearBounds(year)
  const db = ctx.db

  // Every record read once, the independent reads in parallel.
  const [records, rawItems, plan, meetings, people, audit] = await Promise.all([
    yearRecords(ctx, year), itemsOfYear(db, year), loadPlan(db, year), scanAll<MeetingDoc>(db, C.meetings, { year }), allMembers(db), auditBetween(db, from, to),
  ])

  // 01 plan, 02 summary
  const items = await itemViews(db, rawItems, ctx.now)
  add('01-工作计划', `${year}年工会工作计划.docx`, await planDocument(plan, year, items), `工作计划（${items.length} 项）`)
  const f = await figures(ctx, year, records)
  add('02-工作总结', `${year}年工会工作总结.docx`, await summaryDocument(year, draftText(year, f)), '工作总结（初稿，数字取自全年记录）')

  // 03 meetings
  for (const m of meetings.sort((a, b) => a.date.localeCompare(b.date))) add('03-会议记录', `${m.date} ${m.type}.docx`, await meetingDocument(meetingView(m)), `${m.type}记录`)

  // 04 notices' 备案
  const notices = records.notices
  const objections = await objectionsFull(db, notices.filter((n) => n.publicityEnd).map((n) => n._id))
  for (const n of notices.sort((a, b) => +new Date(a.publishedAt!) - +new Date(b.publishedAt!))) {
    const mine = objections.filter((o) => o.noticeId === n._id)
    const doc = await plainDocx([
      { kind: 'title', text: `${n.title} 备案` },
      { kind: 'text', text: `分类：${n.category}  公开范围：${n.visibility === 'public' ? '对外公开' : '对内公开'}  状态：${n.state === 'withdrawn' ? '已撤回' : '已发布'}` },
      { kind: 'text', text: `发布时间：${formatShanghai(new Date(n.publishedAt!))}${n.publicityEnd ? `  公示期至：${formatShanghai(new Date(n.publicityEnd))}` : ''}` },
      { kind: 'text', text: `版本：${(n.versionLog ?? []).map((v) => `第 ${v.version} 版 ${formatShanghai(new Date(v.publishedAt))}${v.reason ? `（更正：${v.reason}）` : ''}`).join('；') || '第 1 版'}` },
      ...(n.withdrawReason ? [{ kind: 'text' as const, text: `撤回原因：${n.withdrawReason}` }] : []),
      { kind: 'heading', text: '正文' }, ...plainBlocks(n.body ?? []),
      { kind: 'heading', text: '异议记录' },
      mine.length ? { kind: 'table', header: ['提出人', '异议', '答复'], rows: mine.map((o) => [o.name, o.text, o.answer ?? '（未答复）']) } : { kind: 'text', text: '无' },
    ])
    add('04-校务公开', `${shanghaiDate(new Date(n.publishedAt!))} ${fileTitle(n.title)} 备案.docx`, doc, '校务公开备案')
  }

  // 05 opinions: anonymous ones carry nothing that names anyone
  const names = new Map(people.map((m) => [m._id, m.name]))
  const opinions = records.opinions
  add('05-意见台账', `${year}年意见台账.xlsx`, await sheet('意见台账', ['收到日期', '类别', '提出人', '内容', '状态', '答复'], opinions
    .sort((a, b) => (a.visibleOn ?? '').localeCompare(b.visibleOn ?? ''))
    .map((o) => [o.visibleOn ?? '', o.category, o.anonymous ? '匿名' : names.get(o.memberId ?? '') ?? '会员', o.text, o.state, (o.replies ?? []).map((r) => r.text).join('\n')])), `意见台账（${opinions.length} 条）`)

  // 06 activity rosters
  const acts = records.acts
  for (const a of acts.sort((x, y) => +new Date(x.startAt) - +new Date(y.startAt))) {
    const roster = await rosterOf(db, a._id)
    add('06-活动记录', `${shanghaiDate(new Date(a.startAt))} ${fileTitle(a.title)} 签到表.xlsx`,
      await sheet('签到表', ['序号', '部门', '姓名', '签到'], roster.map((r, i) => [i + 1, r.department, r.name, r.checkedIn ? '已签到' : '未签到'])), `活动签到表（${roster.length} 人）`)
  }

  // 07 visits
  const visits = records.visits
  add('07-慰问台账', `${year}年慰问台账.xlsx`, await sheet('慰问台账', ['日期', '慰问对象', '部门', '事由', '慰问人', '慰问金（元）', '物品折价（元）', '经费来源'], visits
    .sort((a, b) => a.visitDate.localeCompare(b.visitDate))
    .map((v) => [v.visitDate, v.recipient.name, v.recipient.department ?? '', v.reason, v.visitors.map((x) => x.name).join('、'), yuan(v.cashFen), yuan(v.giftFen ?? 0), v.fund])), `慰问台账（${visits.length} 人次）`)

  // 08 polls
  const polls = records.polls
  add('08-民主测评', `${year}年测评与评选.xlsx`, await sheet('测评与评选', ['开始', '名称', '类型', '状态'], polls
    .map((p) => [p.openedAt ? shanghaiDate(new Date(p.openedAt)) : '', p.title, p.kind, p.state])), `测评、评选与票决（${polls.length} 次）`)

  // 09 audit log, as sentences
  add('09-操作日志', `${year}年操作日志.xlsx`, await sheet('操作日志', ['时间', '操作'], audit
    .sort((a, b) => +new Date(a.at) - +new Date(b.at))
    .map((e) => [formatShanghai(new Date(e.at)), sentence(e, names).text])), `操作日志（${audit.length} 条）`)

  // 00 index
  const indexDoc = await word(`${year}年工会台帐目录`, [
    text(`生成时间：${formatShanghai(ctx.now)}  计划事项 ${items.length} 项（已完成 ${items.filter((i) => i.status === 'done').length} 项）`),
    grid([['序号', '文件', '内容']], index.map(([p, about], i) => [String(i + 1), p, about])),
    text(`状态说明：${Object.values(itemStatusLabels).join('、')}`),
  ])
  zip.file(`${root}/00-目录.docx`, indexDoc)

  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
  const fileName = `${root}.zip`
  const fileId = await ctx.services.upload(`plan-archives/${randomBytes(12).toString('hex')}.zip`, bytes)
  const url = (await ctx.services.tempUrls([fileId]))[fileId]
  if (!url) throw new AppError('INTERNAL', '台帐生成了但暂时无法下载，请重试')
  await recordAudit(db, ctx, { action: 'plan.archive', target: { kind: 'plan', id: `plan_${year}`, label: fileName }, note: `${index.length + 1} 个文件` })
  return { url, fileName, fileId, files: index.length + 1, bytes: bytes.length }
}

/** A notice's body as plain parts (images as a placeholder line: the 备案 names them, the notice holds them). */
function plainBlocks(list: NoticeBlock[]): PlainPart[] {
  return list.flatMap((b): PlainPart[] => {
    switch (b.type) {
      case 'heading': return [{ kind: 'heading', text: b.text }]
      case 'paragraph': return [{ kind: 'text', text: b.text }]
      case 'list': return b.items.map((t, i) => ({ kind: 'text', text: `${b.ordered ? `${i + 1}.` : '·'} ${t}` }))
      case 'table': return [{ kind: 'table', header: b.header, rows: b.rows }]
      case 'image': return [{ kind: 'text', text: `［图片${b.caption ? `：${b.caption}` : ''}］` }]
    }
  })
}
