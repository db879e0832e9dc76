/**
 * 慰问 on the committee's 工作台: two counts of waiting work, each from at most two cheap count
 * queries, both opening the 待办 page where the work is done.
 *  - 慰问待办: today's birthdays + hospital follow-ups due by today (not yet answered by a later visit);
 *    urgent when a follow-up is already overdue.
 *  - 节日计划未走访: entries of active holiday plans still to visit.
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY } from '../_shared/documents'
import { docs, total } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import type { WelfarePlanDoc } from './documents'
import { dueFollowUps } from './follow-ups'
import { PLANS, VISITS } from './store'

const TODO_PAGE = '/packages/welfare/pages/todo/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const today = shanghaiDate(ctx.now)
  const _ = ctx.db.command
  const [birthdays, followUps, overdue, active] = await Promise.all([
    total(ctx.db.collection(COLLECTIONS.members).where({ membership: 'approved', birthday: today.slice(5) })),
    total(dueFollowUps(ctx, addDays(today, -30), today)),
    total(dueFollowUps(ctx, addDays(today, -30), addDays(today, -1))),
    docs<Pick<WelfarePlanDoc, '_id'>>(ctx.db.collection(PLANS).where({ state: 'active' }).limit(MAX_QUERY).field({ _id: true })),
  ])
  const unvisited = active.length ? await total(ctx.db.collection(VISITS).where({ planId: _.in(active.map((p) => p._id)), state: 'planned' })) : 0
  return [
    { key: 'welfare.todo', title: '慰问待办', count: birthdays + followUps, url: TODO_PAGE, urgent: overdue > 0 },
    { key: 'welfare.plans', title: '节日计划未走访', count: unvisited, url: TODO_PAGE, urgent: false },
  ]
}
