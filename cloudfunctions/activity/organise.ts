/**
 * The organiser's side (committee and chair): drafts, publish, cancel (everyone notified),
 * finish, approve/reject, message all registrants. Every write records its audit entry in the same
 * transaction as the change.
 */
import type { ActivityEditable } from '../../types/activity'
import { recordAudit, changedFields } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { COLLECTIONS, type ActivityDoc, type AuditDoc, type RegistrationDoc } from '../_shared/documents'
import { AppError, staleRevision } from '../_shared/errors'
import { searchTerms } from '../_shared/search-terms'
import { discardStagedCover, keepCover } from './cover'
import { entryOf, membersIn } from './ledger'
import { reject } from './leave'
import { notifyNotice, notifyResult } from './notify'
import { checkEditable } from './rules'
import { ACTIVITIES, getDoc, inTransaction, loadActivity } from './store'
import { entryData } from './writes'

const target = (a: Pick<ActivityDoc, '_id' | 'title'>) => ({ kind: 'activity', id: a._id, label: a.title })

function toDate(text: string, label: string): Date {
  const d = new Date(text)
  if (Number.isNaN(d.getTime())) throw new AppError('BAD_INPUT', `${label}的格式不对，请重新选择。`)
  return d
}

/** Editable fields as stored: instants become Dates, optional rules present only when set. */
function fromEditable(e: ActivityEditable, now: Date) {
  const out = {
    title: e.title, category: e.category, description: e.description.trim(), place: e.place,
    startAt: toDate(e.startAt, '开始时间'), endAt: toDate(e.endAt, '结束时间'),
    signupStartAt: toDate(e.signupStartAt, '报名开始时间'), signupEndAt: toDate(e.signupEndAt, '报名截止时间'),
    capacity: e.capacity, waitlist: e.waitlist, audience: e.audience.kind === 'departments' ? e.audience : { kind: e.audience.kind },
    fields: e.fields.map(({ options, ...f }) => (f.type === 'single' || f.type === 'multi' ? { ...f, options: options ?? [] } : f)),
    cancelPolicy: e.cancelPolicy, needsApproval: e.needsApproval,
    ...(e.guests ? { guests: e.guests } : {}),
    ...(e.frequency ? { frequency: e.frequency } : {}),
    searchTerms: searchTerms([e.title, e.place]),
  }
  checkEditable(out, now)
  return out
}

class AlreadyCreated extends AppError {
  constructor() {
    super('CONFLICT', 'already created')
  }
}

export interface SaveInput {
  id?: string
  requestId?: string
  revision?: number
  activity: ActivityEditable
}

/**
 * Creates a draft (once per `requestId`: a retry or a second tap answers the same draft) or edits
 * one against the revision its form was filled from. Published activities are not edited in place.
 */
export async function save(ctx: Ctx, input: SaveInput): Promise<{ id: string; state: ActivityDoc['state']; revision: number }> {
  const fields = fromEditable(input.activity, ctx.now)
  return input.id ? edit(ctx, input.id, input.revision, fields, input.activity.coverFileId) : create(ctx, input.requestId, fields, input.activity.coverFileId)
}

async function create(ctx: Ctx, requestId: string | undefined, fields: ReturnType<typeof fromEditable>, coverFileId: string | undefined) {
  if (!requestId) throw new AppError('BAD_INPUT', '请求编号缺失，请刷新页面后重试。')
  const id = createdId(ctx.openid, 'activity', requestId)
  const existing = await getDoc<ActivityDoc>(ctx.db, ACTIVITIES, id)
  if (existing) return { id, state: existing.state, revision: existing.revision ?? 0 }
  const cover = await keepCover(ctx, coverFileId, undefined)
  const doc: Omit<ActivityDoc, '_id'> = {
    ...fields, ...(cover ? { coverFileId: cover } : {}), state: 'draft', revision: 0, v: 0,
    seatsTaken: 0, confirmedCount: 0, pendingCount: 0, waitlistCount: 0, checkedInCount: 0, ledger: {}, queue: [],
    createdBy: requireMember(ctx)._id, createdAt: ctx.now, updatedAt: ctx.now,
  }
  try {
    await inTransaction(ctx.db, async (t) => {
      try {
        await t.collection(ACTIVITIES).add({ data: { _id: id, ...doc } })
      } catch (err) {
        if (isDuplicateKey(err)) throw new AlreadyCreated()
        throw err
      }
      await recordAudit(t, ctx, { action: 'activity.create', target: { kind: 'activity', id, label: doc.title }, after: { title: doc.title, state: 'draft' } })
    })
  } catch (err) {
    if (!(err instanceof AlreadyCreated)) throw err
  }
  await discardStagedCover(coverFileId)
  return { id, state: 'draft' as const, revision: 0 }
}

