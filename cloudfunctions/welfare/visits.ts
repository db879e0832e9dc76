/**
 * Recording visits: new (planned or done), tick off, correct, cancel. Nothing is deleted; every
 * write is in the audit log with the fields as they were and as they are.
 */
import {
  welfareCancelInput, welfareCompleteInput, welfareCorrectInput, welfareIdInput, welfareRecordInput,
  type WelfareVisitDetail, type WelfareVisitItem,
} from '../../types/welfare'
import { formatFen } from '../../types/money'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type AuditDoc, type WelfareVisitDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { audit } from './log'
import { docs, iso } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import { recipientMember, visitorsOf } from './people'
import { giftSum, visitItem } from './shape'

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

export async function loadVisit(ctx: Ctx, id: string): Promise<WelfareVisitDoc> {
  const found = await docs<WelfareVisitDoc>(ctx.db.collection(COLLECTIONS.welfareVisits).where({ _id: id }).limit(1))
  if (!found[0]) throw notFound('这条慰问记录')
  return found[0]
}

/** The fields a correction may change, for the audit's before/after. */
function editable(v: Partial<WelfareVisitDoc>) {
  return {
    recipient: v.recipient, reason: v.reason, visitDate: v.visitDate, visitors: v.visitors, cashFen: v.cashFen,
    gifts: v.gifts, fund: v.fund, notes: v.notes, photos: v.photos, followUpOn: v.followUpOn, state: v.state,
  }
}

