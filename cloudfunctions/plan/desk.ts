/**
 * 工作计划 on the committee's 工作台 (member.desk reads every domain's part at once): the year's items
 * due this month (still open) and the overdue ones (urgent), both opening the plan page. Status is
 * computed as everywhere (status.ts).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import type { Read } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS } from '../congress/documents'
import { POLL_COLLECTIONS } from '../poll/store'
import { PLAN_COLLECTIONS, type PlanItemDoc } from './documents'
import { activityStatus } from './linked-activities'
import { collectionStatus } from './linked-congress'
import { noticeStatus } from './linked-notices'
import { pollStatus } from './linked-polls'
import type { Linked } from './linked-types'
import { welfarePlanStatus } from './linked-welfare'
import { dueDay, itemView } from './status'

const PLAN_PAGE = '/packages/plan/pages/plan/index'

/** Each kind of record a plan item may follow: its collection, the fields its status needs, the status. */
const LINKED: Record<string, { from: string; fields: Record<string, 1>; status: (row: any, now: Date) => Linked }> = {
  activity: { from: COLLECTIONS.activities, fields: { title: 1, state: 1, startAt: 1, endAt: 1, cancelReason: 1 }, status: activityStatus },
  notice: { from: COLLECTIONS.notices, fields: { title: 1, state: 1, publicityEnd: 1, withdrawReason: 1, publishedAt: 1, createdAt: 1, visibility: 1 }, status: noticeStatus },
  welfare: { from: 'welfare_plans', fields: { title: 1, state: 1, plannedDate: 1 }, status: welfarePlanStatus },
  poll: { from: POLL_COLLECTIONS.polls, fields: { title: 1, state: 1, closesAt: 1, openedAt: 1, kind: 1 }, status: pollStatus },
  meeting: { from: PLAN_COLLECTIONS.meetings, fields: { type: 1, date: 1 }, status: (m) => ({ id: m._id, title: `${m.date} ${m.type}`, when: m.date, status: 'done' }) },
  congress: { from: CONGRESS_COLLECTIONS.sessions, fields: { title: 1, meetingDate: 1, collectFrom: 1, collectTo: 1 }, status: collectionStatus },
}

/** 本月计划事项 and 逾期计划事项: open items of this year and last, status as everywhere (plan/status.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const year = Number(today.slice(0, 4))
  return {
    first: { items: { from: PLAN_COLLECTIONS.items, stages: (p) => p.match({ year: _.in([year - 1, year]), state: 'active' }) } },
    second(r) {
      const reads: Record<string, Read> = {}
      for (const [kind, l] of Object.entries(LINKED)) {
        const ids = [...new Set((r.items as PlanItemDoc[]).filter((i) => i.link?.kind === kind).map((i) => i.link!.id))]
        if (ids.length) reads[kind] = { from: l.from, stages: (p) => p.match({ _id: _.in(ids) }).project({ _id: 1, ...l.fields }) }
      }
      return reads
    },
    answer(r, more) {
      const linked = new Map<string, Linked>()
      for (const [kind, rows] of Object.entries(more)) for (const row of rows) linked.set(`${kind}:${row._id}`, LINKED[kind].status(row, ctx.now))
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
