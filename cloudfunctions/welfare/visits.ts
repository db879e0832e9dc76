/**
 * Recording visits: new (planned or done), tick off, correct, cancel. Nothing is deleted; every
 * write is in the audit log with the fields as they were and as they are. Guarantees:
 *  1. A new visit is created once per form (`requestId` → a derived `_id`): a double tap, a retry
 *     after a lost answer or a crash half-way gives the same visit, never two.
 *  2. Every change is made against the revision the person saw: a stale one is refused
 *     ("已被他人修改，请刷新后重试"), so of two simultaneous corrections exactly one lands.
 *  3. The visit and its audit entry are written in one transaction: both or neither.
 */
import {
  welfareCancelInput, welfareCompleteInput, welfareCorrectInput, welfareIdInput, welfareRecordInput,
  type WelfareVisitDetail, type WelfareVisitItem,
} from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type AuditDoc, type WelfareVisitDoc } from '../_shared/documents'
import { AppError, staleRevision } from '../_shared/errors'
import { docs } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import { inTransaction } from '../_shared/transaction'
import { changedFields, editable, historyOf } from './history'
import { welfareLabels } from './labels'
import { audit } from './log'
import { recipientMember, visitorsOf } from './people'
import { discardStaged, keepPhotos } from './photos'
import { giftSum, visitItem } from './shape'
import { VISITS, getDoc, loadVisit } from './store'

const DENIED = '只有工会委员和主席可以记录慰问'
const DEFAULT_FOLLOW_UP_DAYS = 14

type Recipient = WelfareVisitDoc['recipient']

async function recipientOf(ctx: Ctx, r: { kind: 'member'; memberId: string } | { kind: 'other'; name: string; relation: string }): Promise<Recipient> {
  if (r.kind === 'other') return { kind: 'other', name: r.name, ...(r.relation ? { relation: r.relation } : {}) }
  const m = await recipientMember(ctx, r.memberId)
  return { kind: 'member', memberId: m._id, name: m.name, department: m.department }
}

function followUpOn(reason: string, visitDate: string, days: number | undefined): string | undefined {
  if (reason !== '生病住院') return undefined
  return addDays(visitDate, days ?? DEFAULT_FOLLOW_UP_DAYS)
}

/** A visit recorded as done happened on or before today (Shanghai); only plans look ahead. */
function notInFuture(ctx: Ctx, date: string): void {
  if (date > shanghaiDate(ctx.now)) throw new AppError('BAD_INPUT', '已完成的慰问，日期不能晚于今天；还没去的请记为“计划中”')
}

/** The person's view must be the stored one: checked before any work, and again inside the transaction. */
function atRevision(v: WelfareVisitDoc, revision: number): void {
  if ((v.revision ?? 1) !== revision) throw staleRevision()
}

interface Change {
  data: Partial<WelfareVisitDoc>
  /** fields to drop from the document (e.g. a follow-up date a correction no longer needs) */
  unset?: Array<keyof WelfareVisitDoc>
  action: string
  note?: string
}

/**
 * Applies one change to a visit in one transaction with its audit entry, if the visit is still at
 * `revision` (re-read inside the transaction; a concurrent change conflicts and is retried, then
 * refused as stale). `check` re-validates the fresh copy (e.g. still planned).
 */
async function changeVisit(ctx: Ctx, id: string, revision: number, check: (v: WelfareVisitDoc) => void, change: Change): Promise<WelfareVisitDoc> {
  const _ = ctx.db.command
  return inTransaction(ctx.db, async (t) => {
    const v = await loadVisit(t, id)
    atRevision(v, revision)
    check(v)
    const next = { ...v, ...change.data, revision: v.revision + 1, updatedAt: ctx.now, updatedBy: ctx.member!._id } as WelfareVisitDoc
    for (const key of change.unset ?? []) delete next[key]
    const data: Record<string, unknown> = { ...change.data, revision: next.revision, updatedAt: ctx.now, updatedBy: ctx.member!._id }
    for (const key of change.unset ?? []) data[key] = _.remove()
    await t.collection(VISITS).doc(id).update({ data })
    const diff = changedFields(editable(v), editable(next))
    await audit(ctx, { action: change.action, target: { kind: 'welfareVisit', id, label: next.recipient.name }, ...diff, ...(change.note ? { note: change.note } : {}) }, t)
    return next
  })
}

const planned = (v: WelfareVisitDoc) => {
  if (v.state !== 'planned') throw new AppError('CONFLICT', v.state === 'done' ? '这次慰问已经登记完成；如需修改请用“更正”' : '这次慰问已取消，不能再登记')
}

