/**
 * member.home: everything 我的 shows when it opens, in one call. A member who is not on the committee
 * gets member.me's answer (2 requests, as before). Committee and chair get it with their 工作台 lines
 * and the 慰问待办 in three requests in all: the caller (the context's), then the desk's two (desk.ts),
 * which read the 代表 label too.
 */
import { sessionTermOf } from '../../types/congress'
import { memberMeInput, type MemberHomeOutput } from '../../types/member'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import type { Part } from '../_shared/query'
import { CONGRESS_COLLECTIONS } from '../congress/documents'
import { delegateLabel } from '../congress/profile'
import { readDesk } from './desk'
import { memberMe, visitorMe } from './self'

/** The 代表 label as congress/profile.ts makes it (the latest session the member is an active 代表 of), as a read. */
function delegatePart(memberId: string): Part<string | undefined> {
  return {
    first: { rows: { from: CONGRESS_COLLECTIONS.delegates, stages: (p) => p.match({ memberId, state: 'active' }).limit(20).project({ sessionId: 1 }) } },
    answer(r) {
      const terms = r.rows.map((d: { sessionId: string }) => sessionTermOf(d.sessionId)).filter((t): t is { term: number; meeting: number } => t !== null)
      if (terms.length === 0) return undefined
      const latest = terms.reduce((a, b) => (b.term * 100 + b.meeting > a.term * 100 + a.meeting ? b : a))
      return `第${latest.term}届教代会代表`
    },
  }
}

export const homeRoutes = {
  home: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<MemberHomeOutput> {
      const m = ctx.member
      if (!m) return visitorMe(ctx)
      if (!hasRole(ctx.role, 'committee')) return memberMe(ctx, m, await delegateLabel(ctx.db, m._id))
      const { items, todo, extra } = await readDesk(ctx, { label: delegatePart(m._id) })
      return { ...memberMe(ctx, m, extra.label), desk: items, welfareTodo: todo }
    },
  }),
}
