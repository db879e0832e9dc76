/**
 * The notice function's reads, one place (each is one database request unless it says otherwise).
 * Writes live with the action that makes them (write.ts, objections.ts, receipts.ts).
 */
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc, type MemberDoc, type NoticeDoc, type NoticeObjectionDoc, type NoticeReadDoc, type NoticeVersionDoc } from '../_shared/documents'
import { docs, pageWindow, total } from '../_shared/query'

/** The fields a list card shows. */
export const LIST_FIELDS = {
  _id: true, title: true, category: true, visibility: true, pinned: true, publishedAt: true,
  publicityStart: true, publicityEnd: true, correctionCount: true,
}
export type ListedNotice = Pick<NoticeDoc, '_id' | 'title' | 'category' | 'visibility' | 'pinned' | 'publishedAt' | 'publicityStart' | 'publicityEnd' | 'correctionCount'>

/** Board order: pinned first, then newest (index state/visibility/category/pinned/publishedAt). */
export const BOARD_ORDER: Array<[string, 'asc' | 'desc']> = [['pinned', 'desc'], ['publishedAt', 'desc']]

export async function findNotice(ctx: Ctx, id: string): Promise<NoticeDoc | null> {
  const [found] = await docs<NoticeDoc>(ctx.db.collection(COLLECTIONS.notices).where({ _id: id }).limit(1))
  return found ?? null
}

/**
 * One page of a list plus whether more follow, in one request: asks for one document more than the
 * page. `total` is exact on the last page and "one more than shown" before it (no count request).
 */
export async function pageWithMore<T>(ctx: Ctx, collection: string, where: Record<string, unknown>, orderBy: Array<[string, 'asc' | 'desc']>, page: number, fields?: Record<string, boolean>): Promise<{ items: T[]; total: number }> {
  const { skip, limit } = pageWindow(page)
  let q = ctx.db.collection(collection).where(where)
  for (const [field, dir] of orderBy) q = q.orderBy(field, dir)
  q = q.skip(skip).limit(limit + 1)
  if (fields) q = q.field(fields)
  const found = await docs<T>(q)
  return { items: found.slice(0, limit), total: skip + found.length }
}

/** Up to `cap` documents matching `where`, in `orderBy` order (one request). */
export async function firstN<T>(ctx: Ctx, collection: string, where: Record<string, unknown>, orderBy: Array<[string, 'asc' | 'desc']>, cap: number, fields?: Record<string, boolean>): Promise<T[]> {
  let q = ctx.db.collection(collection).where(where)
  for (const [field, dir] of orderBy) q = q.orderBy(field, dir)
  q = q.limit(cap)
  if (fields) q = q.field(fields)
  return docs<T>(q)
}

/** Which of `noticeIds` this member has opened. */
export async function readIdsOf(ctx: Ctx, memberId: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set()
  const _ = ctx.db.command
  const reads = await docs<Pick<NoticeReadDoc, 'noticeId'>>(ctx.db.collection(COLLECTIONS.noticeReads)
    .where({ memberId, noticeId: _.in(noticeIds) }).limit(noticeIds.length).field({ noticeId: true }))
  return new Set(reads.map((r) => r.noticeId))
}

export async function versionDoc(ctx: Ctx, noticeId: string, version: number): Promise<NoticeVersionDoc | null> {
  const [v] = await docs<NoticeVersionDoc>(ctx.db.collection(COLLECTIONS.noticeVersions).where({ _id: `${noticeId}_v${version}` }).limit(1))
  return v ?? null
}

export const readCount = (ctx: Ctx, noticeId: string) => total(ctx.db.collection(COLLECTIONS.noticeReads).where({ noticeId }))

/** This member's objections to one notice (at most OBJECTIONS_PER_MEMBER), oldest first. */
export const objectionsBy = (ctx: Ctx, noticeId: string, memberId: string) =>
  docs<NoticeObjectionDoc>(ctx.db.collection(COLLECTIONS.noticeObjections).where({ noticeId, memberId }).orderBy('raisedAt', 'asc').limit(10))

/** Names of members by id (authors on the manage list). */
export async function namesOf(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const _ = ctx.db.command
  const found = await docs<Pick<MemberDoc, '_id' | 'name'>>(ctx.db.collection(COLLECTIONS.members)
    .where({ _id: _.in([...new Set(ids)]) }).limit(100).field({ _id: true, name: true }))
  return new Map(found.map((m) => [m._id, m.name]))
}

export async function activityFor(ctx: Ctx, id: string): Promise<Pick<ActivityDoc, '_id' | 'title' | 'state'> | null> {
  const [a] = await docs<Pick<ActivityDoc, '_id' | 'title' | 'state'>>(ctx.db.collection(COLLECTIONS.activities).where({ _id: id }).limit(1).field({ _id: true, title: true, state: true }))
  return a ?? null
}
