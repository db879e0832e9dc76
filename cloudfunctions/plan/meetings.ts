/**
 * Meeting records (三会 and 委员会议): internal by default. Guarantees: a create with the same
 * requestId records one meeting; the meeting, one plan item per decision (`<meetingId>_d<n>`, owner and
 * due date from the decision), their history and the audit entry are written in ONE transaction —
 * a decision never exists without its item, nor an item without its meeting. An edit names the
 * revision it was made on; decisions already turned into items stay (their items are edited or
 * cancelled in the plan), new ones become new items in the same transaction.
 */
import * as z from 'zod/mini'
import type { NoticeBlock } from '../../types/notice'
import { planIdOf, type meetingCreateInput, type MeetingView } from '../../types/plan'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { MAX_QUERY } from '../_shared/documents'
import { AppError, conflict, notFound, staleRevision } from '../_shared/errors'
import { docs, pageWindow, total } from '../_shared/query'
import { inTransaction, type Tx } from '../_shared/transaction'
import type { MeetingDoc, PlanItemDoc } from './documents'
import { addHistory } from './items'
import { dropStagedMeetingFiles, sealMeetingFiles, type MeetingFile } from './meeting-files'
import type { Linked } from './linked-types'
import { PLAN_COLLECTIONS as C, approvedMembers, getDoc, loadMeeting } from './store'

type Fields = Omit<z.output<typeof meetingCreateInput>, 'requestId'>

export const meetingTitle = (m: Pick<MeetingDoc, 'date' | 'type'>) => `${m.date} ${m.type}`

export function meetingView(m: MeetingDoc): MeetingView {
  return {
    id: m._id, type: m.type, title: meetingTitle(m), date: m.date, place: m.place, attendees: m.attendees, absent: m.absent, agenda: m.agenda, minutes: m.minutes,
    decisions: m.decisions, files: (m.files ?? []).map((f) => ({ fileId: f.fileId, name: f.name, size: f.size, url: null })), visibility: m.visibility, ...(m.noticeId ? { noticeId: m.noticeId } : {}), revision: m.revision,
  }
}

/**
 * What members read of a meeting: when and where, how many attended, the agenda and the decisions
 * with their owners and due dates. Never the minutes or who was absent and why — those stay internal.
 */
export function meetingSummaryBody(m: MeetingDoc): NoticeBlock[] {
  const body: NoticeBlock[] = [
    { type: 'paragraph', text: `时间：${m.date}，地点：${m.place}` },
    { type: 'paragraph', text: `出席 ${m.attendees.length} 人${m.absent.length ? `，缺席 ${m.absent.length} 人` : ''}。` },
  ]
  if (m.agenda.length) body.push({ type: 'heading', text: '会议议程' }, { type: 'list', ordered: true, items: m.agenda })
  if (m.decisions.length) {
    body.push({ type: 'heading', text: '决定事项' }, { type: 'list', ordered: true, items: m.decisions.map((d) => `${d.text}（负责人：${d.ownerName}，${d.due} 前完成）`) })
  }
  return body
}

/**
 * The chair publishes a meeting's summary to 校务公开 (the revision shown: an edit made meanwhile is
 * not published unseen). Resumable: the notice's request id comes from the meeting and its revision,
 * so a retry after any step publishes the same notice once; the meeting then records it.
 */
export async function publishMeeting(ctx: Ctx, id: string, revision: number): Promise<MeetingView> {
  const m = await loadMeeting(ctx.db, id)
  if (m.noticeId) throw conflict('这次会议的纪要已经公布了')
  if (m.revision !== revision) throw staleRevision()
  const { publishAsNotice } = await import('./notice-publish')
  const noticeId = (await publishAsNotice(ctx, { title: `${meetingTitle(m)}纪要`, body: meetingSummaryBody(m), requestId: `meeting${m._id}r${m.revision}` })).id
  // The answer is the meeting as this transaction found or wrote it (a tap that recorded the notice first: as it did).
  const published = await inTransaction(ctx.db, async (t) => {
    const now = await getDoc<MeetingDoc>(t, C.meetings, id)
    if (!now || now.noticeId) return now
    const patch = { noticeId, visibility: 'published' as const, revision: now.revision + 1, updatedAt: ctx.now }
    await t.collection(C.meetings).doc(id).update({ data: patch })
    await recordAudit(t, ctx, { action: 'plan.publishMeeting', target: { kind: 'meeting', id, label: meetingTitle(m) }, after: { noticeId } })
    return { ...now, ...patch }
  })
  if (!published) throw notFound('会议记录')
  return meetingView(published)
}

