/**
 * 代表 status on the member's profile (member.me): “第N届教代会代表” while the member is an active 代表
 * of some session — the latest by 届/次, read from the readable session id (types/congress.ts). One
 * indexed query (congress_delegates.member_state), so 我的 stays as fast as it was.
 */
import { sessionTermOf } from '../../types/congress'
import type { Database } from '../_shared/context'
import { docs } from '../_shared/query'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc } from './documents'

export async function delegateLabel(db: Database, memberId: string): Promise<string | undefined> {
  const rows = await docs<Pick<DelegateDoc, 'sessionId'>>(db.collection(C.delegates).where({ memberId, state: 'active' }).limit(20).field({ sessionId: true }))
  const terms = rows.map((r) => sessionTermOf(r.sessionId)).filter((t): t is { term: number; meeting: number } => t !== null)
  if (terms.length === 0) return undefined
  const latest = terms.reduce((a, b) => (b.term * 100 + b.meeting > a.term * 100 + a.meeting ? b : a))
  return `第${latest.term}届教代会代表`
}
