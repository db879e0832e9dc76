/**
 * Roles and removal — every one through the chair lock (chairs.ts), so at least one chair remains
 * under any interleaving, and a chair demoted or removed a moment ago is refused at once.
 * A chair stepping down is a role change on themselves.
 */
import { memberIdInput, removeInput, setRoleInput, type MemberProfile } from '../../types/member'
import { roleLabels } from '../../types/role'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { releaseStaffNoIn } from './claims'
import { underChairLock } from './chairs'
import { members, revisionOf, toProfile } from './store'
import { MEMBER_LABELS } from './labels'

export const roleRoutes = {
  /** member / committee / chair (a second chair is allowed); the last chair cannot step down. */
  setRole: action({
    input: setRoleInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      return underChairLock(ctx, input.memberId, async (t, chairs, m) => {
        if (m.membership !== 'approved') throw new AppError('CONFLICT', '只能给已通过的会员设置身份')
        if (m.role === input.role) return { chairs, result: toProfile(m, { fullPhone: true }) }
        const next = input.role === 'chair' ? [...chairs, m._id] : chairs.filter((id) => id !== m._id)
        await members(t).doc(m._id).update({ data: { role: input.role, updatedAt: ctx.now } })
        await recordAudit(t, ctx, { action: 'member.setRole', target: { kind: 'member', id: m._id, label: m.name }, before: { role: m.role }, after: { role: input.role } })
        return { chairs: next, result: toProfile({ ...m, role: input.role }, { fullPhone: true }) }
      })
    },
  }),

  /** Hands the chair over: the other member becomes chair and the caller a committee member, at once. */
  handOver: action({
    input: memberIdInput,
    role: 'chair',
    async run(ctx, input): Promise<MemberProfile> {
      const me = requireMember(ctx)
      if (input.memberId === me._id) throw new AppError('BAD_INPUT', '请选择另一位会员来接任主席')
      return underChairLock(ctx, input.memberId, async (t, chairs, m) => {
        if (m.membership !== 'approved') throw new AppError('CONFLICT', '只能把主席交给已通过的会员')
        await members(t).doc(m._id).update({ data: { role: 'chair', updatedAt: ctx.now } })
        await members(t).doc(me._id).update({ data: { role: 'committee', updatedAt: ctx.now } })
        await recordAudit(t, ctx, {
          action: 'member.handOver', target: { kind: 'member', id: m._id, label: m.name },
          before: { role: m.role }, after: { role: 'chair' }, note: `${me.name} 改任${roleLabels.committee}`,
        })
        return { chairs: [...chairs.filter((id) => id !== me._id), m._id], result: toProfile({ ...m, role: 'chair' }, { fullPhone: true }) }
      })
    },
  }),

  /** Soft removal: the record and its history stay; access ends with the member's next call; the staff number is freed. */
  remove: action({
    input: removeInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      return underChairLock(ctx, input.memberId, async (t, chairs, m) => {
        if (m.membership !== 'approved') throw new AppError('CONFLICT', '这位不是在册会员，无需移除')
        const next = chairs.filter((id) => id !== m._id)
        if (next.length === 0) throw new AppError('CONFLICT', '不能移除唯一的主席：请先把主席身份交给另一位会员')
        const fields = { membership: 'removed' as const, removedAt: ctx.now, removeReason: input.reason, updatedAt: ctx.now, revision: revisionOf(m) + 1 }
        await members(t).doc(m._id).update({ data: fields })
        await releaseStaffNoIn(t, m.staffNo, m._id)
        await recordAudit(t, ctx, { action: 'member.remove', target: { kind: 'member', id: m._id, label: m.name }, before: { membership: 'approved', role: m.role }, after: { membership: 'removed' }, note: input.reason })
        return { chairs: next, result: toProfile({ ...m, ...fields }, { fullPhone: true }) }
      })
    },
  }),
}
