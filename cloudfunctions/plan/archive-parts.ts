/**
 * The files of the year's 台帐, made one part at a time (archive.ts decides the parts and keeps the
 * progress). Each part reads only what it files, so no single call has to hold the whole year:
 *   01-工作计划, 02-工作总结       plan        04-校务公开  notices (≤ 200 a part)
 *   03-会议记录                    meetings    06-活动记录  activities (≤ 30 a part)
 *   05/07/08/09 台账 sheets        one each    08-民主测评  each poll's own report (the poll function's)
 *   10-教代会                      each session's 提案汇编 and 办理情况报告 (the 教代会 function's)
 */
import { formatShanghai, shanghaiDate } from '../_shared/time'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { sentence } from '../_shared/audit-sentences'
import type { NoticeBlock } from '../../types/notice'
import { callAction } from './call-function'
import type { MeetingDoc } from './documents'
import { rosterOf } from './linked-activities'
import { allMembers, auditBetween } from './linked-members'
import { noticesByIds, objectionsFull } from './linked-notices'
import { opinionsOfYear } from './linked-opinions'
import { pollsHeld } from './linked-polls'
import { visitsOfYear } from './linked-welfare'
import { meetingView } from './meetings'
import { plainDocx, type PlainPart } from './plain-docx'
import { PLAN_COLLECTIONS as C, itemsOfYear, loadPlan, scanAll } from './store'
import { itemViews } from './status'
import { draftText, figures, yearBounds } from './summary'
import { meetingDocument, planDocument, sheet, summaryDocument } from './word'

/** One part of the archive, as stored in the job (small: ids and titles only). */
export type ArchiveStep =
  | { kind: 'plan' } | { kind: 'meetings' } | { kind: 'opinions' } | { kind: 'visits' } | { kind: 'polls' } | { kind: 'audit' }
  | { kind: 'notices'; ids: string[] }
  | { kind: 'activities'; acts: Array<[id: string, date: string, title: string]> }
  | { kind: 'pollReport'; id: string; title: string }
  | { kind: 'congress'; id: string; title: string }

export interface ArchiveFile {
  folder: string
  name: string
  content: Buffer
  /** the 目录's description */
  about: string
}

/** A name safe in every file system: no separators or reserved characters, at most 40 characters. */
export const fileTitle = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim().slice(0, 40) || '未命名'

const yuan = (fen: number) => (fen / 100).toFixed(2)

export async function makePart(ctx: Ctx, year: number, step: ArchiveStep): Promise<ArchiveFile[]> {
  const db = ctx.db
  switch (step.kind) {
    case 'plan': {
      const [plan, raw] = await Promise.all([loadPlan(db, year), itemsOfYear(db, year)])
      const items = await itemViews(db, raw, ctx.now)
      const f = await figures(ctx, year)
      return [
        { folder: '01-工作计划', name: `${year}年工会工作计划.docx`, content: await planDocument(plan, year, items), about: `工作计划（${items.length} 项）` },
        { folder: '02-工作总结', name: `${year}年工会工作总结.docx`, content: await summaryDocument(year, draftText(year, f)), about: '工作总结（初稿，数字取自全年记录）' },
      ]
    }
    case 'meetings': {
      const meetings = (await scanAll<MeetingDoc>(db, C.meetings, { year })).sort((a, b) => a.date.localeCompare(b.date))
      const out: ArchiveFile[] = []
      for (const m of meetings) {
        out.push({ folder: '03-会议记录', name: `${m.date} ${m.type}.docx`, content: await meetingDocument(meetingView(m)), about: `${m.type}记录` })
        // 照片和附件 beside the record, as kept (sealed by content)
        for (const f of m.files ?? []) {
          out.push({ folder: `03-会议记录/${m.date} ${m.type} 附件`, name: fileTitle(f.name), content: await ctx.services.download(f.fileId), about: `${m.type}的照片和附件` })
        }
      }
      return out
    }
    case 'notices': return noticeFilings(ctx, step.ids)
    case 'opinions': {
      const [opinions, names] = await Promise.all([opinionsOfYear(db, year), memberNames(ctx)])
      const rows = opinions.sort((a, b) => (a.visibleOn ?? '').localeCompare(b.visibleOn ?? ''))
        // anonymous ones carry nothing that names anyone
        .map((o) => [o.visibleOn ?? '', o.category, o.anonymous ? '匿名' : names.get(o.memberId ?? '') ?? '会员', o.text, o.state, (o.replies ?? []).map((r) => r.text).join('\n')])
      return [{ folder: '05-意见台账', name: `${year}年意见台账.xlsx`, content: await sheet('意见台账', ['收到日期', '类别', '提出人', '内容', '状态', '答复'], rows), about: `意见台账（${rows.length} 条）` }]
    }
    case 'activities': {
      const out: ArchiveFile[] = []
      for (const [id, date, title] of step.acts) {
        const roster = await rosterOf(db, id)
        out.push({
          folder: '06-活动记录', name: `${date} ${fileTitle(title)} 签到表.xlsx`, about: `活动签到表（${roster.length} 人）`,
          content: await sheet('签到表', ['序号', '部门', '姓名', '签到'], roster.map((r, i) => [i + 1, r.department, r.name, r.checkedIn ? '已签到' : '未签到'])),
        })
      }
      return out
    }
    case 'visits': {
      const visits = (await visitsOfYear(db, year)).sort((a, b) => a.visitDate.localeCompare(b.visitDate))
      const rows = visits.map((v) => [v.visitDate, v.recipient.name, v.recipient.department ?? '', v.reason, v.visitors.map((x) => x.name).join('、'), yuan(v.cashFen), yuan(v.giftFen ?? 0), v.fund])
      return [{ folder: '07-慰问台账', name: `${year}年慰问台账.xlsx`, content: await sheet('慰问台账', ['日期', '慰问对象', '部门', '事由', '慰问人', '慰问金（元）', '物品折价（元）', '经费来源'], rows), about: `慰问台账（${visits.length} 人次）` }]
    }
    case 'polls': {
      const { from, to } = yearBounds(year)
      const polls = await pollsHeld(db, from, to)
      const rows = polls.map((p) => [p.openedAt ? shanghaiDate(new Date(p.openedAt)) : '', p.title, p.kind, p.state])
      return [{ folder: '08-民主测评', name: `${year}年测评与评选.xlsx`, content: await sheet('测评与评选', ['开始', '名称', '类型', '状态'], rows), about: `测评、评选与票决（${polls.length} 次）` }]
    }
    case 'pollReport': {
      const content = await otherFunctionsFile(ctx, 'poll', { action: 'report', id: step.id, format: 'docx' })
      return [{ folder: '08-民主测评', name: `${fileTitle(step.title)} 结果统计表.docx`, content, about: '测评/评选/票决结果统计表' }]
    }
    case 'congress': {
      const [compilation, report] = await Promise.all([
        otherFunctionsFile(ctx, 'congress', { action: 'exportRecords', sessionId: step.id, kind: 'compilation' }),
        otherFunctionsFile(ctx, 'congress', { action: 'exportRecords', sessionId: step.id, kind: 'report' }),
      ])
      return [
        { folder: '10-教代会', name: `${fileTitle(step.title)} 提案汇编.docx`, content: compilation, about: '教代会提案汇编' },
        { folder: '10-教代会', name: `${fileTitle(step.title)} 提案办理情况报告.docx`, content: report, about: '提案办理情况报告' },
      ]
    }
    case 'audit': {
      const { from, to } = yearBounds(year)
      const [audit, names] = await Promise.all([auditBetween(db, from, to), memberNames(ctx)])
      const rows = audit.sort((a, b) => +new Date(a.at) - +new Date(b.at)).map((e) => [formatShanghai(new Date(e.at)), sentence(e, names).text])
      return [{ folder: '09-操作日志', name: `${year}年操作日志.xlsx`, content: await sheet('操作日志', ['时间', '操作'], rows), about: `操作日志（${audit.length} 条）` }]
    }
  }
}

