/**
 * The month's calendar. Members see published activities, 公示期 ends and plan items marked public;
 * the committee sees every item, meetings and birthdays as well. Entries are sorted by day, with
 * month-wide items (no day) first.
 */
import dayjs from 'dayjs'
import { hasRole } from '../../types/role'
import type { CalendarOutput } from '../../types/plan'
import type { Ctx } from '../_shared/context'
import { startOfShanghaiDay } from '../_shared/time'
import type { MeetingDoc } from './documents'
import { activitiesBetween } from './linked-activities'
import { birthdaysInMonth } from './linked-members'
import { publicityEndsBetween } from './linked-notices'
import { PLAN_COLLECTIONS as C, scanAll } from './store'
import { itemViews } from './status'
import type { PlanItemDoc } from './documents'

type Entry = CalendarOutput['entries'][number]

export async function calendar(ctx: Ctx, month: string): Promise<CalendarOutput> {
  const full = hasRole(ctx.role, 'committee')
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const from = startOfShanghaiDay(`${month}-01`)
  const to = startOfShanghaiDay(dayjs(`${month}-01T00:00:00Z`).add(1, 'month').format('YYYY-MM-DD'))
  const where: Record<string, unknown> = { year, month: m, state: 'active' }
  if (!full) where.public = true
  const [acts, ends, items, meetings, birthdays] = await Promise.all([
    activitiesBetween(ctx.db, from, to), publicityEndsBetween(ctx.db, from, to, true), scanAll<PlanItemDoc>(ctx.db, C.items, where),
    full ? scanAll<MeetingDoc>(ctx.db, C.meetings, { year, date: ctx.db.command.gte(`${month}-01`).and(ctx.db.command.lte(`${month}-31`)) }, { type: true, date: true }) : [],
    full ? birthdaysInMonth(ctx.db, month.slice(5)) : [],
  ])
  const entries: Entry[] = [
    ...acts.map((a): Entry => ({ date: a.date, kind: 'activity', title: a.title, url: `/packages/activity/pages/detail/index?id=${a.id}` })),
    ...ends.map((n): Entry => ({ date: n.date, kind: 'publicityEnd', title: `公示期满：${n.title}`, url: `/packages/notice/pages/detail/index?id=${n.id}` })),
    ...(await itemViews(ctx.db, items, ctx.now)).map((i): Entry => ({ ...(i.date ? { date: i.date } : {}), kind: 'item', title: i.title, status: i.status })),
    ...meetings.map((x): Entry => ({ date: x.date, kind: 'meeting', title: x.type, url: `/packages/plan/pages/meeting/index?id=${x._id}` })),
    ...birthdays.map((b): Entry => ({ date: `${year}-${b.birthday}`, kind: 'birthday', title: `${b.name} 生日` })),
  ]
  entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  return { month, full, entries }
}