export const visitRoutes = {
  /** A new visit, once per form; money typed in 元 is parsed exactly to 分 (bad amounts never get here). */
  record: action({
    input: welfareRecordInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareVisitItem> {
      const id = createdId(ctx.openid, 'welfare.visit', input.requestId)
      const earlier = await getDoc<WelfareVisitDoc>(ctx.db, VISITS, id)
      if (earlier) return visitItem(earlier)
      if (input.state === 'done') notInFuture(ctx, input.visitDate)
      const recipient = await recipientOf(ctx, input.recipient)
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const photos = await keepPhotos(ctx, input.photos)
      const gifts = input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan }))
      const due = followUpOn(input.reason, input.visitDate, input.followUpDays)
      const doc: WelfareVisitDoc = {
        _id: id, recipient, reason: input.reason, visitDate: input.visitDate, visitors, cashFen: input.cashYuan, gifts, fund: input.fund,
        notes: input.notes, photos, state: input.state, giftFen: giftSum(gifts), month: input.visitDate.slice(0, 7),
        ...(due ? { followUpOn: due } : {}), revision: 1,
        createdBy: ctx.member!._id, createdAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.member!._id,
      }
      const stored = await inTransaction(ctx.db, async (t) => {
        // Two taps at once: the second transaction finds the first one's visit (or conflicts and, retried, finds it).
        const again = await getDoc<WelfareVisitDoc>(t, VISITS, id)
        if (again) return again
        await t.collection(VISITS).add({ data: doc })
        await audit(ctx, { action: 'welfare.record', target: { kind: 'welfareVisit', id, label: recipient.name }, after: editable(doc) }, t)
        return doc
      })
      await discardStaged(input.photos)
      return visitItem(stored)
    },
  }),

  /** Planned → done, with what was actually given; gifts not sent stay as planned. */
  complete: action({
    input: welfareCompleteInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareVisitItem> {
      notInFuture(ctx, input.visitDate)
      const v = await loadVisit(ctx.db, input.id)
      atRevision(v, input.revision)
      planned(v)
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const photos = await keepPhotos(ctx, input.photos, v.photos)
      const gifts = input.gifts ? input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan })) : v.gifts
      const due = followUpOn(v.reason, input.visitDate, undefined)
      const next = await changeVisit(ctx, v._id, input.revision, planned, {
        action: 'welfare.complete',
        data: {
          state: 'done', visitDate: input.visitDate, month: input.visitDate.slice(0, 7), visitors, cashFen: input.cashYuan, gifts, giftFen: giftSum(gifts),
          photos, notes: input.notes ?? v.notes, ...(due ? { followUpOn: due } : {}),
        },
      })
      await discardStaged(input.photos)
      return visitItem(next)
    },
  }),

  /** A correction: the visit changes, the audit log keeps what it was (and why, for done visits). */
  correct: action({
    input: welfareCorrectInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareVisitItem> {
      const v = await loadVisit(ctx.db, input.id)
      atRevision(v, input.revision)
      const correctable = (x: WelfareVisitDoc) => {
        if (x.state === 'cancelled') throw new AppError('CONFLICT', '已取消的慰问不能更正')
      }
      correctable(v)
      if (v.state === 'done' && input.correction.length < 2) throw new AppError('BAD_INPUT', '更正已完成的慰问记录，请填写更正原因（至少 2 个字）')
      if (v.state === 'done') notInFuture(ctx, input.visitDate)
      const recipient = await recipientOf(ctx, input.recipient)
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const photos = await keepPhotos(ctx, input.photos, v.photos)
      const gifts = input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan }))
      const due = followUpOn(input.reason, input.visitDate, input.followUpDays)
      const data: Partial<WelfareVisitDoc> = {
        recipient, reason: input.reason, visitDate: input.visitDate, month: input.visitDate.slice(0, 7), visitors, cashFen: input.cashYuan,
        gifts, giftFen: giftSum(gifts), fund: input.fund, notes: input.notes, photos, ...(due ? { followUpOn: due } : {}),
      }
      if (Object.keys(changedFields(editable(v), editable({ ...v, ...data, followUpOn: due })).after).length === 0) return visitItem(v)
      const next = await changeVisit(ctx, v._id, input.revision, correctable, {
        action: 'welfare.correct', data, unset: due || !v.followUpOn ? [] : ['followUpOn'], ...(input.correction ? { note: input.correction } : {}),
      })
      await discardStaged(input.photos)
      return visitItem(next)
    },
  }),

  /** A planned visit that will not happen: kept, marked cancelled with the reason. */
  cancel: action({
    input: welfareCancelInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels({ reason: '取消原因' }),
    async run(ctx, input): Promise<WelfareVisitItem> {
      const cancellable = (v: WelfareVisitDoc) => {
        if (v.state !== 'planned') throw new AppError('CONFLICT', v.state === 'done' ? '已完成的慰问不能取消；记错了请用“更正”' : '这次慰问已经取消了')
      }
      const next = await changeVisit(ctx, input.id, input.revision, cancellable, {
        action: 'welfare.cancel', data: { state: 'cancelled', cancelReason: input.reason }, note: input.reason,
      })
      return visitItem(next)
    },
  }),

  /** One visit with its photos (temporary URLs) and its history from the audit log. */
  get: action({
    input: welfareIdInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareVisitDetail> {
      const v = await loadVisit(ctx.db, input.id)
      const urls = await ctx.services.tempUrls(v.photos)
      const entries = await docs<AuditDoc>(ctx.db.collection(COLLECTIONS.auditLog).where({ 'target.id': v._id }).orderBy('at', 'desc').limit(50))
      return {
        ...visitItem(v),
        ...(v.recipient.relation ? { relation: v.recipient.relation } : {}),
        visitorIds: v.visitors.map((p) => p.memberId),
        photos: v.photos.filter((f) => urls[f]).map((f) => ({ fileId: f, url: urls[f] })),
        ...(v.followUpOn ? { followUpOn: v.followUpOn } : {}),
        ...(v.cancelReason ? { cancelReason: v.cancelReason } : {}),
        history: historyOf(entries.filter((e) => e.action.startsWith('welfare.'))),
      }
    },
  }),
}
