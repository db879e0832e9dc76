/**
 * The organiser's side (committee and chair): drafts, publish, cancel (everyone notified),
 * finish, approve/reject, message all registrants. Every write records an audit entry.
 */
import crypto from 'node:crypto'
import type { ActivityEditable } from '../../types/activity'
import { recordAudit, changedFields } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { MAX_QUERY, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { notifyNotice, notifyResult } from './notify'
import { checkEditable } from './rules'
import { ACTIVITIES, REGISTRATIONS, getDoc, inTransaction, loadActivity } from './store'
import { leave } from './waitlist'

const target = (a: Pick<ActivityDoc, '_id' | 'title'>) => ({ kind: 'activity', id: a._id, label: a.title })

function toDate(text: string, label: string): Date {
  const d = new Date(text)
  if (Number.isNaN(d.getTime())) throw new AppError('BAD_INPUT', `${label}的格式不对，请重新选择。`)
  return d
}

/** Editable fields as stored: instants become Dates, optional rules present only when set. */
/** Covers come only from the editor's upload folder, so a cover can never reveal another file. */
const COVER_PATH = /^cloud:\/\/[^/]+\/activity-covers\/[^/]+$/

function fromEditable(e: ActivityEditable) {
  if (e.coverFileId && !COVER_PATH.test(e.coverFileId)) throw new AppError('BAD_INPUT', '封面图片无效，请重新选择上传。')
  const out = {
    title: e.title, category: e.category, description: e.description.trim(), place: e.place,
    startAt: toDate(e.startAt, '开始时间'), endAt: toDate(e.endAt, '结束时间'),
    signupStartAt: toDate(e.signupStartAt, '报名开始时间'), signupEndAt: toDate(e.signupEndAt, '报名截止时间'),
    capacity: e.capacity, waitlist: e.waitlist, audience: e.audience.kind === 'departments' ? e.audience : { kind: e.audience.kind },
    fields: e.fields.map((f) => ({ ...f, ...(f.type === 'single' || f.type === 'multi' ? { options: f.options ?? [] } : { options: undefined }) })).map(({ options, ...f }) => (options ? { ...f, options } : f)),
    cancelPolicy: e.cancelPolicy, needsApproval: e.needsApproval,
    ...(e.guests ? { guests: e.guests } : {}),
    ...(e.frequency ? { frequency: e.frequency } : {}),
    ...(e.coverFileId ? { coverFileId: e.coverFileId } : {}),
  }
  checkEditable(out)
  return out
}

/** Creates a draft, or edits one. Published activities are not edited in place. */
export async function save(ctx: Ctx, input: { id?: string; activity: ActivityEditable }): Promise<{ id: string; state: ActivityDoc['state'] }> {
  const fields = fromEditable(input.activity)
  if (!input.id) {
    const doc: Omit<ActivityDoc, '_id'> = {
      ...fields, state: 'draft', seatsTaken: 0, confirmedCount: 0, pendingCount: 0, waitlistCount: 0, waitSeq: 0,
      createdBy: requireMember(ctx)._id, createdAt: ctx.now, updatedAt: ctx.now,
    }
    const id = `act_${crypto.randomBytes(8).toString('hex')}`
    return inTransaction(ctx.db, async (t) => {
      await t.collection(ACTIVITIES).add({ data: { _id: id, ...doc } })
      await recordAudit(t, ctx, { action: 'activity.create', target: { kind: 'activity', id, label: doc.title }, after: { title: doc.title, state: 'draft' } })
      return { id, state: 'draft' as const }
    })
  }
  const before = await loadActivity(ctx.db, input.id)
  if (before.state !== 'draft') throw new AppError('CONFLICT', '已发布的活动不能直接修改；如需调整，请取消后重新创建。')
  const { before: was, after: now } = changedFields(before as unknown as Record<string, unknown>, fields)
  await inTransaction(ctx.db, async (t) => {
    const fresh = await getDoc<ActivityDoc>(t, ACTIVITIES, before._id)
    if (!fresh || fresh.state !== 'draft') throw new AppError('CONFLICT', '这个活动刚刚被发布或取消了，请刷新后再看。')
    const cleared = ctx.db.command
    await t.collection(ACTIVITIES).doc(before._id).update({
      data: { ...fields, updatedAt: ctx.now, ...(fields.guests ? {} : { guests: cleared.remove() }), ...(fields.frequency ? {} : { frequency: cleared.remove() }), ...(fields.coverFileId ? {} : { coverFileId: cleared.remove() }) },
    })
    await recordAudit(t, ctx, { action: 'activity.edit', target: target({ _id: before._id, title: fields.title }), before: was, after: now })
  })
  return { id: before._id, state: 'draft' }
}

/** State change guarded by a conditional update, with its audit entry in the same transaction. */
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

/** Every member with a place or on the waitlist (pages of 100). */
export async function registrantIds(ctx: Ctx, activityId: string): Promise<string[]> {
  const _ = ctx.db.command
  const out: string[] = []
  for (let skip = 0; ; skip += MAX_QUERY) {
    const page = await docs<Pick<RegistrationDoc, 'memberId'>>(ctx.db.collection(REGISTRATIONS)
      .where({ activityId, state: _.in(['confirmed', 'pending', 'waitlisted']) }).orderBy('createdAt', 'asc').skip(skip).limit(MAX_QUERY).field({ memberId: true }))
    out.push(...page.map((r) => r.memberId))
    if (page.length < MAX_QUERY) return out
  }
}

/** Cancels a draft or published activity; everyone registered or waiting is notified. Registrations stay as records. */
export async function cancelActivity(ctx: Ctx, id: string, reason: string): Promise<{ id: string; state: 'cancelled'; notified: number }> {
  const a = await transition(ctx, id, ['draft', 'published'], { state: 'cancelled', cancelledAt: ctx.now, cancelReason: reason }, 'activity.cancel', '这个活动已经取消或结束了。', reason)
  const notified = a.state === 'published' ? await notifyNotice(ctx, a, await registrantIds(ctx, id), `活动取消：${reason}`) : 0
  return { id, state: 'cancelled', notified }
}

export async function finish(ctx: Ctx, id: string): Promise<{ id: string; state: 'finished' }> {
  const a = await loadActivity(ctx.db, id)
  if (a.state === 'published' && ctx.now.getTime() < a.startAt.getTime()) throw new AppError('CONFLICT', '活动还没有开始，不能标记为结束。')
  await transition(ctx, id, ['published'], { state: 'finished', finishedAt: ctx.now }, 'activity.finish', '只有已发布的活动可以标记为结束。')
  return { id, state: 'finished' }
}

/** Approve (pending → confirmed) or reject (frees the place for the waitlist in the same transaction). */
export async function decide(ctx: Ctx, input: { registrationId: string; approve: boolean; reason?: string }): Promise<{ id: string; state: 'confirmed' | 'rejected' }> {
  const reg = await getDoc<RegistrationDoc>(ctx.db, REGISTRATIONS, input.registrationId)
  if (!reg) throw new AppError('NOT_FOUND', '报名记录不存在')
  const a = await loadActivity(ctx.db, reg.activityId)
  if (!a.needsApproval) throw new AppError('CONFLICT', '这个活动不需要审核。')
  if (reg.state !== 'pending') throw new AppError('CONFLICT', '这条报名已经处理过了。')
  const audit = { target: { kind: 'registration', id: reg._id, label: `${a.title} · ${reg.memberName ?? ''}` }, before: { state: 'pending' } }
  if (input.approve) {
    await inTransaction(ctx.db, async (t) => {
      const fresh = await getDoc<RegistrationDoc>(t, REGISTRATIONS, reg._id)
      if (!fresh || fresh.state !== 'pending') throw new AppError('CONFLICT', '这条报名已经处理过了。')
      const act = await getDoc<ActivityDoc>(t, ACTIVITIES, a._id)
      await t.collection(REGISTRATIONS).doc(reg._id).update({ data: { state: 'confirmed', updatedAt: ctx.now } })
      await t.collection(ACTIVITIES).doc(a._id).update({ data: { pendingCount: (act!.pendingCount ?? 1) - 1, updatedAt: ctx.now } })
      await recordAudit(t, ctx, { action: 'activity.approve', ...audit, after: { state: 'confirmed' } })
    })
    await notifyResult(ctx, a, [reg.memberId], '审核通过', '您的报名已通过审核')
    return { id: reg._id, state: 'confirmed' }
  }
  const reason = input.reason?.trim() || '名额或条件不符'
  const left = await leave(ctx, {
    registrationId: reg._id, activityId: a._id, to: 'rejected', from: ['pending'], extra: { rejectReason: reason },
    audit: () => ({ action: 'activity.reject', ...audit, after: { state: 'rejected' }, note: reason }),
  })
  if (!left) throw new AppError('CONFLICT', '这条报名已经处理过了。')
  await notifyResult(ctx, a, [reg.memberId], '未通过', reason)
  return { id: reg._id, state: 'rejected' }
}

/** One subscription message to everyone registered or waiting. */
export async function message(ctx: Ctx, input: { activityId: string; text: string }): Promise<{ recipients: number; delivered: number }> {
  const a = await loadActivity(ctx.db, input.activityId)
  if (a.state !== 'published') throw new AppError('CONFLICT', '只能给已发布活动的报名者发通知。')
  const ids = await registrantIds(ctx, a._id)
  const delivered = await notifyNotice(ctx, a, ids, input.text)
  await recordAudit(ctx.db, ctx, { action: 'activity.message', target: target(a), note: input.text, after: { recipients: ids.length, delivered } })
  return { recipients: ids.length, delivered }
}
