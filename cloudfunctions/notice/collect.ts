/** Reading whole (bounded) sets, for receipts and exports. */
import type { Ctx } from '../_shared/context'
import { docs } from '../_shared/query'

/** The most documents one server-side get() returns (wx-server-sdk's own cap): 600 members are one request. */
const BATCH = 1000

/** Every document matching `where`, in `orderBy` order, fetched in pages of 1000 (stops at `cap`). */
export async function collectAll<T>(
  ctx: Ctx, collection: string, where: Record<string, unknown>, orderBy: [string, 'asc' | 'desc'], fields?: Record<string, boolean>, cap = 5000,
): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < cap; skip += BATCH) {
    let q = ctx.db.collection(collection).where(where).orderBy(orderBy[0], orderBy[1]).skip(skip).limit(Math.min(BATCH, cap - skip))
    if (fields) q = q.field(fields)
    const batch = await docs<T>(q)
    out.push(...batch)
    if (batch.length < Math.min(BATCH, cap - skip)) break
  }
  return out
}