/** Names for everyone the form picked; an attendee who is also marked absent is refused. */
async function people(ctx: Ctx, f: Fields) {
  const absentIds = f.absent.map((a) => a.memberId)
  if (absentIds.some((id) => f.attendeeIds.includes(id))) throw new AppError('BAD_INPUT', '输入有误：同一人不能既出席又缺席。')
  const members = await approvedMembers(ctx.db, [...f.attendeeIds, ...absentIds, ...f.decisions.map((d) => d.ownerId)], '参会人或负责人')
  const owners = f.decisions.map((d) => members.get(d.ownerId)!)
  if (owners.some((o) => o.role !== 'committee' && o.role !== 'chair')) throw new AppError('BAD_INPUT', '输入有误：决定事项的负责人应为工会委员或主席。')
  return {
    attendees: f.attendeeIds.map((id) => ({ memberId: id, name: members.get(id)!.name })),
    absent: f.absent.map((a) => ({ memberId: a.memberId, name: members.get(a.memberId)!.name, reason: a.reason })),
    ownerNames: owners.map((o) => o.name),
  }
}

async function addDecisionItems(t: Tx, ctx: Ctx, m: MeetingDoc, from: number): Promise<void> {
  for (let n = from; n < m.decisions.length; n++) {
    const d = m.decisions[n]
    const year = Number(d.due.slice(0, 4))
    const item: PlanItemDoc = {
      _id: d.itemId, planId: planIdOf(year), year, month: Number(d.due.slice(5, 7)), date: d.due, title: d.text.slice(0, 60), category: '其他', ownerId: d.ownerId,
      ownerName: d.ownerName, note: `${meetingTitle(m)}决定`, public: false, state: 'active', meetingId: m._id, revision: 1,
      createdBy: requireMember(ctx)._id, createdAt: ctx.now, updatedAt: ctx.now,
    }
    await t.collection(C.items).add({ data: item })
    await addHistory(t, ctx, item._id, 1, `由${meetingTitle(m)}的决定事项生成`)
  }
}

/**
 * Records the meeting once per request id. Its `_id` comes from the request, so a second insert — a
 * retry, or a tap at the same time — is refused by the primary key; that is a conflict, and the
 * transaction's next round finds the meeting and answers with it, writing nothing. Outside the
 * transaction the meeting is read only where the create cannot go on.
 */
export async function createMeeting(ctx: Ctx, input: z.output<typeof meetingCreateInput>): Promise<MeetingView> {
  const me = requireMember(ctx)
  const id = createdId(ctx.openid, 'plan.meeting', input.requestId)
  let p: Awaited<ReturnType<typeof people>>
  let files: MeetingFile[]
  try {
    p = await people(ctx, input)
    files = await sealMeetingFiles(ctx, input.files)
  } catch (err) {
    // A create of this request that committed answers a retry (or a tap racing it, which finds the staged
    // files already sealed and deleted by the first) with the meeting it made.
    const made = await getDoc<MeetingDoc>(ctx.db, C.meetings, id)
    if (made) return meetingView(made)
    throw err
  }
  const doc: MeetingDoc = {
    _id: id, type: input.type, date: input.date, year: Number(input.date.slice(0, 4)), place: input.place, attendees: p.attendees, absent: p.absent, agenda: input.agenda,
    minutes: input.minutes, decisions: input.decisions.map((d, n) => ({ text: d.text, ownerId: d.ownerId, ownerName: p.ownerNames[n], due: d.due, itemId: `${id}_d${n + 1}` })),
    files, visibility: 'internal', state: 'recorded', revision: 1, createdBy: me._id, createdAt: ctx.now, updatedAt: ctx.now,
  }
  let round = 0
  // The answer is the meeting as this transaction wrote it, or as the tap that wrote it first did.
  const written = await inTransaction(ctx.db, async (t) => {
    if (round++ > 0) {
      const first = await getDoc<MeetingDoc>(t, C.meetings, id)
      if (first) return first
    }
    // A duplicate `_id` (this request's meeting, committed meanwhile) is a conflict: the next round finds it.
    await t.collection(C.meetings).add({ data: doc })
    await addDecisionItems(t, ctx, doc, 0)
    await recordAudit(t, ctx, { action: 'plan.recordMeeting', target: { kind: 'meeting', id, label: meetingTitle(doc) }, after: { attendees: doc.attendees.length, decisions: doc.decisions.length } })
    return doc
  })
  await dropStagedMeetingFiles(ctx, input.files)
  return meetingView(written)
}