async function edit(ctx: Ctx, id: string, revision: number | undefined, fields: ReturnType<typeof fromEditable>, coverFileId: string | undefined) {
  if (revision === undefined) throw new AppError('BAD_INPUT', '缺少草稿的版本，请刷新页面后重试。')
  const before = await loadActivity(ctx.db, id)
  if (before.state !== 'draft') throw new AppError('CONFLICT', '已发布的活动不能直接修改；如需调整，请取消后重新创建。')
  if ((before.revision ?? 0) !== revision) throw staleRevision()
  const cover = await keepCover(ctx, coverFileId, before.coverFileId)
  const next = { ...fields, ...(cover ? { coverFileId: cover } : {}) }
  const { searchTerms: _terms, ...shown } = next
  const { before: was, after: now } = changedFields(before as unknown as Record<string, unknown>, shown)
  await inTransaction(ctx.db, async (t) => {
    const fresh = await getDoc<ActivityDoc>(t, ACTIVITIES, id)
    if (!fresh || fresh.state !== 'draft') throw new AppError('CONFLICT', '这个活动刚刚被发布或取消了，请刷新后再看。')
    if ((fresh.revision ?? 0) !== revision) throw staleRevision()
    const _ = ctx.db.command
    await t.collection(ACTIVITIES).doc(id).update({
      data: {
        ...next, revision: revision + 1, updatedAt: ctx.now,
        ...(next.guests ? {} : { guests: _.remove() }), ...(next.frequency ? {} : { frequency: _.remove() }), ...(cover ? {} : { coverFileId: _.remove() }),
      },
    })
    await recordAudit(t, ctx, { action: 'activity.edit', target: target({ _id: id, title: next.title }), before: was, after: now })
  })
  await discardStagedCover(coverFileId)
  return { id, state: 'draft' as const, revision: revision + 1 }
}

/** State change guarded inside a transaction, with its audit entry. */
async function transition(ctx: Ctx, id: string, from: Array<ActivityDoc['state']>, data: Partial<ActivityDoc>, action: string, refusal: string, note?: string): Promise<ActivityDoc> {
  return inTransaction(ctx.db, async (t) => {
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, id)
    if (!a) throw new AppError('NOT_FOUND', '活动不存在或已被删除')
    if (!from.includes(a.state)) throw new AppError('CONFLICT', refusal)
    await t.collection(ACTIVITIES).doc(id).update({ data: { ...data, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action, target: target(a), before: { state: a.state }, after: { state: data.state }, ...(note ? { note } : {}) })
    return a
  })
}

export async function publish(ctx: Ctx, id: string): Promise<{ id: string; state: 'published' }> {
  const a = await loadActivity(ctx.db, id)
  if (a.state === 'draft' && a.signupEndAt.getTime() <= ctx.now.getTime()) throw new AppError('CONFLICT', '报名截止时间已经过了，请先修改时间再发布。')
  await transition(ctx, id, ['draft'], { state: 'published', publishedAt: ctx.now }, 'activity.publish', '只有草稿可以发布，这个活动已经发布或取消了。')
  return { id, state: 'published' }
}

/** Every member with a place or in the queue. */
export function registrantIds(a: ActivityDoc): string[] {
  return membersIn(a, ['c', 'p', 'w'])
}

/** Cancels a draft or published activity; everyone registered or waiting is notified. Registrations stay as records. */
export async function cancelActivity(ctx: Ctx, id: string, reason: string): Promise<{ id: string; state: 'cancelled'; notified: number }> {
  const a = await transition(ctx, id, ['draft', 'published'], { state: 'cancelled', cancelledAt: ctx.now, cancelReason: reason }, 'activity.cancel', '这个活动已经取消或结束了。', reason)
  const notified = a.state === 'published' ? await notifyNotice(ctx, a, registrantIds(a), `活动取消：${reason}`) : 0
  return { id, state: 'cancelled', notified }
}

