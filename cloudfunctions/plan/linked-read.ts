/** Reading linked records of one kind by id, MAX_QUERY ids a query (an `$in` never above 100 values). */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { readAlone } from '../_shared/query'
import type { Linked, LinkSource } from './linked-types'

/** `ids` in runs of at most MAX_QUERY. */
export function idChunks(ids: string[]): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += MAX_QUERY) out.push(ids.slice(i, i + MAX_QUERY))
  return out
}

/** The linked records of one kind, read on their own (one query per MAX_QUERY ids); `now` for the kinds whose status depends on it. */
export async function linkedBy(db: Database, source: LinkSource, ids: string[], now = new Date()): Promise<Map<string, Linked>> {
  const out = new Map<string, Linked>()
  for (const chunk of idChunks(ids)) for (const r of await readAlone<{ _id: string }>(db, source.read(chunk))) out.set(r._id, source.linked(r, now))
  return out
}
