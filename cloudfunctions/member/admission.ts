/**
 * Becoming an approved member, by any path (bound group, invite, roster, the committee's approval,
 * a roster import that confirms a waiting applicant). Whatever the path:
 *  - the record becomes `approved` with role `member` — never a role it had before a removal;
 *  - its staff number is claimed in the same transaction (claims.ts), so a number another member
 *    holds refuses the admission;
 *  - the audit entry is written in the same transaction: `member.join` for a path that admitted a
 *    newcomer, `member.rejoin` when a removed member came back, `member.approve` for the committee.
 */
import type { Ctx } from '../_shared/context'
import type { MemberDoc } from '../_shared/documents'
import { recordAudit } from '../_shared/audit'
import type { Tx } from '../_shared/transaction'
import { claimStaffNoIn } from './claims'
import { members, revisionOf } from './store'
import type { JoinPath } from '../_shared/audit-words'

export { PATH_LABELS, type JoinPath } from '../_shared/audit-words'

/** The fields an admission writes (role always back to plain member). */
export function admittedFields(ctx: Ctx, m: MemberDoc, via: JoinPath): Record<string, unknown> {
  return { membership: 'approved', role: 'member', joinedVia: via, approvedAt: ctx.now, updatedAt: ctx.now, revision: revisionOf(m) + 1, returning: ctx.db.command.remove() }
}

/**
 * Inside a transaction: `m` (as stored now, pending or being reopened) becomes an approved plain
 * member. `byCommittee` names the committee member who approved it; otherwise the applicant's own
 * application admitted them and they are the actor of the audit entry.
 */
export async function admitIn(t: Tx, ctx: Ctx, m: MemberDoc, via: JoinPath, opts: { byCommittee: boolean; note?: string }): Promise<MemberDoc> {
  await claimStaffNoIn(t, m.staffNo, m._id, ctx.now)
  await members(t).doc(m._id).update({ data: admittedFields(ctx, m, via) })
  const admitted: MemberDoc = { ...m, membership: 'approved', role: 'member', joinedVia: via, approvedAt: ctx.now, updatedAt: ctx.now, revision: revisionOf(m) + 1, returning: undefined }
  const returning = Boolean(m.returning)
  const action = opts.byCommittee ? 'member.approve' : returning ? 'member.rejoin' : 'member.join'
  await recordAudit(t, ctx, {
    action,
    target: { kind: 'member', id: m._id, label: m.name },
    before: { membership: returning ? 'removed' : 'pending' },
    after: { membership: 'approved', role: 'member', joinedVia: via },
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.byCommittee ? {} : { actor: admitted }),
  })
  return admitted
}
