/**
 * Writing plan items. Guarantees: a create with the same requestId makes one item (create-once id);
 * every change names the revision it was made on and is one conditional update (a stale revision is
 * refused, nothing written); the change, its history entry and its audit entry land in one transaction.
 */
import * as z from 'zod/mini'
import { linkKindLabels, planIdOf, type itemCreateInput, type itemEditInput, type LinkKind } from '../../types/plan'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { AppError, notFound, staleRevision } from '../_shared/errors'
import { ALREADY, addOnce } from './once'
import { inTransaction, type Tx } from '../_shared/transaction'
import type { ItemHistoryDoc, PlanItemDoc } from './documents'
import { activityCandidates, linkedActivities } from './linked-activities'
import { linkedNotices, noticeCandidates } from './linked-notices'
import { linkedPolls, pollCandidates } from './linked-polls'
import type { Linked } from './linked-types'
import { linkedWelfarePlans, welfarePlanCandidates } from './linked-welfare'
import { PLAN_COLLECTIONS as C, committeeOwner, getDoc, loadItem, loadMeeting } from './store'
import { itemViews } from './status'
import { collectionCandidates, linkedCollections } from './linked-congress'

type Fields = Omit<z.output<typeof itemCreateInput>, 'requestId'>

function checkDate(f: Fields): void {
  if (f.date && f.date.slice(0, 7) !== `${f.year}-${String(f.month).padStart(2, '0')}`) {
    throw new AppError('BAD_INPUT', `输入有误：日期应在 ${f.year} 年 ${f.month} 月内。`)
  }
}

/** Appends the history entry of one change (inside the change's transaction). */
export async function addHistory(t: Tx, ctx: Ctx, itemId: string, revision: number, what: string): Promise<void> {
  const by = requireMember(ctx)
  const entry: ItemHistoryDoc = { _id: `${itemId}_r${revision}`, itemId, revision, at: ctx.now, byId: by._id, byName: by.name, what }
  await t.collection(C.history).add({ data: entry })
}

export function newItem(ctx: Ctx, id: string, f: Fields, ownerName: string, extra: Partial<PlanItemDoc> = {}): PlanItemDoc {
  return {
    _id: id, planId: planIdOf(f.year), year: f.year, month: f.month, ...(f.date ? { date: f.date } : {}), title: f.title, category: f.category,
    ownerId: f.ownerId, ownerName, note: f.note, public: f.public, state: 'active', revision: 1, createdBy: requireMember(ctx)._id,
    createdAt: ctx.now, updatedAt: ctx.now, ...extra,
  }
}

export async function createItem(ctx: Ctx, input: z.output<typeof itemCreateInput>) {
  checkDate(input)
  const owner = await committeeOwner(ctx.db, input.ownerId)
  const id = createdId(ctx.openid, 'plan.item', input.requestId)
  const doc = newItem(ctx, id, input, owner.name)
  try {
    await inTransaction(ctx.db, async (t) => {
      await addOnce(t, C.items, doc)
      await addHistory(t, ctx, id, 1, `新增：${doc.month}月 ${doc.title}（负责人 ${owner.name}）`)
      await recordAudit(t, ctx, { action: 'plan.addItem', target: { kind: 'planItem', id, label: doc.title }, after: { month: doc.month, title: doc.title, ownerName: owner.name } })
    })
  } catch (err) {
    if (!(err instanceof AppError && err.message === ALREADY)) throw err
  }
  return (await itemViews(ctx.db, [await loadItem(ctx.db, id)], ctx.now))[0]
}

/** What a change writes: fields set, and fields removed (an item's date, its link). */
interface Patch {
  set: Partial<PlanItemDoc>
  remove?: Array<'date' | 'link'>
}

/**
 * One conditional update of an item at `revision`, with its history and audit entries. Answers the item
 * as the transaction wrote it (the item it read there, with the patch applied), not read back.
 */
async function change(ctx: Ctx, id: string, revision: number, patch: Patch, what: string, audit: { action: string; before?: unknown; after?: unknown; note?: string }) {
  const removed = patch.remove ?? []
  const written = await inTransaction(ctx.db, async (t) => {
    const item = await getDoc<PlanItemDoc>(t, C.items, id)
    if (!item || item.state !== 'active') throw notFound('计划事项')
    if (item.revision !== revision) throw staleRevision()
    const next = revision + 1
    const unset = Object.fromEntries(removed.map((field) => [field, ctx.db.command.remove()]))
    // Read and write in one transaction: a concurrent change at the same revision conflicts and retries, then sees the new revision.
    await t.collection(C.items).doc(id).update({ data: { ...patch.set, ...unset, revision: next, updatedAt: ctx.now } })
    await addHistory(t, ctx, id, next, what)
    await recordAudit(t, ctx, { ...audit, target: { kind: 'planItem', id, label: item.title } })
    const out: PlanItemDoc = { ...item, ...patch.set, revision: next, updatedAt: ctx.now }
    for (const field of removed) delete out[field]
    return out
  })
  return (await itemViews(ctx.db, [written], ctx.now))[0]
}

