import * as z from 'zod/mini'

/**
 * One line of the committee's 工作台 (我的): a count of waiting work and where to do it. Each
 * domain counts its own (cloudfunctions/<domain>/desk.ts); member.desk gathers them in one call.
 * `count` 0 lines are still returned so the desk shows "无" rather than hiding the kind of work.
 */
export const deskItem = z.object({
  /** stable key, e.g. 'member.queue', 'opinion.overdue' */
  key: z.string(),
  /** what waits, as a chair would say it: 入会审核, 逾期意见 */
  title: z.string(),
  count: z.int(),
  /** page that opens the waiting work, e.g. '/packages/member/pages/queue/index' */
  url: z.string(),
  /** true when waiting is already late (overdue): shown in the warning colour */
  urgent: z.boolean(),
})
export type DeskItem = z.infer<typeof deskItem>

export const deskOutput = z.object({ items: z.array(deskItem) })
export type DeskOutput = z.infer<typeof deskOutput>
