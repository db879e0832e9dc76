/**
 * 工作计划 on the committee's 工作台 (member.desk reads every domain's part at once): the year's items
 * due this month (still open) and the overdue ones (urgent), both opening the plan page. Status is
 * computed as everywhere (status.ts).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import { readOf } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { PLAN_COLLECTIONS, type PlanItemDoc } from './documents'
import { dueDay, itemView, linkReads, type LinkReads } from './status'

const PLAN_PAGE = '/packages/plan/pages/plan/index'

/** 本月计划事项 and 逾期计划事项: open items of this year and last, status as everywhere (plan/status.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const year = Number(today.slice(0, 4))
  // the linked records as every plan page reads them (status.ts): made once from the items the first request found
  let links: LinkReads | undefined
  const linksOf = (items: PlanItemDoc[]) => (links ??= linkReads(ctx.db, items))
  return {
    first: { items: { from: PLAN_COLLECTIONS.items, stages: (p) => p.match({ year: _.in([year - 1, year]), state: 'active' }) } },
    second: (r) => Object.fromEntries(Object.entries(linksOf(r.items as PlanItemDoc[]).queries).map(([key, q]) => [key, readOf(q)])),
    answer(r, more) {
      const linked = linksOf(r.items as PlanItemDoc[]).linked(more, ctx.now)
      const open = (r.items as PlanItemDoc[]).map((i) => itemView(i, linked, ctx.now)).filter((i) => i.status !== 'done' && i.status !== 'cancelled')
      const month = today.slice(0, 7)
      const thisMonth = open.filter((i) => !i.overdue && dueDay(i).slice(0, 7) === month).length
      const overdue = open.filter((i) => i.overdue).length
      return [
        { key: 'plan.month', title: '本月计划事项', count: thisMonth, url: PLAN_PAGE, urgent: false },
        { key: 'plan.overdue', title: '逾期计划事项', count: overdue, url: PLAN_PAGE, urgent: overdue > 0 },
      ]
    },
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  return deskLinesAlone(ctx, deskPart(ctx))
}
