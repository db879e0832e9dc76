/**
 * The month's calendar. Members see published activities, 公示期 ends, the congress (提案征集 opening and
 * closing, the meeting) and plan items marked public; the committee sees every item, meetings, birthdays
 * and due 回访 (hospital follow-up visits) as well. Entries are sorted by day, with
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
import { congressDays } from './linked-congress'
import { followUpsBetween } from './linked-welfare'
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
  const first = `${month}-01`
  const last = `${month}-31`
  const [acts, ends, congress, items, meetings, birthdays, followUps] = await Promise.all([
    activitiesBetween(ctx.db, from, to), publicityEndsBetween(ctx.db, from, to, true), congressDays(ctx.db, first, last), scanAll<PlanItemDoc>(ctx.db, C.items, where),
    full ? scanAll<MeetingDoc>(ctx.db, C.meetings, { year, date: ctx.db.command.gte(first).and(ctx.db.command.lte(last)) }, { type: true, date: true }) : [],
    full ? birthdaysInMonth(ctx.db, month.slice(5)) : [],
    full ? followUpsBetween(ctx.db, first, last) : [],
  ])
  const entries: Entry[] = [
    ...acts.map((a): Entry => ({ date: a.date, kind: 'activity', title: a.title, url: `/packages/activity/pages/detail/index?id=${a.id}` })),
    ...ends.map((n): Entry => ({ date: n.date, kind: 'publicityEnd', title: `公示期满：${n.title}`, url: `/packages/notice/pages/detail/index?id=${n.id}` })),
    ...congress.map((c): Entry => ({ date: c.date, kind: 'congress', title: c.title, url: '/packages/congress/pages/board/index' })),
    ...(await itemViews(ctx.db, items, ctx.now)).map((i): Entry => ({ ...(i.date ? { date: i.date } : {}), kind: 'item', title: i.title, status: i.status })),
    ...meetings.map((x): Entry => ({ date: x.date, kind: 'meeting', title: x.type, url: `/packages/plan/pages/meeting/index?id=${x._id}` })),
    ...birthdays.map((b): Entry => ({ date: `${year}-${b.birthday}`, kind: 'birthday', title: `${b.name} 生日` })),
    ...followUps.map((f): Entry => ({ date: f.date, kind: 'followUp', title: `回访：${f.name}`, url: '/packages/welfare/pages/todo/index' })),
  ]
  entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  return { month, full, entries }
}
