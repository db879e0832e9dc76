/**
 * The committee's 待办: birthdays this week and this month (member profiles, MM-DD), hospital
 * follow-ups due (生病住院 visits with no later visit), unvisited entries of active plans.
 * The daily timer tells every committee member and the chair when something new is due.
 */
import dayjs from 'dayjs'
import { TEMPLATES } from '../../types/templates'
import { welfareTodoInput, type WelfareTodoOutput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc, type WelfareVisitDoc } from '../_shared/documents'
import { docs, total } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import { REMINDED_ID, WELFARE_COLLECTIONS, type WelfarePlanDoc, type WelfareRemindedDoc } from './documents'
import { dueFollowUps } from './follow-ups'

type Birthday = WelfareTodoOutput['birthdaysWeek'][number]

/** Monday and Sunday of the week containing `date` (calendar dates). */
function weekOf(date: string): { from: string; to: string } {
  const dow = (dayjs(`${date}T00:00:00Z`).day() + 6) % 7 // Monday = 0
  return { from: addDays(date, -dow), to: addDays(date, 6 - dow) }
}

/** Approved members whose birthday (MM-DD) lies between two calendar dates (at most a month apart). */
async function birthdaysBetween(ctx: Ctx, from: string, to: string): Promise<MemberDoc[]> {
  const _ = ctx.db.command
  const ranges = from.slice(0, 4) === to.slice(0, 4)
    ? [[from.slice(5), to.slice(5)]]
    : [[from.slice(5), '12-31'], ['01-01', to.slice(5)]] // the week of New Year
  const out: MemberDoc[] = []
  for (const [a, b] of ranges) {
    for (let skip = 0; ; skip += MAX_QUERY) {
      const page = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members)
        .where({ membership: 'approved', birthday: _.gte(a).and(_.lte(b)) })
        .orderBy('birthday', 'asc').orderBy('_id', 'asc').skip(skip).limit(MAX_QUERY)
        .field({ _id: true, name: true, department: true, status: true, birthday: true }))
      out.push(...page)
      if (page.length < MAX_QUERY) break
    }
  }
  return out
}

export async function todoFor(ctx: Ctx): Promise<WelfareTodoOutput> {
  const today = shanghaiDate(ctx.now)
  const year = today.slice(0, 4)
  const week = weekOf(today)
  const monthStart = `${today.slice(0, 7)}-01`
  const monthEnd = addDays(dayjs(`${monthStart}T00:00:00Z`).add(1, 'month').format('YYYY-MM-DD'), -1)
  const [weekPeople, monthPeople] = await Promise.all([birthdaysBetween(ctx, week.from, week.to), birthdaysBetween(ctx, monthStart, monthEnd)])
  const visits = ctx.db.collection(COLLECTIONS.welfareVisits)
  const _ = ctx.db.command

  // Who already had a 生日 visit this year.
  const ids = [...new Set([...weekPeople, ...monthPeople].map((m) => m._id))]
  const visited = new Set<string>()
  for (let i = 0; i < ids.length; i += MAX_QUERY) {
    const found = await docs<WelfareVisitDoc>(visits.where({
      reason: '生日', visitDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)), 'recipient.memberId': _.in(ids.slice(i, i + MAX_QUERY)), state: _.neq('cancelled'),
    }).limit(MAX_QUERY).field({ recipient: true }))
    for (const v of found) if (v.recipient.memberId) visited.add(v.recipient.memberId)
  }
  const birthday = (m: MemberDoc): Birthday => ({ id: m._id, name: m.name, department: m.department, status: m.status, birthday: m.birthday ?? '', visited: visited.has(m._id) })

  // Hospital follow-ups due within three days (or up to 30 days overdue) not yet answered by a later visit.
  const due = await docs<WelfareVisitDoc>(dueFollowUps(ctx, addDays(today, -30), addDays(today, 3)).orderBy('followUpOn', 'asc').limit(MAX_QUERY))
  const followUps: WelfareTodoOutput['followUps'] = due.map((v) => ({ visitId: v._id, name: v.recipient.name, visitDate: v.visitDate, dueOn: v.followUpOn! }))

  // Active plans with entries still to visit.
  const active = await docs<WelfarePlanDoc>(ctx.db.collection(WELFARE_COLLECTIONS.plans).where({ state: 'active' }).orderBy('createdAt', 'desc').limit(MAX_QUERY))
  const plans: WelfareTodoOutput['plans'] = []
  for (const p of active) {
    const remaining = await total(visits.where({ planId: p._id, state: 'planned' }))
    if (remaining > 0) plans.push({ id: p._id, title: p.title, plannedDate: p.plannedDate, remaining, total: p.total })
  }

  const birthdaysWeek = weekPeople.map(birthday)
  const count = birthdaysWeek.filter((b) => !b.visited).length + followUps.length + plans.length
  return { today, birthdaysWeek, birthdaysMonth: monthPeople.map(birthday), followUps, plans, count }
}

