/**
 * The activity lines of the committee's 工作台 (gathered by member.desk), two queries:
 *  - 报名待审核: registrations holding a place until an organiser approves them (urgent once the
 *    activity's sign-up has closed: people wait for an answer past the deadline);
 *  - 今明两天待签到: confirmed members not yet checked in, for activities running or starting within
 *    a day (按名单签到 for those without a phone happens on the roster).
 * A line links to the one activity's roster when only one activity has the work, else to 组织活动.
 */
import type { DeskItem } from '../../types/desk'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import type { ActivityDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { ACTIVITIES } from './store'

const MANAGE = '/packages/activity/pages/manage/index'
const roster = (id: string, filter?: string) => `/packages/activity/pages/roster/index?id=${encodeURIComponent(id)}${filter ? `&filter=${filter}` : ''}`

type Counted = Pick<ActivityDoc, '_id' | 'pendingCount' | 'signupEndAt' | 'confirmedCount' | 'checkedInCount'>

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (!hasRole(ctx.role, 'committee')) return []
  const _ = ctx.db.command
  const activities = ctx.db.collection(ACTIVITIES)
  const soon = new Date(ctx.now.getTime() + 86400_000)
  const counted = { pendingCount: true, signupEndAt: true, confirmedCount: true, checkedInCount: true }
  const [pending, running] = await Promise.all([
    docs<Counted>(activities.where({ state: 'published', pendingCount: _.gt(0) }).field(counted).limit(100)),
    docs<Counted>(activities.where({ state: 'published', startAt: _.lte(soon), endAt: _.gt(ctx.now) }).field(counted).limit(100)),
  ])
  const waiting = pending.reduce((n, a) => n + a.pendingCount, 0)
  const unchecked = running.map((a) => ({ id: a._id, n: a.confirmedCount - a.pendingCount - (a.checkedInCount ?? 0) })).filter((a) => a.n > 0)
  return [
    {
      key: 'activity.pending', title: '报名待审核', count: waiting,
      url: pending.length === 1 ? roster(pending[0]._id, 'pending') : MANAGE,
      urgent: pending.some((a) => a.signupEndAt.getTime() <= ctx.now.getTime()),
    },
    {
      key: 'activity.checkin', title: '今明两天待签到', count: unchecked.reduce((n, a) => n + a.n, 0),
      url: unchecked.length === 1 ? roster(unchecked[0].id, 'confirmed') : MANAGE,
      urgent: false,
    },
  ]
}
