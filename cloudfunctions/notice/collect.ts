/** Reading whole (bounded) sets 100 documents at a time, for receipts and exports. */
import type { Ctx } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { docs } from '../_shared/query'

/** Every document matching `where`, in `orderBy` order, fetched in pages of MAX_QUERY (stops at `cap`). */
export async function collectAll<T>(
  ctx: Ctx, collection: string, where: Record<string, unknown>, orderBy: [string, 'asc' | 'desc'], fields?: Record<string, boolean>, cap = 5000,
): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < cap; skip += MAX_QUERY) {
    let q = ctx.db.collection(collection).where(where).orderBy(orderBy[0], orderBy[1]).skip(skip).limit(MAX_QUERY)
    if (fields) q = q.field(fields)
    const batch = await docs<T>(q)
    out.push(...batch)
    if (batch.length < MAX_QUERY) break
  }
  return out
}