export async function editMeeting(ctx: Ctx, input: Fields & { id: string; revision: number }): Promise<MeetingView> {
  const before = await loadMeeting(ctx.db, input.id)
  if (input.decisions.length < before.decisions.length) throw new AppError('BAD_INPUT', '已形成计划事项的决定不能删除，请到工作计划中取消对应事项')
  const p = await people(ctx, input)
  // A second tap of the same edit finds its staged files gone with the first, which moved the revision on:
  // the transaction's revision check comes before the seal's failure, so that tap is told it is stale.
  const sealed = await sealMeetingFiles(ctx, input.files, before.files).then((files) => ({ files, failed: null }), (err: unknown) => ({ files: null, failed: err }))
  // The answer is the meeting as this transaction wrote it.
  const written = await inTransaction(ctx.db, async (t) => {
    const m = await getDoc<MeetingDoc>(t, C.meetings, input.id)
    if (!m) throw new AppError('NOT_FOUND', '会议记录不存在或已被删除')
    if (m.revision !== input.revision) throw staleRevision()
    if (!sealed.files) throw sealed.failed
    const decisions = input.decisions.map((d, n) => (n < m.decisions.length
      ? { ...m.decisions[n], text: d.text }
      : { text: d.text, ownerId: d.ownerId, ownerName: p.ownerNames[n], due: d.due, itemId: `${m._id}_d${n + 1}` }))
    const next: MeetingDoc = {
      ...m, type: input.type, date: input.date, year: Number(input.date.slice(0, 4)), place: input.place, attendees: p.attendees, absent: p.absent, agenda: input.agenda,
      minutes: input.minutes, decisions, files: sealed.files, revision: m.revision + 1, updatedAt: ctx.now,
    }
    const { _id, ...data } = next
    await t.collection(C.meetings).doc(_id).update({ data })
    await addDecisionItems(t, ctx, next, m.decisions.length)
    await recordAudit(t, ctx, { action: 'plan.editMeeting', target: { kind: 'meeting', id: m._id, label: meetingTitle(next) }, after: { decisions: decisions.length } })
    return next
  })
  await dropStagedMeetingFiles(ctx, input.files)
  return meetingView(written)
}

export async function meetingsOfYear(ctx: Ctx, year: number, page: number) {
  const where = { year }
  const { skip, limit } = pageWindow(page)
  const [count, rows] = await Promise.all([
    total(ctx.db.collection(C.meetings).where(where)),
    docs<MeetingDoc>(ctx.db.collection(C.meetings).where(where).orderBy('date', 'desc').skip(skip).limit(limit)),
  ])
  return {
    page, total: count,
    items: rows.map((m) => ({ id: m._id, type: m.type, title: meetingTitle(m), date: m.date, place: m.place, attendeeCount: m.attendees.length, decisionCount: m.decisions.length })),
  }
}

export async function recentMeetings(ctx: Ctx): Promise<Linked[]> {
  const rows = await docs<MeetingDoc>(ctx.db.collection(C.meetings).where({ year: ctx.db.command.gte(0) }).orderBy('date', 'desc').limit(Math.min(50, MAX_QUERY)).field({ type: true, date: true }))
  return rows.map((m) => ({ id: m._id, title: meetingTitle(m), when: m.date, status: 'done' as const }))
}
