import * as z from 'zod/mini'

/**
 * Who the caller is, resolved in the cloud function from getWXContext().OPENID only.
 * visitor: no member record (or removed/rejected); applicant: waiting for approval.
 */
export const roles = ['visitor', 'applicant', 'member', 'committee', 'chair'] as const
export const role = z.enum(roles)
export type Role = z.infer<typeof role>

/** Higher includes lower: a chair may do what a committee member may do, and so on. */
export const roleRank: Record<Role, number> = { visitor: 0, applicant: 1, member: 2, committee: 3, chair: 4 }
export function hasRole(actual: Role, required: Role): boolean {
  return roleRank[actual] >= roleRank[required]
}

export const roleLabels: Record<Role, string> = {
  visitor: '访客',
  applicant: '待审核',
  member: '会员',
  committee: '委员',
  chair: '主席',
}

/** 在职 / 离退休 — the member's employment status (a term of art; stored as these values). */
export const memberStatuses = ['在职', '离退休'] as const
export const memberStatus = z.enum(memberStatuses)
export type MemberStatus = z.infer<typeof memberStatus>

/** Lifecycle of a member record. Only `approved` grants member rights; `removed` is a soft delete. */
export const memberships = ['pending', 'approved', 'rejected', 'removed'] as const
export const membership = z.enum(memberships)
export type Membership = z.infer<typeof membership>

/** The role stored on an approved member record. */
export const memberRoles = ['member', 'committee', 'chair'] as const
export const memberRole = z.enum(memberRoles)
export type MemberRole = z.infer<typeof memberRole>
