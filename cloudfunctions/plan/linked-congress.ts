/**
 * Read-only view of `congress_sessions` (教代会 function): the sessions a year's 台帐 files. Only this
 * file reads them.
 */
import type { Database } from '../_shared/context'
import { scanAll } from './store'

const SESSIONS = 'congress_sessions'

/** Sessions that met within the year (by their meeting day). */
export function congressSessionsOfYear(db: Database, year: number): Promise<Array<{ _id: string; title: string; meetingDate: string }>> {
  const _ = db.command
  return scanAll(db, SESSIONS, { meetingDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) }, { title: true, meetingDate: true })
}
