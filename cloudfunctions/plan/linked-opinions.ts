/**
 * Read-only view of `opinions` (opinion function) for the summary and the archive's ledger.
 * Anonymous items carry no identity here either: only category, text, dates, state and replies are read.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { scanAll } from './store'

export type OpinionRow = Pick<OpinionDoc, '_id' | 'category' | 'text' | 'anonymous' | 'visibleOn' | 'state' | 'replies' | 'firstReplyDays' | 'memberId'>

/** Opinions the union received in the year (released: visibleOn within it). */
export function opinionsOfYear(db: Database, year: number): Promise<OpinionRow[]> {
  const _ = db.command
  return scanAll<OpinionRow>(db, COLLECTIONS.opinions, { visibleOn: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) },
    { category: true, text: true, anonymous: true, visibleOn: true, state: true, replies: true, firstReplyDays: true, memberId: true })
}