export async function editItem(ctx: Ctx, input: z.output<typeof itemEditInput>) {
  checkDate(input)
  const before = await loadItem(ctx.db, input.id)
  const owner = before.ownerId === input.ownerId ? { name: before.ownerName } : await committeeOwner(ctx.db, input.ownerId)
  const patch: Patch = {
    set: {
      year: input.year, planId: planIdOf(input.year), month: input.month, ...(input.date ? { date: input.date } : {}), title: input.title, category: input.category,
      ownerId: input.ownerId, ownerName: owner.name, note: input.note, public: input.public,
    },
    remove: input.date ? [] : ['date'],
  }
  const was = `${before.month}月${before.date ? `（${before.date}）` : ''} ${before.title}，负责人 ${before.ownerName}`
  const now = `${input.month}月${input.date ? `（${input.date}）` : ''} ${input.title}，负责人 ${owner.name}`
  return change(ctx, input.id, input.revision, patch, was === now ? '修改了分类、备注或公开范围' : `由“${was}”改为“${now}”`, {
    action: 'plan.editItem', before: { month: before.month, title: before.title, ownerName: before.ownerName }, after: { month: input.month, title: input.title, ownerName: owner.name },
  })
}

/** The record an item may follow, if it exists (meetings are this function's own). */
export async function findLinkable(ctx: Ctx, kind: LinkKind, id: string): Promise<Linked | null> {
  const ids = [id]
  switch (kind) {
    case 'activity': return (await linkedActivities(ctx.db, ids, ctx.now)).get(id) ?? null
    case 'notice': return (await linkedNotices(ctx.db, ids, ctx.now)).get(id) ?? null
    case 'welfare': return (await linkedWelfarePlans(ctx.db, ids)).get(id) ?? null
    case 'poll': return (await linkedPolls(ctx.db, ids)).get(id) ?? null
    case 'congress': return (await linkedCollections(ctx.db, ids, ctx.now)).get(id) ?? null
    case 'meeting': {
      const m = await loadMeeting(ctx.db, id).catch(() => null)
      return m ? { id, title: `${m.date} ${m.type}`, when: m.date, status: 'done' } : null
    }
  }
}

export async function linkItem(ctx: Ctx, id: string, revision: number, link: { kind: LinkKind; id: string } | null) {
  if (!link) {
    return change(ctx, id, revision, { set: {}, remove: ['link'] }, '取消了关联', { action: 'plan.linkItem', after: { link: '无' } })
  }
  const found = await findLinkable(ctx, link.kind, link.id)
  if (!found) throw new AppError('BAD_INPUT', `要关联的${linkKindLabels[link.kind]}不存在，请重新选择`)
  return change(ctx, id, revision, { set: { link: { kind: link.kind, id: link.id, title: found.title } } }, `关联到${linkKindLabels[link.kind]}“${found.title}”`, {
    action: 'plan.linkItem', after: { link: `${linkKindLabels[link.kind]}“${found.title}”` },
  })
}

export const cancelItem = (ctx: Ctx, id: string, revision: number, reason: string) =>
  change(ctx, id, revision, { set: { cancelReason: reason } }, `取消，原因：${reason}`, { action: 'plan.cancelItem', note: reason })

export const markDone = (ctx: Ctx, id: string, revision: number, done: boolean) =>
  change(ctx, id, revision, { set: { done } }, done ? '标记为已完成' : '取消了已完成标记', { action: 'plan.markDone', after: { done } })

export async function candidates(ctx: Ctx, kind: LinkKind): Promise<Linked[]> {
  switch (kind) {
    case 'activity': return activityCandidates(ctx.db, ctx.now)
    case 'notice': return noticeCandidates(ctx.db, ctx.now)
    case 'welfare': return welfarePlanCandidates(ctx.db)
    case 'poll': return pollCandidates(ctx.db)
    case 'congress': return collectionCandidates(ctx.db, ctx.now)
    case 'meeting': {
      const { recentMeetings } = await import('./meetings')
      return recentMeetings(ctx)
    }
  }
}