/** What the committee is reminded of, one key per waiting item (a plan counts once, however many entries wait). */
function itemKeys(t: WelfareTodoOutput): string[] {
  return [
    ...t.birthdaysWeek.filter((b) => !b.visited).map((b) => `birthday:${b.id}:${t.today.slice(0, 4)}`),
    ...t.followUps.map((f) => `followUp:${f.visitId}`),
    ...t.plans.map((p) => `plan:${p.id}`),
  ]
}

/** e.g. 本周生日2人，回访1人，计划待访5户 (a template's thing field holds at most 20 characters). */
export function summaryText(t: WelfareTodoOutput): string {
  const parts: string[] = []
  const birthdays = t.birthdaysWeek.filter((b) => !b.visited).length
  if (birthdays) parts.push(`本周生日${birthdays}人`)
  if (t.followUps.length) parts.push(`回访${t.followUps.length}人`)
  const remaining = t.plans.reduce((s, p) => s + p.remaining, 0)
  if (remaining) parts.push(`计划待访${remaining}户`)
  return parts.join('，').slice(0, 20)
}

export const reminderRoutes = {
  /** The 待办 list on the committee's home. */
  todo: action({
    input: welfareTodoInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问待办',
    run: (ctx) => todoFor(ctx),
  }),

  /**
   * Daily timer (08:00 Shanghai): one subscription message per committee member and the chair when
   * something NEW is due — an item already reminded is not repeated day after day while it waits
   * (it stays on the 待办 list and the 工作台). What was reminded is kept in app_meta.
   */
  remind: action({
    input: welfareTodoInput,
    role: 'timer',
    async run(ctx): Promise<{ sent: number; count: number; fresh: number }> {
      const todo = await todoFor(ctx)
      const keys = itemKeys(todo)
      const meta = ctx.db.collection(COLLECTIONS.appMeta)
      const before = (await docs<WelfareRemindedDoc>(meta.where({ _id: REMINDED_ID }).limit(1)))[0]
      const told = new Set(before?.keys ?? [])
      const fresh = keys.filter((k) => !told.has(k)).length
      if (fresh === 0) return { sent: 0, count: todo.count, fresh: 0 }
      const _ = ctx.db.command
      const committee = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members)
        .where({ membership: 'approved', role: _.in(['committee', 'chair']) }).limit(MAX_QUERY).field({ openid: true }))
      let sent = 0
      for (const m of committee) {
        const ok = await ctx.services.notify({
          touser: m.openid,
          templateId: TEMPLATES.welfareTodo,
          page: 'packages/welfare/pages/todo/index',
          data: { thing1: { value: summaryText(todo) || '慰问待办' }, date2: { value: todo.today } },
        })
        if (ok) sent++
      }
      await meta.doc(REMINDED_ID).set({ data: { keys, on: todo.today } })
      return { sent, count: todo.count, fresh }
    },
  }),
}
