/**
 * At least one chair, always — under any interleaving of hand-over, role change, stepping down
 * (a role change on oneself) and removal. Guaranteed by ONE serialized write path:
 *  1. the lock document app_meta 'chairs' lists the member ids of the chairs;
 *  2. every change of a role or of an approved membership runs `underChairLock`: one transaction
 *     that reads the lock document, re-reads the members it touches, refuses when the caller is no
 *     longer a chair or when no chair would remain, and writes the members, the lock document and
 *     the audit entry together;
 *  3. every such transaction writes the lock document, so no two of them commit on the same list:
 *     PGlite runs transactions one at a time, and on the PostgreSQL server (and the real cloud) the
 *     later writer of the lock aborts with a conflict and is run again on fresh data (inTransaction).
 * Nothing else writes `role`, and admission always writes 'member', so the lock document and the
 * members' roles never disagree.
 */
import { requireMember, type Ctx, type Database } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { inTransaction, type Tx } from '../_shared/transaction'
import { isDuplicateKey } from '../_shared/create-once'
import { META, getDoc, memberById } from './store'

export interface ChairsDoc {
  _id: string
  /** member ids of the approved chairs */
  ids: string[]
}

export const NO_CHAIR_LEFT = '至少要保留一位主席：请先把主席身份交给另一位会员'

/** Creates the lock document from the members when a deployment has none yet (before claims existed). */
async function ensureLock(db: Database): Promise<void> {
  if (await getDoc<ChairsDoc>(db, COLLECTIONS.appMeta, META.chairs)) return
  const chairs = await docs<MemberDoc>(db.collection(COLLECTIONS.members).where({ membership: 'approved', role: 'chair' }).limit(10))
  try {
    await db.collection(COLLECTIONS.appMeta).add({ data: { _id: META.chairs, ids: chairs.map((m) => m._id) } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}

/** Inside a transaction: the lock document, written back so concurrent changes serialize on it. */
export async function writeChairsIn(t: Tx, ids: string[]): Promise<void> {
  await t.collection(COLLECTIONS.appMeta).doc(META.chairs).set({ data: { ids } })
}

export interface LockedChange<T> {
  /** the chairs after the change (must not be empty) */
  chairs: string[]
  result: T
}

/**
 * Runs `change` serialized with every other change that can take the chair role from someone.
 * `change` receives the transaction, the current chairs and the target member as stored now; it
 * writes the members (and the audit entry) and returns the chairs afterwards.
 */
export async function underChairLock<T>(ctx: Ctx, targetId: string, change: (t: Tx, chairs: string[], target: MemberDoc) => Promise<LockedChange<T>>): Promise<T> {
  const me = requireMember(ctx)
  await ensureLock(ctx.db)
  return inTransaction(ctx.db, async (t) => {
    const lock = await getDoc<ChairsDoc>(t, COLLECTIONS.appMeta, META.chairs)
    const chairs = lock?.ids ?? []
    if (!chairs.includes(me._id)) throw new AppError('FORBIDDEN', '你已不是工会主席，无法进行此操作。请回到"我的"页刷新')
    const target = await memberById(t, targetId)
    const out = await change(t, chairs, target)
    if (out.chairs.length === 0) throw new AppError('CONFLICT', NO_CHAIR_LEFT)
    await writeChairsIn(t, [...new Set(out.chairs)])
    return out.result
  })
}
