import * as z from 'zod/mini'
import { memberStatus, role } from './role'

/** member.me → who am I. `member` is null for visitors (including removed or rejected members). */
export const memberMeInput = z.object({})
export const memberSummary = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: memberStatus,
  roleLabel: z.string(),
})
export type MemberSummary = z.infer<typeof memberSummary>
export const memberMeOutput = z.object({ role, member: z.nullable(memberSummary) })
export type MemberMeOutput = z.infer<typeof memberMeOutput>
