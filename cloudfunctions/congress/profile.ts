/**
 * 代表 status on the member's profile (member.me): “第N届教代会代表” while the member is an active 代表
 * of some session — the latest by 届/次, read from the readable session id (types/congress.ts). One
 * indexed query (congress_delegates.member_state), so 我的 stays as fast as it was. The query and the
 * label are written once here: read alone (`delegateLabel`) or as a part of a page's reads (`delegateLabelPart`).
 */
import { sessionTermOf } from '../../types/congress'
import type { Database } from '../_shared/context'
import { readAlone, readOf, type Part, type Query } from '../_shared/query'
import { CONGRESS_COLLECTIONS as C, type DelegateDoc } from './documents'

type Row = Pick<DelegateDoc, 'sessionId'>

/** The member's active 代表 rows (a member is 代表 of a handful of sessions at most). */
const delegateRows = (memberId: string): Query => ({ collection: C.delegates, where: { memberId, state: 'active' }, limit: 20, fields: { sessionId: true } })

/** The label of the latest session among `rows`, or undefined when there is none. */
function labelOf(rows: Row[]): string | undefined {
  const terms = rows.map((r) => sessionTermOf(r.sessionId)).filter((t): t is { term: number; meeting: number } => t !== null)
  if (terms.length === 0) return undefined
  const latest = terms.reduce((a, b) => (b.term * 100 + b.meeting > a.term * 100 + a.meeting ? b : a))
  return `第${latest.term}届教代会代表`
}

/** The 代表 label in one request of its own. */
export async function delegateLabel(db: Database, memberId: string): Promise<string | undefined> {
  return labelOf(await readAlone<Row>(db, delegateRows(memberId)))
}

/** The 代表 label as a part of a page read with others (`answerParts`): the same query, the same label. */
export function delegateLabelPart(memberId: string): Part<string | undefined> {
  return { first: { rows: readOf(delegateRows(memberId)) }, answer: (r) => labelOf(r.rows as Row[]) }
}
