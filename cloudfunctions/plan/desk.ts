/**
 * 工作计划 on the committee's 工作台: the year's items due this month (still open) and the overdue
 * ones (urgent), both opening the plan page. Status is computed as everywhere (status.ts).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { shanghaiDate } from '../_shared/time'
import { openItems } from './reminders'

const PLAN_PAGE = '/packages/plan/pages/plan/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const { thisMonth, overdue } = await openItems(ctx, shanghaiDate(ctx.now))
  return [
    { key: 'plan.month', title: '本月计划事项', count: thisMonth.length, url: PLAN_PAGE, urgent: false },
    { key: 'plan.overdue', title: '逾期计划事项', count: overdue.length, url: PLAN_PAGE, urgent: overdue.length > 0 },
  ]
}
