/**
 * Read-only view of `notices` and `notice_objections` (notice function): item status, picker,
 * 公示期 ends for the calendar, the summary's counts and the archive's list. Only this file reads them.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type NoticeDoc, type NoticeObjectionDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { CalendarPart, Linked, LinkSource } from './linked-types'
import { linkedBy } from './linked-read'
import { scanAll } from './store'

type Row = Pick<NoticeDoc, '_id' | 'title' | 'state' | 'publicityEnd' | 'withdrawReason' | 'publishedAt' | 'createdAt' | 'visibility'>
const FIELDS = { title: true, state: true, publicityEnd: true, withdrawReason: true, publishedAt: true, createdAt: true, visibility: true }
type FullRow = Row & Pick<NoticeDoc, 'category' | 'body' | 'versionLog'>

export function noticeStatus(n: Row, now: Date): Linked {
  const base = { id: n._id, title: n.title, when: shanghaiDate(new Date(n.publishedAt ?? n.createdAt)) }
  if (n.state === 'withdrawn') return { ...base, status: 'cancelled', cancelReason: n.withdrawReason ?? '公告已撤回' }
  if (n.state === 'draft') return { ...base, status: 'ongoing' }
  if (n.publicityEnd && new Date(n.publicityEnd).getTime() > now.getTime()) return { ...base, status: 'ongoing' }
  return { ...base, status: 'done' }
}

export const noticeLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: COLLECTIONS.notices, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: FIELDS }),
  linked: noticeStatus,
})

export const linkedNotices = (db: Database, ids: string[], now: Date) => linkedBy(db, noticeLinks(db), ids, now)

export async function noticeCandidates(db: Database, now: Date): Promise<Linked[]> {
  const rows = await docs<Row>(db.collection(COLLECTIONS.notices).where({ state: db.command.in(['draft', 'published']) }).orderBy('updatedAt', 'desc').limit(50).field(FIELDS))
  return rows.map((r) => noticeStatus(r, now))
}

/** What the plan needs of a notice it published: its state, version and text. */
export type NoticeContent = Pick<NoticeDoc, '_id' | 'state' | 'version' | 'title' | 'body'>

/** A notice's current state and text, to publish it once and to compare it with the record it was published from. */
export async function noticeContent(db: Database, id: string): Promise<NoticeContent | null> {
  const rows = await docs<NoticeContent>(db.collection(COLLECTIONS.notices).where({ _id: id }).limit(1).field({ state: true, version: true, title: true, body: true }))
  return rows[0] ?? null
}

/** Published notices whose 公示期 ends within [from, to) — the calendar. */
export function publicityEndsBetween(db: Database, from: Date, to: Date, internalToo: boolean): CalendarPart<{ id: string; title: string; date: string }> {
  const _ = db.command
  const where: Record<string, unknown> = { state: 'published', publicityEnd: _.gte(from).and(_.lt(to)) }
  if (!internalToo) where.visibility = 'public'
  return {
    read: { collection: COLLECTIONS.notices, where, orderBy: [['publicityEnd', 'asc']], limit: MAX_QUERY, fields: FIELDS },
    days: (rows: Row[]) => rows.map((r) => ({ id: r._id, title: r.title, date: shanghaiDate(new Date(r.publicityEnd!)) })),
  }
}

/** Notices first published within [from, to) (withdrawn ones included: they were published). */
export function noticesPublished(db: Database, from: Date, to: Date): Promise<FullRow[]> {
  const _ = db.command
  return scanAll<FullRow>(db, COLLECTIONS.notices, { state: _.in(['published', 'withdrawn']), publishedAt: _.gte(from).and(_.lt(to)) },
    { ...FIELDS, category: true, body: true, versionLog: true })
}

export function objectionsOf(db: Database, noticeIds: string[]): Promise<Array<Pick<NoticeObjectionDoc, '_id' | 'noticeId' | 'answered'>>> {
  return inChunks(noticeIds, (ids) => scanAll(db, COLLECTIONS.noticeObjections, { noticeId: db.command.in(ids) }, { noticeId: true, answered: true }))
}

/** The ids of notices first published within [from, to), in publishing order (no text: the 台帐's plan of work). */
export async function noticeIdsPublished(db: Database, from: Date, to: Date): Promise<string[]> {
  const _ = db.command
  const rows = await scanAll<Pick<NoticeDoc, '_id' | 'publishedAt'>>(db, COLLECTIONS.notices, { state: _.in(['published', 'withdrawn']), publishedAt: _.gte(from).and(_.lt(to)) }, { publishedAt: true })
  return rows.sort((a, b) => +new Date(a.publishedAt!) - +new Date(b.publishedAt!) || a._id.localeCompare(b._id)).map((r) => r._id)
}

/** Notices by id with their text, for the 备案 files (in the order asked). */
export async function noticesByIds(db: Database, ids: string[]): Promise<FullRow[]> {
  const rows = await inChunks(ids, (chunk) => docs<FullRow>(db.collection(COLLECTIONS.notices).where({ _id: db.command.in(chunk) }).limit(MAX_QUERY)
    .field({ ...FIELDS, category: true, body: true, versionLog: true })))
  const byId = new Map(rows.map((r) => [r._id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Objections with the objector's name (named by norm), their text and answer — for the 备案 in the archive. */
export function objectionsFull(db: Database, noticeIds: string[]): Promise<Array<Pick<NoticeObjectionDoc, '_id' | 'noticeId' | 'name' | 'text' | 'answer' | 'answered'>>> {
  return inChunks(noticeIds, (ids) => scanAll(db, COLLECTIONS.noticeObjections, { noticeId: db.command.in(ids) }, { noticeId: true, name: true, text: true, answer: true, answered: true }))
}

/** Runs `read` over ids MAX_QUERY at a time (an `$in` never above 100 values). */
async function inChunks<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += MAX_QUERY) out.push(...(await read(ids.slice(i, i + MAX_QUERY))))
  return out
}
