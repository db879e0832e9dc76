import * as z from 'zod/mini'
import { instant, pageInput, paged } from './common'

export const activityCategories = ['文体', '节日', '体检', '疗休养', '培训', '其他'] as const
export const activityCategory = z.enum(activityCategories)
export type ActivityCategory = z.infer<typeof activityCategory>

/**
 * Computed from the clock and the counts: upcoming (sign-up not open yet), open, full (capacity
 * reached; waitlist may still take people), closed (sign-up over, not started), ongoing, ended,
 * cancelled.
 */
export const activityStatus = z.enum(['upcoming', 'open', 'full', 'closed', 'ongoing', 'ended', 'cancelled'])
export type ActivityStatus = z.infer<typeof activityStatus>

export const activityListInput = z.object({ page: pageInput })
export const activityListItem = z.object({
  id: z.string(),
  title: z.string(),
  category: activityCategory,
  place: z.string(),
  startAt: instant,
  endAt: instant,
  signupStartAt: instant,
  signupEndAt: instant,
  /** 0 = unlimited */
  capacity: z.int(),
  confirmedCount: z.int(),
  waitlistCount: z.int(),
  status: activityStatus,
})
export type ActivityListItem = z.infer<typeof activityListItem>
export const activityListOutput = paged(activityListItem)
export type ActivityListOutput = z.infer<typeof activityListOutput>