/** Canonical JSON (keys sorted): the database may hand nested keys back in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v))
}

/** The fields that really changed, as { before, after } for the audit entry. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (canonical(before[key]) !== canonical(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}

/** Conditional update: only if nobody changed the visit since it was read (revision unchanged). */
async function updateIf(ctx: Ctx, v: WelfareVisitDoc, data: Record<string, unknown>): Promise<void> {
  const res = (await ctx.db.collection(COLLECTIONS.welfareVisits).where({ _id: v._id, revision: v.revision, state: v.state }).update({ data })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw new AppError('CONFLICT', '这条记录刚被别人改过，请刷新后再试')
}

const LABELS: Record<string, string> = {
  recipient: '受慰问人', reason: '慰问事由', visitDate: '日期', visitors: '看望人', cashFen: '慰问金', gifts: '慰问品',
  fund: '经费来源', notes: '备注', photos: '照片', followUpOn: '回访日期', state: '状态', cancelReason: '取消原因',
}
const STATE_WORDS: Record<string, string> = { planned: '计划中', done: '已慰问', cancelled: '已取消' }

function words(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）'
  if (key === 'cashFen' && typeof value === 'number') return `${formatFen(value)} 元`
  if (key === 'recipient') return (value as Recipient).name
  if (key === 'visitors') return (value as Recipient[]).map((p) => p.name).join('、') || '（空）'
  if (key === 'gifts') return (value as Array<{ name: string; valueFen: number }>).map((g) => `${g.name} ${formatFen(g.valueFen)} 元`).join('、') || '（空）'
  if (key === 'photos') return `${(value as string[]).length} 张`
  if (key === 'state') return STATE_WORDS[String(value)] ?? String(value)
  return String(value)
}

const WHAT: Record<string, string> = {
  'welfare.record': '记录', 'welfare.correct': '更正', 'welfare.complete': '完成慰问', 'welfare.cancel': '取消',
  'welfare.planCreate': '列入计划',
}

function historyOf(entries: AuditDoc[]): WelfareVisitDetail['history'] {
  return entries.map((e) => {
    const before = (e.before ?? {}) as Record<string, unknown>
    const after = (e.after ?? {}) as Record<string, unknown>
    const changes = e.action === 'welfare.record' ? [] : Object.keys(after).filter((k) => LABELS[k]).map((k) => `${LABELS[k]}：${words(k, before[k])} → ${words(k, after[k])}`)
    return { at: iso(e.at), actorName: e.actorName, what: WHAT[e.action] ?? e.action, ...(e.note ? { note: e.note } : {}), changes }
  })
}

export const visitRoutes = {
  /** A new visit; money typed in 元 is parsed exactly to 分 (bad amounts never get here). */
  record: action({
    input: welfareRecordInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfareVisitItem> {
      if (input.state === 'done') notInFuture(ctx, input.visitDate)
      const recipient = await recipientOf(ctx, input.recipient)
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const gifts = input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan }))
      const due = followUpOn(input.reason, input.visitDate, input.followUpDays)
      const doc: Omit<WelfareVisitDoc, '_id'> = {
        recipient, reason: input.reason, visitDate: input.visitDate, visitors, cashFen: input.cashYuan, gifts, fund: input.fund,
        notes: input.notes, photos: input.photos, state: input.state, giftFen: giftSum(gifts), month: input.visitDate.slice(0, 7),
        ...(due ? { followUpOn: due } : {}), revision: 1,
        createdBy: ctx.member!._id, createdAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.member!._id,
      }
      const { _id } = (await ctx.db.collection(COLLECTIONS.welfareVisits).add({ data: doc })) as { _id: string }
      await audit(ctx, { action: 'welfare.record', target: { kind: 'welfareVisit', id: _id, label: recipient.name }, after: editable(doc) })
      return visitItem({ ...doc, _id })
    },
  }),

  /** Planned → done, with what was actually given. */
  complete: action({
    input: welfareCompleteInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfareVisitItem> {
      notInFuture(ctx, input.visitDate)
      const v = await loadVisit(ctx, input.id)
      if (v.state !== 'planned') throw new AppError('CONFLICT', v.state === 'done' ? '这次慰问已经登记完成；如需修改请用“更正”' : '这次慰问已取消，不能再登记完成')
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const gifts = input.gifts ? input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan })) : v.gifts
      const due = followUpOn(v.reason, input.visitDate, undefined)
      const next: Partial<WelfareVisitDoc> = {
        state: 'done', visitDate: input.visitDate, month: input.visitDate.slice(0, 7), visitors, cashFen: input.cashYuan, gifts, giftFen: giftSum(gifts),
        photos: input.photos, notes: input.notes ?? v.notes, ...(due ? { followUpOn: due } : {}),
      }
      await updateIf(ctx, v, { ...next, updatedAt: ctx.now, updatedBy: ctx.member!._id })
      const diff = changedFields(editable(v), editable({ ...v, ...next }))
      await audit(ctx, { action: 'welfare.complete', target: { kind: 'welfareVisit', id: v._id, label: v.recipient.name }, ...diff })
      return visitItem({ ...v, ...next } as WelfareVisitDoc)
    },
  }),

  /** A correction: the visit changes, the audit log keeps what it was (and why, for done visits). */
  correct: action({
    input: welfareCorrectInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfareVisitItem> {
      const v = await loadVisit(ctx, input.id)
      if (v.state === 'cancelled') throw new AppError('CONFLICT', '已取消的慰问不能更正')
      if (v.state === 'done' && input.correction.length < 2) throw new AppError('BAD_INPUT', '更正已完成的慰问记录，请填写更正原因（至少 2 个字）')
      if (v.state === 'done') notInFuture(ctx, input.visitDate)
      const recipient = await recipientOf(ctx, input.recipient)
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const gifts = input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan }))
      const due = followUpOn(input.reason, input.visitDate, input.followUpDays)
      const next: Partial<WelfareVisitDoc> = {
        recipient, reason: input.reason, visitDate: input.visitDate, month: input.visitDate.slice(0, 7), visitors, cashFen: input.cashYuan,
        gifts, giftFen: giftSum(gifts), fund: input.fund, notes: input.notes, photos: input.photos,
      }
      const diff = changedFields(editable(v), editable({ ...v, ...next, followUpOn: due }))
      if (Object.keys(diff.after).length === 0) return visitItem(v)
      const _ = ctx.db.command
      await updateIf(ctx, v, { ...next, followUpOn: due ?? _.remove(), revision: v.revision + 1, updatedAt: ctx.now, updatedBy: ctx.member!._id })
      await audit(ctx, {
        action: 'welfare.correct', target: { kind: 'welfareVisit', id: v._id, label: recipient.name }, ...diff,
        ...(input.correction ? { note: input.correction } : {}),
      })
      return visitItem({ ...v, ...next, revision: v.revision + 1 } as WelfareVisitDoc)
    },
  }),

  /** A planned visit that will not happen: kept, marked cancelled with the reason. */
  cancel: action({
    input: welfareCancelInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfareVisitItem> {
      const v = await loadVisit(ctx, input.id)
      if (v.state !== 'planned') throw new AppError('CONFLICT', v.state === 'done' ? '已完成的慰问不能取消；记错了请用“更正”' : '这次慰问已经取消了')
      await updateIf(ctx, v, { state: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now, updatedBy: ctx.member!._id })
      await audit(ctx, {
        action: 'welfare.cancel', target: { kind: 'welfareVisit', id: v._id, label: v.recipient.name },
        before: { state: 'planned' }, after: { state: 'cancelled', cancelReason: input.reason }, note: input.reason,
      })
      return visitItem({ ...v, state: 'cancelled', cancelReason: input.reason })
    },
  }),

  /** One visit with its photos (temporary URLs) and its history from the audit log. */
  get: action({
    input: welfareIdInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    async run(ctx, input): Promise<WelfareVisitDetail> {
      const v = await loadVisit(ctx, input.id)
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
