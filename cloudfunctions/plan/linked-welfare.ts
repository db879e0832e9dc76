/**
 * Read-only view of `welfare_plans` and `welfare_visits` (welfare function): item status, picker,
 * the summary's visits by reason and the archive's 慰问 ledger. Only this file reads them.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type WelfareVisitDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import type { WelfarePlanDoc } from '../welfare/documents'
import type { CalendarPart, Linked, LinkSource } from './linked-types'
import { linkedBy } from './linked-read'
import { scanAll } from './store'

const PLANS = 'welfare_plans'
type Row = Pick<WelfarePlanDoc, '_id' | 'title' | 'state' | 'plannedDate'>
const FIELDS = { title: true, state: true, plannedDate: true }

export function welfarePlanStatus(p: Row): Linked {
  return { id: p._id, title: p.title, when: p.plannedDate, status: p.state === 'closed' ? 'done' : 'ongoing' }
}

export const welfarePlanLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: PLANS, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: FIELDS }),
  linked: (row: Row) => welfarePlanStatus(row),
})

export const linkedWelfarePlans = (db: Database, ids: string[]) => linkedBy(db, welfarePlanLinks(db), ids)

export async function welfarePlanCandidates(db: Database): Promise<Linked[]> {
  const rows = await docs<Row>(db.collection(PLANS).where({ state: db.command.in(['active', 'closed']) }).orderBy('createdAt', 'desc').limit(50).field(FIELDS))
  return rows.map(welfarePlanStatus)
}

export type VisitRow = Pick<WelfareVisitDoc, '_id' | 'recipient' | 'reason' | 'visitDate' | 'visitors' | 'cashFen' | 'giftFen' | 'fund' | 'state'>

/** Visits done within the year (calendar days). */
export function visitsOfYear(db: Database, year: number): Promise<VisitRow[]> {
  const _ = db.command
  return scanAll<VisitRow>(db, COLLECTIONS.welfareVisits, { state: 'done', visitDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) },
    { recipient: true, reason: true, visitDate: true, visitors: true, cashFen: true, giftFen: true, fund: true, state: true })
}

/** 生病住院 follow-up visits due within [from, to] (`YYYY-MM-DD`) and not yet made: the committee's calendar. */
export function followUpsBetween(db: Database, from: string, to: string): CalendarPart<{ date: string; name: string }> {
  const _ = db.command
  return {
    read: { collection: COLLECTIONS.welfareVisits, where: { reason: '生病住院', state: 'done', followUpOn: _.gte(from).and(_.lte(to)), followedUpBy: _.exists(false) }, fields: { recipient: true, followUpOn: true } },
    days: (rows: Array<Pick<WelfareVisitDoc, '_id' | 'recipient' | 'followUpOn'>>) => rows.map((v) => ({ date: v.followUpOn!, name: v.recipient.name })),
  }
}
