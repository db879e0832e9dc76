/**
 * Read-only view of `polls` (poll function): item status, picker, the summary's polls held and the
 * archive's list. Only this file reads them.
 */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { PollDoc } from '../poll/documents'
import type { Linked, LinkSource } from './linked-types'
import { linkedBy } from './linked-read'
import { scanAll } from './store'

const POLLS = 'polls'
type Row = Pick<PollDoc, '_id' | 'title' | 'state' | 'closesAt' | 'openedAt' | 'kind'>
const FIELDS = { title: true, state: true, closesAt: true, openedAt: true, kind: true }

export function pollStatus(p: Row): Linked {
  const base = { id: p._id, title: p.title, when: shanghaiDate(new Date(p.closesAt)) }
  if (p.state === 'discarded') return { ...base, status: 'cancelled', cancelReason: '投票草稿已放弃' }
  if (p.state === 'closed' || p.state === 'publishing' || p.state === 'published') return { ...base, status: 'done' }
  if (p.state === 'open' || p.state === 'opening' || p.state === 'closing') return { ...base, status: 'ongoing' }
  return { ...base, status: 'planned' }
}

export const pollLinks = (db: Database): LinkSource => ({
  read: (ids) => ({ collection: POLLS, where: { _id: db.command.in(ids) }, limit: MAX_QUERY, fields: FIELDS }),
  linked: (row: Row) => pollStatus(row),
})

export const linkedPolls = (db: Database, ids: string[]) => linkedBy(db, pollLinks(db), ids)

export async function pollCandidates(db: Database): Promise<Linked[]> {
  const rows = await docs<Row>(db.collection(POLLS).where({ state: db.command.neq('discarded') }).orderBy('createdAt', 'desc').limit(50).field(FIELDS))
  return rows.map(pollStatus)
}

/** Whether a poll has counted results a report can be made of. */
export const pollCounted = (p: Pick<PollDoc, 'state'>) => p.state === 'closed' || p.state === 'publishing' || p.state === 'published'

/** Polls opened within [from, to) and not discarded: 测评/评选/票决 held that year. */
export function pollsHeld(db: Database, from: Date, to: Date): Promise<Row[]> {
  const _ = db.command
  return scanAll<Row>(db, POLLS, { openedAt: _.gte(from).and(_.lt(to)), state: _.neq('discarded') }, FIELDS)
}
