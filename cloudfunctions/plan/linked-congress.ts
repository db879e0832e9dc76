/**
 * Read-only view of `congress_sessions` and `congress_proposals` (教代会 function): an item that
 * follows a session's 提案征集 window, the calendar's congress days, the summary's 提案 figures and the
 * sessions a year's 台帐 files. Only this file reads them.
 */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { ProposalDoc, SessionDoc } from '../congress/documents'
import type { CalendarPart, Linked, LinkSource } from './linked-types'
import { linkedBy } from './linked-read'
import { scanAll } from './store'

const SESSIONS = 'congress_sessions'
const PROPOSALS = 'congress_proposals'
type Row = Pick<SessionDoc, '_id' | 'title' | 'meetingDate' | 'collectFrom' | 'collectTo'>
const FIELDS = { title: true, meetingDate: true, collectFrom: true, collectTo: true }

/** A session's 提案征集 window: 计划中 before it opens, 进行中 while open, 已完成 once closed. */
export function collectionStatus(s: Row, now: Date): Linked {
  const today = shanghaiDate(now)
  const base = { id: s._id, title: `${s.title}提案征集`, when: s.collectTo }
  if (today < s.collectFrom) return { ...base, status: 'planned' }
  return { ...base, status: today <= s.collectTo ? 'ongoing' : 'done' }
}

export const collectionLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: SESSIONS, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: FIELDS }),
  linked: collectionStatus,
})

export const linkedCollections = (db: Database, ids: string[], now: Date) => linkedBy(db, collectionLinks(db), ids, now)

export async function collectionCandidates(db: Database, now: Date): Promise<Linked[]> {
  const rows = await docs<Row>(db.collection(SESSIONS).where({ collectTo: db.command.gte('2000-01-01') }).orderBy('collectTo', 'desc').limit(20).field(FIELDS))
  return rows.map((r) => collectionStatus(r, now))
}

/** The congress days within [from, to] (`YYYY-MM-DD`): collection opening and closing, the meeting. */
export function congressDays(db: Database, from: string, to: string): CalendarPart<{ id: string; date: string; title: string }> {
  const _ = db.command
  const within = _.gte(from).and(_.lte(to))
  // a union holds one or two sessions a year: one page is all of them
  const read = { collection: SESSIONS, where: _.or([{ meetingDate: within }, { collectFrom: within }, { collectTo: within }]) as unknown as Record<string, unknown>, limit: MAX_QUERY, fields: FIELDS }
  const inMonth = (d: string) => d >= from && d <= to
  return { read, days: (rows: Row[]) => rows.flatMap((s) => [
    ...(inMonth(s.collectFrom) ? [{ id: s._id, date: s.collectFrom, title: `提案征集开始：${s.title}` }] : []),
    ...(inMonth(s.collectTo) ? [{ id: s._id, date: s.collectTo, title: `提案征集截止：${s.title}` }] : []),
    ...(inMonth(s.meetingDate) ? [{ id: s._id, date: s.meetingDate, title: s.title }] : []),
  ]) }
}

/** Sessions that met within the year (by their meeting day). */
export function congressSessionsOfYear(db: Database, year: number): Promise<Array<{ _id: string; title: string; meetingDate: string }>> {
  const _ = db.command
  return scanAll(db, SESSIONS, { meetingDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) }, { title: true, meetingDate: true })
}

export type ProposalRow = Pick<ProposalDoc, '_id' | 'state' | 'submittedOn' | 'answers' | 'finalRating'>

/** Proposals first submitted within the year (drafts never count). */
export function proposalsOfYear(db: Database, year: number): Promise<ProposalRow[]> {
  const _ = db.command
  return scanAll<ProposalRow>(db, PROPOSALS, { submittedOn: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) }, { state: true, submittedOn: true, answers: true, finalRating: true })
}