export async function finish(ctx: Ctx, id: string): Promise<{ id: string; state: 'finished' }> {
  const a = await loadActivity(ctx.db, id)
  if (a.state === 'published' && ctx.now.getTime() < a.startAt.getTime()) throw new AppError('CONFLICT', '活动还没有开始，不能标记为结束。')
  await transition(ctx, id, ['published'], { state: 'finished', finishedAt: ctx.now }, 'activity.finish', '只有已发布的活动可以标记为结束。')
  return { id, state: 'finished' }
}

const DECIDED = '这条报名已经处理过了。'

/** Approve (pending → confirmed) or reject (frees the place for the queue in the same transaction). */
export async function decide(ctx: Ctx, input: { registrationId: string; approve: boolean; reason?: string }): Promise<{ id: string; state: 'confirmed' | 'rejected' }> {
  const reg = await getDoc<RegistrationDoc>(ctx.db, 'registrations', input.registrationId)
  if (!reg) throw new AppError('NOT_FOUND', '报名记录不存在')
  const label = `${reg.memberName ?? ''}`
  const audit = (a: ActivityDoc) => ({ target: { kind: 'registration', id: reg._id, label: `${a.title} · ${label}` }, before: { state: 'pending' } })
  if (input.approve) {
    const a = await inTransaction(ctx.db, async (t) => {
      const act = await getDoc<ActivityDoc>(t, ACTIVITIES, reg.activityId)
      if (!act) throw new AppError('NOT_FOUND', '活动不存在或已被删除')
      if (!act.needsApproval) throw new AppError('CONFLICT', '这个活动不需要审核。')
      const e = entryOf(act, reg.memberId)
      if (!e || e.s !== 'p') throw new AppError('CONFLICT', DECIDED)
      await t.collection(ACTIVITIES).doc(act._id).update({ data: entryData(ctx.db.command, reg.memberId, { ...e, s: 'c', r: e.r + 1 }, ctx.now, { pendingCount: -1 }) })
      await recordAudit(t, ctx, { action: 'activity.approve', ...audit(act), after: { state: 'confirmed' } })
      return act
    })
    await notifyResult(ctx, a, [reg.memberId], '审核通过', '您的报名已通过审核')
    return { id: reg._id, state: 'confirmed' }
  }
  const reason = input.reason?.trim() || '名额或条件不符'
  const left = await reject(ctx, reg, reason, (a) => ({ action: 'activity.reject', ...audit(a), after: { state: 'rejected' }, note: reason }))
  if (!left) throw new AppError('CONFLICT', DECIDED)
  await notifyResult(ctx, left.activity, [reg.memberId], '未通过', reason)
  return { id: reg._id, state: 'rejected' }
}

/** One subscription message to everyone registered or waiting. */
/**
 * The organiser's message to everyone signed up. Logged before anything is sent, under an id the
 * request derives: a double tap or a retry finds the entry and sends nothing again, and a function
 * killed while sending has its round on record.
 */
export async function message(ctx: Ctx, input: { activityId: string; text: string; requestId: string }): Promise<{ recipients: number; delivered: number; again?: true }> {
  const a = await loadActivity(ctx.db, input.activityId)
  if (a.state !== 'published') throw new AppError('CONFLICT', '只能给已发布活动的报名者发通知。')
  const ids = registrantIds(a)
  const id = createdId(ctx.openid, 'activity.message', input.requestId)
  try {
    await recordAudit(ctx.db, ctx, { id, action: 'activity.message', target: target(a), note: input.text, after: { recipients: ids.length } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const sent = await getDoc<AuditDoc>(ctx.db, COLLECTIONS.auditLog, id)
    return { recipients: (sent?.after as { recipients?: number } | undefined)?.recipients ?? 0, delivered: 0, again: true }
  }
  return { recipients: ids.length, delivered: await notifyNotice(ctx, a, ids, input.text) }
}
