/**
 * The organiser's roster: rows with answers and status, counts, the attendance list, the Excel
 * export (one column per custom field) and scanning a member's check-in code.
 */
import ExcelJS from 'exceljs'
import type { RosterCounts, RosterOutput } from '../../types/activity'
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { MAX_QUERY, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, iso, pageWindow, total } from '../_shared/query'
import { formatShanghai } from '../_shared/time'
import { CHECKIN_MESSAGES, verifyToken } from './checkin'
import { rosterRow } from './dto'
import { REGISTRATIONS, loadActivity, loadRegistration } from './store'

const LISTED = ['confirmed', 'pending', 'waitlisted', 'cancelled', 'rejected']

export const STATE_LABELS: Record<RegistrationDoc['state'], string> = {
  claiming: '处理中', confirmed: '已报名', pending: '待审核', waitlisted: '候补', cancelled: '已取消', rejected: '未通过',
}

function rosterWhere(ctx: Ctx, activityId: string, state?: string, checkedIn?: boolean): Record<string, unknown> {
  const _ = ctx.db.command
  return {
    activityId,
    state: state ? state : _.in(LISTED),
    ...(checkedIn === undefined ? {} : { checkedInAt: _.exists(checkedIn) }),
  }
}

async function counts(ctx: Ctx, a: ActivityDoc): Promise<RosterCounts> {
  const _ = ctx.db.command
  const reg = ctx.db.collection(REGISTRATIONS)
  const [confirmed, pending, waitlisted, cancelled, rejected, checkedIn] = await Promise.all([
    ...(['confirmed', 'pending', 'waitlisted', 'cancelled', 'rejected'] as const).map((state) => total(reg.where({ activityId: a._id, state }))),
    total(reg.where({ activityId: a._id, state: 'confirmed', checkedInAt: _.exists(true) })),
  ])
  const withGuests = await docs<Pick<RegistrationDoc, 'guests'>>(reg.where({ activityId: a._id, state: _.in(['confirmed', 'pending']), guests: _.gt(0) }).limit(MAX_QUERY).field({ guests: true }))
  return { confirmed, pending, waitlisted, cancelled, rejected, checkedIn, seatsTaken: a.seatsTaken ?? a.confirmedCount, guests: withGuests.reduce((n, r) => n + (r.guests ?? 0), 0) }
}

/** Pages of 20 in sign-up order (waitlisted by ticket); `checkedIn` gives the attendance list. */
export async function roster(ctx: Ctx, input: { activityId: string; state?: string; checkedIn?: boolean; page: number }): Promise<RosterOutput> {
  const a = await loadActivity(ctx.db, input.activityId)
  const where = rosterWhere(ctx, a._id, input.state, input.checkedIn)
  const { skip, limit } = pageWindow(input.page)
  const order = input.state === 'waitlisted' ? 'waitSeq' : 'createdAt'
  const [count, rows, c] = await Promise.all([
    total(ctx.db.collection(REGISTRATIONS).where(where)),
    docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where(where).orderBy(order, 'asc').skip(skip).limit(limit)),
    counts(ctx, a),
  ])
  return { items: rows.map(rosterRow), page: input.page, total: count, counts: c, fields: a.fields, title: a.title }
}

/** Every listed row, 100 at a time (the export of a large roster stays within the query ceiling). */
async function allRows(ctx: Ctx, activityId: string): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = []
  const where = rosterWhere(ctx, activityId)
  for (let skip = 0; ; skip += MAX_QUERY) {
    const page = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where(where).orderBy('createdAt', 'asc').skip(skip).limit(MAX_QUERY))
    out.push(...page)
    if (page.length < MAX_QUERY) return out
  }
}

const STATE_ORDER: Record<string, number> = { confirmed: 0, pending: 1, waitlisted: 2, cancelled: 3, rejected: 4 }

function answerText(v: string | number | string[] | undefined): string | number {
  if (v === undefined) return ''
  return Array.isArray(v) ? v.join('、') : v
}

