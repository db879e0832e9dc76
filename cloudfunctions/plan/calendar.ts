/**
 * The month's calendar. Members see published activities, 公示期 ends, the congress (提案征集 opening and
 * closing, the meeting) and plan items marked public; the committee sees every item, meetings, birthdays
 * and due 回访 (hospital follow-up visits) as well. Entries are sorted by day, with
 * month-wide items (no day) first.
 *
 * At most 3 requests with the caller: every source of the month in one aggregate anchored on the caller's
 * own member record (a lookup per source, each the source's own indexed query), then the records the
 * month's items follow, every kind in one more (status.ts), only when an item is linked.
 */
import dayjs from 'dayjs'
import { hasRole } from '../../types/role'
import type { CalendarOutput } from '../../types/plan'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { queriesAt, type Query } from '../_shared/query'
import { startOfShanghaiDay } from '../_shared/time'
import type { MeetingDoc, PlanItemDoc } from './documents'
import { activitiesBetween } from './linked-activities'
import { birthdaysInMonth } from './linked-members'
import { congressDays } from './linked-congress'
import { followUpsBetween } from './linked-welfare'
import { publicityEndsBetween } from './linked-notices'
import type { CalendarPart } from './linked-types'
import { PLAN_COLLECTIONS as C } from './store'
import { itemViews } from './status'

type Entry = CalendarOutput['entries'][number]

/** A source read as it is (the items and meetings, turned into entries below). */
const rowsOf = <T>(read: Query): CalendarPart<T> => ({ read, days: (rows: T[]) => rows })

export async function calendar(ctx: Ctx, month: string): Promise<CalendarOutput> {
  const full = hasRole(ctx.role, 'committee')
  const db = ctx.db
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const from = startOfShanghaiDay(`${month}-01`)
  const to = startOfShanghaiDay(dayjs(`${month}-01T00:00:00Z`).add(1, 'month').format('YYYY-MM-DD'))
  const where: Record<string, unknown> = { year, month: m, state: 'active' }
  if (!full) where.public = true
  const first = `${month}-01`
  const last = `${month}-31`
  const parts = {
    acts: activitiesBetween(db, from, to),
    ends: publicityEndsBetween(db, from, to, true),
    congress: congressDays(db, first, last),
    items: rowsOf<PlanItemDoc>({ collection: C.items, where }),
    ...(full ? {
      meetings: rowsOf<Pick<MeetingDoc, '_id' | 'type' | 'date'>>({ collection: C.meetings, where: { year, date: db.command.gte(first).and(db.command.lte(last)) }, fields: { type: true, date: true } }),
      birthdays: birthdaysInMonth(db, month.slice(5)),
      followUps: followUpsBetween(db, first, last),
    } : {}),
  }
  const rows = await queriesAt(db, { collection: COLLECTIONS.members, id: requireMember(ctx)._id },
    Object.fromEntries(Object.entries(parts).map(([key, part]) => [key, part.read])) as Record<keyof typeof parts, Query>)
  const days = <T>(part: CalendarPart<T> | undefined, key: keyof typeof parts): T[] => (part ? part.days(rows[key]) : [])
  const items = days(parts.items, 'items')
  const entries: Entry[] = [
    ...days(parts.acts, 'acts').map((a): Entry => ({ date: a.date, kind: 'activity', title: a.title, url: `/packages/activity/pages/detail/index?id=${a.id}` })),
    ...days(parts.ends, 'ends').map((n): Entry => ({ date: n.date, kind: 'publicityEnd', title: `公示期满：${n.title}`, url: `/packages/notice/pages/detail/index?id=${n.id}` })),
    ...days(parts.congress, 'congress').map((c): Entry => ({ date: c.date, kind: 'congress', title: c.title, url: '/packages/congress/pages/board/index' })),
    ...(await itemViews(db, items, ctx.now)).map((i): Entry => ({ ...(i.date ? { date: i.date } : {}), kind: 'item', title: i.title, status: i.status })),
    ...days(parts.meetings, 'meetings').map((x): Entry => ({ date: x.date, kind: 'meeting', title: x.type, url: `/packages/plan/pages/meeting/index?id=${x._id}` })),
    ...days(parts.birthdays, 'birthdays').map((b): Entry => ({ date: `${year}-${b.birthday}`, kind: 'birthday', title: `${b.name} 生日` })),
    ...days(parts.followUps, 'followUps').map((f): Entry => ({ date: f.date, kind: 'followUp', title: `回访：${f.name}`, url: '/packages/welfare/pages/todo/index' })),
  ]
  entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  return { month, full, entries }
}
