/**
 * Read-only view of `activities` (activity function): the status an item follows, the picker, the
 * calendar's published activities and the summary's participation. Only this file reads them.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type ActivityDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { CalendarPart, Linked, LinkSource } from './linked-types'
import { linkedBy } from './linked-read'
import { scanAll } from './store'

type Row = Pick<ActivityDoc, '_id' | 'title' | 'state' | 'startAt' | 'endAt' | 'cancelReason'>
const FIELDS = { title: true, state: true, startAt: true, endAt: true, cancelReason: true }

export function activityStatus(a: Row, now: Date): Linked {
  const base = { id: a._id, title: a.title, when: shanghaiDate(new Date(a.startAt)) }
  if (a.state === 'cancelled') return { ...base, status: 'cancelled', cancelReason: a.cancelReason ?? '活动已取消' }
  if (a.state === 'finished' || (a.state === 'published' && new Date(a.endAt).getTime() <= now.getTime())) return { ...base, status: 'done' }
  if (a.state === 'published') return { ...base, status: 'ongoing' }
  return { ...base, status: 'planned' }
}

export const activityLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: COLLECTIONS.activities, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: FIELDS }),
  linked: activityStatus,
})

export const linkedActivities = (db: Database, ids: string[], now: Date) => linkedBy(db, activityLinks(db), ids, now)

export async function activityCandidates(db: Database, now: Date): Promise<Linked[]> {
  const rows = await docs<Row>(db.collection(COLLECTIONS.activities).where({ state: db.command.in(['draft', 'published', 'finished']) }).orderBy('createdAt', 'desc').limit(50).field(FIELDS))
  return rows.map((r) => activityStatus(r, now))
}

/** Published (or finished) activities starting within [from, to) — the members' calendar. */
export function activitiesBetween(db: Database, from: Date, to: Date): CalendarPart<{ id: string; title: string; date: string }> {
  const _ = db.command
  return {
    read: { collection: COLLECTIONS.activities, where: { state: _.in(['published', 'finished']), startAt: _.gte(from).and(_.lt(to)) }, orderBy: [['startAt', 'asc']], limit: MAX_QUERY, fields: FIELDS },
    days: (rows: Row[]) => rows.map((r) => ({ id: r._id, title: r.title, date: shanghaiDate(new Date(r.startAt)) })),
  }
}

/** Activities of a year that took place (published or finished, not cancelled), with their ledgers' counts. */
export async function activitiesHeld(db: Database, from: Date, to: Date): Promise<Array<Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'confirmedCount' | 'checkedInCount' | 'place'>>> {
  const _ = db.command
  return scanAll(db, COLLECTIONS.activities, { state: _.in(['published', 'finished']), startAt: _.gte(from).and(_.lt(to)) },
    { title: true, startAt: true, confirmedCount: true, checkedInCount: true, place: true, endAt: true })
}

/** An activity's roster as the ledger holds it (confirmed places), with names and check-ins from the registration rows. */
export async function rosterOf(db: Database, activityId: string): Promise<Array<{ name: string; department: string; checkedIn: boolean }>> {
  const [a] = await docs<Pick<ActivityDoc, 'ledger'>>(db.collection(COLLECTIONS.activities).where({ _id: activityId }).limit(1).field({ ledger: true }))
  const ledger = a?.ledger ?? {}
  const rows = await scanAll<{ _id: string; memberId: string; memberName?: string; department?: string; checkedInAt?: Date }>(db, COLLECTIONS.registrations, { activityId },
    { memberId: true, memberName: true, department: true, checkedInAt: true })
  return rows.filter((r) => ledger[`m${r.memberId}`]?.s === 'c')
    .map((r) => ({ name: r.memberName ?? '', department: r.department ?? '', checkedIn: !!r.checkedInAt || ledger[`m${r.memberId}`]?.ci !== undefined }))
    .sort((x, y) => x.department.localeCompare(y.department, 'zh') || x.name.localeCompare(y.name, 'zh'))
}