async function memberNames(ctx: Ctx): Promise<Map<string, string>> {
  return new Map((await allMembers(ctx.db)).map((m) => [m._id, m.name]))
}

/** A report another function makes (as the chair), fetched from cloud storage by its file id. */
async function otherFunctionsFile(ctx: Ctx, name: string, data: Record<string, unknown>): Promise<Buffer> {
  const res = await callAction<{ fileId: string }>(name, data)
  if (!res.ok || !res.data?.fileId) throw new AppError('CONFLICT', `台帐中的报表没有生成：${res.message ?? '请稍后重试'}`)
  return ctx.services.download(res.data.fileId).catch(() => { throw new AppError('CONFLICT', `台帐中的报表没有取到（${name}），请稍后重试`) })
}

/** Each notice's 备案: versions, the text, objections and their answers. */
async function noticeFilings(ctx: Ctx, ids: string[]): Promise<ArchiveFile[]> {
  const notices = await noticesByIds(ctx.db, ids)
  const objections = await objectionsFull(ctx.db, notices.filter((n) => n.publicityEnd).map((n) => n._id))
  return Promise.all(notices.map(async (n) => {
    const mine = objections.filter((o) => o.noticeId === n._id)
    const content = await plainDocx([
      { kind: 'title', text: `${n.title} 备案` },
      { kind: 'text', text: `分类：${n.category}  公开范围：${n.visibility === 'public' ? '对外公开' : '对内公开'}  状态：${n.state === 'withdrawn' ? '已撤回' : '已发布'}` },
      { kind: 'text', text: `发布时间：${formatShanghai(new Date(n.publishedAt!))}${n.publicityEnd ? `  公示期至：${formatShanghai(new Date(n.publicityEnd))}` : ''}` },
      { kind: 'text', text: `版本：${(n.versionLog ?? []).map((v) => `第 ${v.version} 版 ${formatShanghai(new Date(v.publishedAt))}${v.reason ? `（更正：${v.reason}）` : ''}`).join('；') || '第 1 版'}` },
      ...(n.withdrawReason ? [{ kind: 'text' as const, text: `撤回原因：${n.withdrawReason}` }] : []),
      { kind: 'heading', text: '正文' }, ...plainBlocks(n.body ?? []),
      { kind: 'heading', text: '异议记录' },
      mine.length ? { kind: 'table', header: ['提出人', '异议', '答复'], rows: mine.map((o) => [o.name, o.text, o.answer ?? '（未答复）']) } : { kind: 'text', text: '无' },
    ])
    return { folder: '04-校务公开', name: `${shanghaiDate(new Date(n.publishedAt!))} ${fileTitle(n.title)} 备案.docx`, content, about: '校务公开备案' }
  }))
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