export async function buildWorkbook(a: ActivityDoc, rows: RegistrationDoc[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('报名名单')
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '部门', key: 'department', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '候补号', key: 'waitSeq', width: 8 },
    { header: '携带家属', key: 'guests', width: 8 },
    ...a.fields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 16 })),
    { header: '报名时间', key: 'createdAt', width: 18 },
    { header: '签到时间', key: 'checkedInAt', width: 18 },
  ]
  const sorted = [...rows].sort((x, y) => (STATE_ORDER[x.state] ?? 9) - (STATE_ORDER[y.state] ?? 9) || (x.waitSeq ?? 0) - (y.waitSeq ?? 0) || new Date(x.createdAt).getTime() - new Date(y.createdAt).getTime())
  sorted.forEach((r, i) => ws.addRow({
    no: i + 1, name: r.memberName ?? '', department: r.department ?? '', state: STATE_LABELS[r.state],
    waitSeq: r.state === 'waitlisted' ? r.waitSeq ?? '' : '', guests: r.guests ?? 0,
    ...Object.fromEntries(a.fields.map((f) => [`f_${f.key}`, answerText(r.answers?.[f.key])])),
    createdAt: formatShanghai(r.createdAt), checkedInAt: r.checkedInAt ? formatShanghai(r.checkedInAt) : '',
  }))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The whole roster as .xlsx in cloud storage; answers a temporary download URL. */
export async function exportRoster(ctx: Ctx, activityId: string): Promise<{ fileId: string; url: string; rows: number }> {
  const a = await loadActivity(ctx.db, activityId)
  const rows = await allRows(ctx, a._id)
  const content = await buildWorkbook(a, rows)
  const stamp = formatShanghai(ctx.now, 'YYYYMMDD-HHmmss')
  const fileId = await ctx.services.upload(`exports/activity/${a._id}/报名名单-${stamp}.xlsx`, content)
  const url = (await ctx.services.tempUrls([fileId]))[fileId] ?? ''
  await recordAudit(ctx.db, ctx, { action: 'activity.export', target: { kind: 'activity', id: a._id, label: a.title }, note: `导出报名名单 ${rows.length} 行` })
  return { fileId, url, rows: rows.length }
}

/** Scans a member's code: genuine, unexpired, unused, for a confirmed registration, at the right time. */
export async function checkin(ctx: Ctx, token: string) {
  const { registrationId, nonce } = verifyToken(ctx, token)
  const reg = await loadRegistration(ctx.db, registrationId)
  if (!reg) throw new AppError('FORBIDDEN', CHECKIN_MESSAGES.forged)
  if (reg.checkinNonce === nonce) throw new AppError('CONFLICT', CHECKIN_MESSAGES.replayed)
  if (reg.checkedInAt) throw new AppError('CONFLICT', CHECKIN_MESSAGES.already(reg.memberName ?? '这位会员', formatShanghai(reg.checkedInAt, 'HH:mm')))
  if (reg.state !== 'confirmed') throw new AppError('CONFLICT', CHECKIN_MESSAGES.notConfirmed)
  const a = await loadActivity(ctx.db, reg.activityId)
  if (a.state !== 'published' && a.state !== 'finished') throw new AppError('CONFLICT', CHECKIN_MESSAGES.notPublished)
  if (ctx.now.getTime() < a.startAt.getTime() - 86400_000) throw new AppError('CONFLICT', CHECKIN_MESSAGES.tooEarly)
  if (ctx.now.getTime() >= a.endAt.getTime()) throw new AppError('CONFLICT', CHECKIN_MESSAGES.over)
  const _ = ctx.db.command
  const res = (await ctx.db.collection(REGISTRATIONS).where({ _id: reg._id, state: 'confirmed', checkedInAt: _.exists(false) })
    .update({ data: { checkedInAt: ctx.now, checkedInBy: ctx.member!._id, checkinNonce: nonce, updatedAt: ctx.now } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) {
    // Two scans of the same code at once: the other one checked in first.
    throw new AppError('CONFLICT', CHECKIN_MESSAGES.replayed)
  }
  await recordAudit(ctx.db, ctx, { action: 'activity.checkin', target: { kind: 'registration', id: reg._id, label: `${a.title} · ${reg.memberName ?? ''}` }, after: { checkedInAt: iso(ctx.now) } })
  return { name: reg.memberName ?? '', department: reg.department ?? '', activityTitle: a.title, guests: reg.guests ?? 0, checkedInAt: iso(ctx.now) }
}
