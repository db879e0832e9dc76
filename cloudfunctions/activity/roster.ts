/**
 * The organiser's roster: rows with answers and status (status from the activity's ledger, details
 * from the registrations), counts, the attendance list and the Excel export (one column per custom
 * field; exceljs is loaded by the export alone, so no other action pays for it at cold start).
 */
import type { RosterOutput } from '../../types/activity'
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { MAX_QUERY, type ActivityDoc, type LedgerEntry, type RegistrationDoc } from '../_shared/documents'
import { docs, pageWindow } from '../_shared/query'
import { formatShanghai } from '../_shared/time'
import { rosterRow } from './dto'
import { entryOf, ledgerCounts, waitPosition } from './ledger'
import { checkinWindowRefusal } from './checkin'
import { signupWindowOpen } from './rules'
import { REGISTRATIONS, loadActivity, registrationId } from './store'

export const STATE_LABELS: Record<LedgerEntry['s'], string> = { c: '已报名', p: '待审核', w: '候补', x: '已取消', r: '未通过' }
const STATE_CODES: Record<string, LedgerEntry['s']> = { confirmed: 'c', pending: 'p', waitlisted: 'w', cancelled: 'x', rejected: 'r' }

/** Member ids in roster order: the queue in its order, everyone else by sign-up time. */
function listed(a: ActivityDoc, state?: string, checkedIn?: boolean): string[] {
  const want = state ? [STATE_CODES[state]] : ['c', 'p', 'w', 'x', 'r']
  const entries = Object.entries(a.ledger ?? {})
    .filter(([, e]) => want.includes(e.s) && (checkedIn === undefined || (e.ci !== undefined) === checkedIn))
    .map(([key, e]) => ({ id: key.slice(1), e }))
  if (state === 'waitlisted') {
    const order = new Map((a.queue ?? []).map((id, i) => [id, i]))
    return entries.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)).map((x) => x.id)
  }
  return entries.sort((x, y) => x.e.t - y.e.t).map((x) => x.id)
}

async function rowsOf(ctx: Ctx, a: ActivityDoc, memberIds: string[]): Promise<RegistrationDoc[]> {
  if (!memberIds.length) return []
  const _ = ctx.db.command
  const rows = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ _id: _.in(memberIds.map((m) => registrationId(a._id, m))) }).limit(memberIds.length))
  const byMember = new Map(rows.map((r) => [r.memberId, r]))
  // A row is written before its entry, so every entry has one; keep the order asked for.
  return memberIds.map((m) => byMember.get(m)).filter((r): r is RegistrationDoc => !!r)
}

/** Pages of 20 in sign-up order (the queue in its order); `checkedIn` gives the attendance list. Three requests with the caller's. */
export async function roster(ctx: Ctx, input: { activityId: string; state?: string; checkedIn?: boolean; page: number }): Promise<RosterOutput> {
  const a = await loadActivity(ctx.db, input.activityId)
  const ids = listed(a, input.state, input.checkedIn)
  const { skip, limit } = pageWindow(input.page)
  const rows = await rowsOf(ctx, a, ids.slice(skip, skip + limit))
  return {
    items: rows.map((r) => rosterRow(a, entryOf(a, r.memberId)!, r)),
    page: input.page,
    total: ids.length,
    counts: ledgerCounts(a),
    fields: a.fields,
    ...(a.guests ? { guests: a.guests } : {}),
    title: a.title,
    canSignUpOthers: signupWindowOpen(a, ctx.now),
    canCheckIn: checkinWindowRefusal(a, ctx.now) === null,
  }
}

function answerText(v: string | number | string[] | undefined): string | number {
  if (v === undefined) return ''
  return Array.isArray(v) ? v.join('、') : v
}

const ORDER: Record<LedgerEntry['s'], number> = { c: 0, p: 1, w: 2, x: 3, r: 4 }

export async function buildWorkbook(a: ActivityDoc, rows: RegistrationDoc[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('报名名单')
  ws.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '部门', key: 'department', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '候补顺位', key: 'position', width: 8 },
    { header: '携带家属', key: 'guests', width: 8 },
    ...a.fields.map((f) => ({ header: f.label, key: `f_${f.key}`, width: 16 })),
    { header: '报名时间', key: 'createdAt', width: 18 },
    { header: '代报名', key: 'signedUpBy', width: 10 },
    { header: '签到时间', key: 'checkedInAt', width: 18 },
  ]
  const withEntry = rows.map((r) => ({ r, e: entryOf(a, r.memberId) })).filter((x): x is { r: RegistrationDoc; e: LedgerEntry } => !!x.e)
  const rank = (x: { r: RegistrationDoc; e: LedgerEntry }) => ORDER[x.e.s] * 1e7 + (x.e.s === 'w' ? waitPosition(a, x.r.memberId) ?? 0 : 0)
  withEntry.sort((x, y) => rank(x) - rank(y) || x.e.t - y.e.t)
  withEntry.forEach(({ r, e }, i) => ws.addRow({
    no: i + 1, name: r.memberName ?? '', department: r.department ?? '', state: STATE_LABELS[e.s],
    position: e.s === 'w' ? waitPosition(a, r.memberId) ?? '' : '', guests: e.g,
    ...Object.fromEntries(a.fields.map((f) => [`f_${f.key}`, answerText(r.answers?.[f.key])])),
    createdAt: formatShanghai(r.createdAt), signedUpBy: r.signedUpBy?.name ?? '', checkedInAt: r.checkedInAt ? formatShanghai(r.checkedInAt) : '',
  }))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Every registration of the activity, 100 at a time. */
async function allRows(ctx: Ctx, activityId: string): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = []
  for (let skip = 0; ; skip += MAX_QUERY) {
    const page = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ activityId }).orderBy('createdAt', 'asc').skip(skip).limit(MAX_QUERY))
    out.push(...page)
    if (page.length < MAX_QUERY) return out
  }
}

/** The whole roster as .xlsx in cloud storage; answers a temporary download URL. */
export async function exportRoster(ctx: Ctx, activityId: string): Promise<{ fileId: string; url: string; rows: number }> {
  const a = await loadActivity(ctx.db, activityId)
  const rows = (await allRows(ctx, a._id)).filter((r) => entryOf(a, r.memberId))
  const content = await buildWorkbook(a, rows)
  const stamp = formatShanghai(ctx.now, 'YYYYMMDD-HHmmss')
  const fileId = await ctx.services.upload(`exports/activity/${a._id}/报名名单-${stamp}.xlsx`, content)
  const url = (await ctx.services.tempUrls([fileId]))[fileId] ?? ''
  await recordAudit(ctx.db, ctx, { action: 'activity.export', target: { kind: 'activity', id: a._id, label: a.title }, note: `导出报名名单 ${rows.length} 行` })
  return { fileId, url, rows: rows.length }
}

