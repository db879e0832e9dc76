/**
 * An item's status is never stored: it is computed on every read from the record it follows
 * (linked-*.ts), so it cannot drift from the activity, notice, 慰问 plan, 提案征集 window, poll or meeting.
 * Order: the item's own cancellation wins; then the linked record; then the item's own 已完成 mark;
 * else 计划中. Overdue = not done or cancelled, and its day (or its month's last day) has passed.
 */
import dayjs from 'dayjs'
import type { PlanItemView } from '../../types/plan'
import type { Database } from '../_shared/context'
import { iso } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { PlanItemDoc } from './documents'
import { MAX_QUERY } from '../_shared/documents'
import { queriesAt, type Query } from '../_shared/query'
import { activityLinks } from './linked-activities'
import { collectionLinks } from './linked-congress'
import { noticeLinks } from './linked-notices'
import { pollLinks } from './linked-polls'
import { idChunks } from './linked-read'
import type { Linked, LinkSource } from './linked-types'
import { welfarePlanLinks } from './linked-welfare'
import { PLAN_COLLECTIONS as C } from './store'

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`
/** The last day an item may be done: its date, or its month's last day. */
export const dueDay = (i: Pick<PlanItemDoc, 'year' | 'month' | 'date'>) =>
  i.date ?? dayjs(`${monthKey(i.year, i.month)}-01T00:00:00Z`).endOf('month').format('YYYY-MM-DD')

const meetingLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: C.meetings, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: { type: true, date: true } }),
  linked: (m: { _id: string; type: string; date: string }) => ({ id: m._id, title: `${m.date} ${m.type}`, when: m.date, status: 'done' }),
})

/** Every kind of record a plan item may follow (`link.kind`): how it is read and what it shows — the one list. */
const linkSources = (db: Database): Record<string, LinkSource> => ({
  activity: activityLinks(db), notice: noticeLinks(db), welfare: welfarePlanLinks(db), poll: pollLinks(db), meeting: meetingLinks(db), congress: collectionLinks(db),
})

/** The reads of the records `items` follow, and the links made of what they found. */
export interface LinkReads {
  /** a query per kind and MAX_QUERY ids; none when no item is linked */
  queries: Record<string, Query>
  /** `kind:id` → what the item shows of it, from the rows each query found (by its key) */
  linked(found: Record<string, any[]>, now: Date): Map<string, Linked>
}

export function linkReads(db: Database, items: PlanItemDoc[]): LinkReads {
  const sources = linkSources(db)
  const queries: Record<string, Query> = {}
  const kindOf: Record<string, string> = {}
  for (const kind of Object.keys(sources)) {
    const ids = [...new Set(items.filter((i) => i.link?.kind === kind).map((i) => i.link!.id))]
    idChunks(ids).forEach((chunk, n) => {
      queries[`${kind}${n}`] = sources[kind].read(chunk)
      kindOf[`${kind}${n}`] = kind
    })
  }
  return {
    queries,
    linked(found, now) {
      const out = new Map<string, Linked>()
      for (const [key, kind] of Object.entries(kindOf)) for (const r of found[key] ?? []) out.set(`${kind}:${r._id}`, sources[kind].linked(r, now))
      return out
    },
  }
}

/**
 * The linked records of `items`: one request for all kinds (`linkReads`, anchored on the first item),
 * none when no item is linked.
 */
export async function linkedOf(db: Database, items: PlanItemDoc[], now: Date): Promise<Map<string, Linked>> {
  const { queries, linked } = linkReads(db, items)
  if (!items.length || !Object.keys(queries).length) return new Map()
  return linked(await queriesAt(db, { collection: C.items, id: items[0]._id }, queries), now)
}

export function itemView(i: PlanItemDoc, linked: Map<string, Linked>, now: Date): PlanItemView {
  const l = i.link ? linked.get(`${i.link.kind}:${i.link.id}`) : undefined
  let status: PlanItemView['status'] = 'planned'
  let cancelReason: string | undefined
  if (i.cancelReason) {
    status = 'cancelled'
    cancelReason = i.cancelReason
  } else if (l) {
    status = l.status
    cancelReason = l.cancelReason
    if (status !== 'done' && status !== 'cancelled' && i.done) status = 'done'
  } else if (i.done) {
    status = 'done'
  } else if (i.link) {
    status = 'ongoing'
  }
  const overdue = status !== 'done' && status !== 'cancelled' && dueDay(i) < shanghaiDate(now)
  return {
    id: i._id, year: i.year, month: i.month, ...(i.date ? { date: i.date } : {}), title: i.title, category: i.category, ownerId: i.ownerId, ownerName: i.ownerName,
    note: i.note, public: i.public, ...(i.link ? { link: { kind: i.link.kind, id: i.link.id, title: l?.title ?? i.link.title } } : {}), status,
    ...(cancelReason ? { cancelReason } : {}), overdue, ...(i.meetingId ? { meetingId: i.meetingId } : {}), revision: i.revision,
  }
}

/** Views of items, sorted by month, then day (month-wide items first), then title. */
export async function itemViews(db: Database, items: PlanItemDoc[], now: Date): Promise<PlanItemView[]> {
  const linked = await linkedOf(db, items, now)
  return items.map((i) => itemView(i, linked, now))
    .sort((a, b) => a.month - b.month || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title, 'zh'))
}

export { iso }
