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
import { linkedActivities } from './linked-activities'
import { linkedCollections } from './linked-congress'
import { linkedNotices } from './linked-notices'
import { linkedPolls } from './linked-polls'
import type { Linked } from './linked-types'
import { linkedWelfarePlans } from './linked-welfare'
import { PLAN_COLLECTIONS as C, scanAll } from './store'

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`
/** The last day an item may be done: its date, or its month's last day. */
export const dueDay = (i: Pick<PlanItemDoc, 'year' | 'month' | 'date'>) =>
  i.date ?? dayjs(`${monthKey(i.year, i.month)}-01T00:00:00Z`).endOf('month').format('YYYY-MM-DD')

async function linkedMeetings(db: Database, ids: string[]): Promise<Map<string, Linked>> {
  const out = new Map<string, Linked>()
  if (!ids.length) return out
  const rows = await scanAll<{ _id: string; type: string; date: string }>(db, C.meetings, { _id: db.command.in(ids) }, { type: true, date: true })
  for (const m of rows) out.set(m._id, { id: m._id, title: `${m.date} ${m.type}`, when: m.date, status: 'done' })
  return out
}

/** The linked records of `items`, each kind read once. */
export async function linkedOf(db: Database, items: PlanItemDoc[], now: Date): Promise<Map<string, Linked>> {
  const ids = (kind: string) => [...new Set(items.filter((i) => i.link?.kind === kind).map((i) => i.link!.id))]
  const maps = await Promise.all([
    linkedActivities(db, ids('activity'), now), linkedNotices(db, ids('notice'), now), linkedWelfarePlans(db, ids('welfare')),
    linkedPolls(db, ids('poll')), linkedMeetings(db, ids('meeting')), linkedCollections(db, ids('congress'), now),
  ])
  const kinds = ['activity', 'notice', 'welfare', 'poll', 'meeting', 'congress']
  const out = new Map<string, Linked>()
  maps.forEach((m, k) => m.forEach((v, id) => out.set(`${kinds[k]}:${id}`, v)))
  return out
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
