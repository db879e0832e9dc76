import { memberMeInput, type MemberMeOutput } from '../../types/member'
import { roleLabels } from '../../types/role'
import { action } from '../_shared/dispatch'

export const routes = {
  /** Who the caller is, as the server sees it (from the WeChat identity only). */
  me: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<MemberMeOutput> {
      const m = ctx.member
      return {
        role: ctx.role,
        member: m ? { id: m._id, name: m.name, department: m.department, status: m.status, roleLabel: roleLabels[ctx.role] } : null,
      }
    },
  }),
}
