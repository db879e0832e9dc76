/**
 * The committee's 待办, read in two requests whatever its size (`todoPart`, answered by `answerParts`):
 *  1. birthdays this week and this month (member profiles, MM-DD; the week of New Year is two ranges),
 *     hospital follow-ups due (生病住院 visits with no later visit) and the active plans;
 *  2. which of those people already had a 生日 visit this year, and each active plan's entries still
 *     to visit.
 * The same part answers welfare.todo, the daily reminder, and the 待办 card and 工作台 lines of 我的.
 */
import dayjs from 'dayjs'
import type { WelfareTodoOutput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc, type WelfareVisitDoc } from '../_shared/documents'
import { callerAnchor } from '../_shared/desk'
import { answerParts, type Part, type Read } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import type { WelfarePlanDoc } from './documents'
import { dueFollowUpsWhere } from './follow-ups'
import { PLANS, VISITS } from './store'

type Birthday = WelfareTodoOutput['birthdaysWeek'][number]
type Person = Pick<MemberDoc, '_id' | 'name' | 'department' | 'status' | 'birthday'>

/** Monday and Sunday of the week containing `date` (calendar dates). */
function weekOf(date: string): { from: string; to: string } {
  const dow = (dayjs(`${date}T00:00:00Z`).day() + 6) % 7 // Monday = 0
  return { from: addDays(date, -dow), to: addDays(date, 6 - dow) }
}

/** MM-DD ranges of the days between two calendar dates (at most a month apart): two across New Year. */
function birthdayRanges(from: string, to: string): Array<[string, string]> {
  return from.slice(0, 4) === to.slice(0, 4) ? [[from.slice(5), to.slice(5)]] : [[from.slice(5), '12-31'], ['01-01', to.slice(5)]]
}

/** Approved members whose birthday (MM-DD) lies in [a, b], in birthday order. */
function birthdaysRead(ctx: Ctx, [a, b]: [string, string]): Read {
  const _ = ctx.db.command
  return {
    from: COLLECTIONS.members,
    stages: (p) => p.match({ membership: 'approved', birthday: _.gte(a).and(_.lte(b)) }).sort({ birthday: 1, _id: 1 })
      .project({ _id: 1, name: 1, department: 1, status: 1, birthday: 1 }),
  }
}

/** Reads of the 待办 (see the file's head) and its answer. */
export function todoPart(ctx: Ctx): Part<WelfareTodoOutput> {
  const _ = ctx.db.command
  const $ = _.aggregate
  const today = shanghaiDate(ctx.now)
  const year = today.slice(0, 4)
  const week = birthdayRanges(weekOf(today).from, weekOf(today).to)
  const monthStart = `${today.slice(0, 7)}-01`
  const month = birthdayRanges(monthStart, addDays(dayjs(`${monthStart}T00:00:00Z`).add(1, 'month').format('YYYY-MM-DD'), -1))
  const first: Record<string, Read> = {
    // Hospital follow-ups due within three days (or up to 30 days overdue) not yet answered by a later visit.
    followUps: { from: VISITS, stages: (p) => p.match(dueFollowUpsWhere(ctx, addDays(today, -30), addDays(today, 3))).sort({ followUpOn: 1, _id: 1 }).limit(MAX_QUERY).project({ recipient: 1, visitDate: 1, followUpOn: 1 }) },
    plans: { from: PLANS, stages: (p) => p.match({ state: 'active' }).sort({ createdAt: -1, _id: 1 }).limit(MAX_QUERY).project({ _id: 1, title: 1, plannedDate: 1, total: 1 }) },
  }
  week.forEach((r, i) => { first[`week${i}`] = birthdaysRead(ctx, r) })
  month.forEach((r, i) => { first[`month${i}`] = birthdaysRead(ctx, r) })
  const people = (rows: Record<string, any[]>, kind: 'week' | 'month', n: number): Person[] => Array.from({ length: n }, (_x, i) => rows[`${kind}${i}`]).flat()

  return {
    first,
    second(rows) {
      const ids = [...new Set([...people(rows, 'week', week.length), ...people(rows, 'month', month.length)].map((m) => m._id))]
      const plans = rows.plans as Array<Pick<WelfarePlanDoc, '_id'>>
      const reads: Record<string, Read> = {}
      // Who already had a 生日 visit this year.
      if (ids.length) {
        reads.visited = {
          from: VISITS,
          stages: (p) => p.match({ reason: '生日', visitDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)), 'recipient.memberId': _.in(ids), state: _.neq('cancelled') })
            .project({ recipient: 1 }),
        }
      }
      if (plans.length) reads.remaining = { from: VISITS, stages: (p) => p.match({ planId: _.in(plans.map((x) => x._id)), state: 'planned' }).group({ _id: '$planId', n: $.sum(1) }) }
      return reads
    },
    answer(rows, more) {
      const visited = new Set((more.visited ?? []).map((v: Pick<WelfareVisitDoc, 'recipient'>) => v.recipient.memberId).filter(Boolean))
      const birthday = (m: Person): Birthday => ({ id: m._id, name: m.name, department: m.department, status: m.status, birthday: m.birthday ?? '', visited: visited.has(m._id) })
      const remaining = new Map<string, number>((more.remaining ?? []).map((r: { _id: string; n: number }) => [r._id, r.n]))
      const followUps: WelfareTodoOutput['followUps'] = (rows.followUps as WelfareVisitDoc[]).map((v) => ({ visitId: v._id, name: v.recipient.name, visitDate: v.visitDate, dueOn: v.followUpOn! }))
      const plans: WelfareTodoOutput['plans'] = (rows.plans as WelfarePlanDoc[])
        .filter((p) => (remaining.get(p._id) ?? 0) > 0)
        .map((p) => ({ id: p._id, title: p.title, plannedDate: p.plannedDate, remaining: remaining.get(p._id)!, total: p.total }))
      const birthdaysWeek = people(rows, 'week', week.length).map(birthday)
      const count = birthdaysWeek.filter((b) => !b.visited).length + followUps.length + plans.length
      return { today, birthdaysWeek, birthdaysMonth: people(rows, 'month', month.length).map(birthday), followUps, plans, count }
    },
  }
}

/** The 待办 in two requests. */
export async function todoFor(ctx: Ctx): Promise<WelfareTodoOutput> {
  return (await answerParts(ctx.db, callerAnchor(ctx), { todo: todoPart(ctx) })).todo
}
