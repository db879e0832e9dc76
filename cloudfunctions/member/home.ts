/**
 * member.home: everything 我的 shows when it opens, in one call. A member who is not on the committee
 * gets member.me's answer (2 requests, as before). Committee and chair get it with their 工作台 lines
 * and the 慰问待办 in three requests in all: the caller (the context's), then the desk's two (desk.ts),
 * which read the 代表 label too (congress/profile.ts).
 */
import { memberMeInput, type MemberHomeOutput } from '../../types/member'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import { delegateLabel, delegateLabelPart } from '../congress/profile'
import { readDesk } from './desk'
import { memberMe, visitorMe } from './self'

export const homeRoutes = {
  home: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<MemberHomeOutput> {
      const m = ctx.member
      if (!m) return visitorMe(ctx)
      if (!hasRole(ctx.role, 'committee')) return memberMe(ctx, m, await delegateLabel(ctx.db, m._id))
      const { items, todo, extra } = await readDesk(ctx, { label: delegateLabelPart(m._id) })
      return { ...memberMe(ctx, m, extra.label), desk: items, welfareTodo: todo }
    },
  }),
}
