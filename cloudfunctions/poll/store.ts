/**
 * The poll domain's reads: every query of the ballot engine goes through here (single-document
 * reads, counts, and paged scans of at most MAX_QUERY documents a query).
 */
import type { Database } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { MAX_QUERY } from '../_shared/documents'
import { notFound } from '../_shared/errors'
import { getDoc, total } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import { POLL_COLLECTIONS as C, type ElectorDoc, type PollDoc, type RosterDoc } from './documents'
// The shared reads, re-exported: this domain's files import them from its store.
export { getDoc, scanAll } from '../_shared/query'

export { POLL_COLLECTIONS } from './documents'
export { inTransaction, Retry, type Tx } from '../_shared/transaction'

export const receiptId = (pollId: string, memberId: string) => `${pollId}_${memberId}`

export async function loadPoll(db: Database | Tx, id: string): Promise<PollDoc> {
  return existing(await getDoc<PollDoc>(db, C.polls, id))
}

/** The check of `loadPoll` on a poll read some other way: a discarded draft is as missing as an unknown id. */
export function existing<T extends Pick<PollDoc, 'state'>>(p: T | null | undefined): T {
  if (!p || p.state === 'discarded') throw notFound('投票')
  return p
}

export const loadRoster = (db: Database | Tx, pollId: string) => getDoc<RosterDoc>(db, C.rosters, pollId)
export const loadElector = (db: Database | Tx, pollId: string, memberId: string) => getDoc<ElectorDoc>(db, C.electors, receiptId(pollId, memberId))

export async function countWhere(db: Database, collection: string, where: Record<string, unknown>): Promise<number> {
  return total(db.collection(collection).where(where))
}

export const receiptCount = (db: Database, pollId: string) => countWhere(db, C.receipts, { pollId })

/** Inserts `docs` 100 at a time; a chunk that meets an existing id is inserted one by one, skipping those. */
export async function insertOnce(db: Database, collection: string, docs: Array<{ _id: string }>): Promise<void> {
  for (let i = 0; i < docs.length; i += MAX_QUERY) {
    const chunk = docs.slice(i, i + MAX_QUERY)
    try {
      await db.collection(collection).add({ data: chunk })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      for (const d of chunk) {
        if (await getDoc(db, collection, d._id)) continue
        try { await db.collection(collection).add({ data: d }) } catch (e) { if (!isDuplicateKey(e)) throw e }
      }
    }
  }
}

