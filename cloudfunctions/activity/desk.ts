/**
 * The activity lines of the committee's 工作台 (member.desk reads every domain's part at once):
 *  - 报名待审核: registrations holding a place until an organiser approves them (urgent once the
 *    activity's sign-up has closed: people wait for an answer past the deadline);
 *  - 今明两天待签到: confirmed members not yet checked in, for activities running or starting today or
 *    tomorrow (Shanghai days; 按名单签到 for those without a phone happens on the roster).
 * A line links to the one activity's roster when only one activity has the work, else to 组织活动.
 */
import type { DeskItem } from '../../types/desk'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc } from '../_shared/documents'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import type { Read } from '../_shared/query'
import { addDays, shanghaiDate, startOfShanghaiDay } from '../_shared/time'

const MANAGE_ACTIVITIES = '/packages/activity/pages/manage/index'
const activityRoster = (id: string, filter: string) => `/packages/activity/pages/roster/index?id=${encodeURIComponent(id)}&filter=${filter}`
type CountedActivity = Pick<ActivityDoc, '_id' | 'pendingCount' | 'signupEndAt' | 'confirmedCount' | 'checkedInCount'>

/** 报名待审核 and 今明两天待签到 (activity/desk.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const afterTomorrow = startOfShanghaiDay(addDays(shanghaiDate(ctx.now), 2))
  const counted = { _id: 1, pendingCount: 1, signupEndAt: 1, confirmedCount: 1, checkedInCount: 1 }
  const list = (where: Record<string, unknown>): Read => ({ from: COLLECTIONS.activities, stages: (p) => p.match(where).limit(100).project(counted) })
  return {
    first: {
      pending: list({ state: 'published', pendingCount: _.gt(0) }),
      running: list({ state: 'published', startAt: _.lt(afterTomorrow), endAt: _.gt(ctx.now) }),
    },
    answer(r) {
      const pending = r.pending as CountedActivity[]
      const unchecked = (r.running as CountedActivity[]).map((a) => ({ id: a._id, n: a.confirmedCount - a.pendingCount - (a.checkedInCount ?? 0) })).filter((a) => a.n > 0)
      return [
        {
          key: 'activity.pending', title: '报名待审核', count: pending.reduce((n, a) => n + a.pendingCount, 0),
          url: pending.length === 1 ? activityRoster(pending[0]._id, 'pending') : MANAGE_ACTIVITIES,
          urgent: pending.some((a) => new Date(a.signupEndAt).getTime() <= ctx.now.getTime()),
        },
        {
          key: 'activity.checkin', title: '今明两天待签到', count: unchecked.reduce((n, a) => n + a.n, 0),
          url: unchecked.length === 1 ? activityRoster(unchecked[0].id, 'confirmed') : MANAGE_ACTIVITIES,
          urgent: false,
        },
      ]
    },
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (!hasRole(ctx.role, 'committee')) return []
  return deskLinesAlone(ctx, deskPart(ctx))
}
