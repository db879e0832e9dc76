/**
 * The 代表 of a 教代会 session as an electorate. `congress_delegates` belongs to the 教代会
 * function (issue #16): `{ _id: '<sessionId>_<memberId>', sessionId, memberId, name, constituency,
 * state: 'active' | 'removed' }`. Only this file reads it, so a change there is one change here.
 */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { POLL_COLLECTIONS, type DelegateDoc } from './documents'
import { scanAll } from './store'

/** Member ids of the session's active 代表. */
export async function delegateMemberIds(db: Database, sessionId: string): Promise<string[]> {
  const rows = await scanAll<Pick<DelegateDoc, 'memberId'>>(db, POLL_COLLECTIONS.delegates, { sessionId, state: 'active' }, { memberId: true })
  return rows.map((r) => r.memberId)
}

/** Sessions that have active 代表, with their counts (for the electorate picker). */
export async function delegateSessions(db: Database): Promise<Array<{ sessionId: string; count: number }>> {
  const $ = db.command.aggregate
  const res = (await db.collection(POLL_COLLECTIONS.delegates).aggregate().match({ state: 'active' })
    .group({ _id: '$sessionId', count: $.sum(1) }).sort({ _id: -1 }).limit(MAX_QUERY).end()) as { list: Array<{ _id: string; count: number }> }
  return res.list.map((g) => ({ sessionId: g._id, count: g.count }))
}
