/**
 * The committee's 待办 (todo.ts: birthdays this week and this month, hospital follow-ups due,
 * unvisited entries of active plans; two requests). The daily timer tells every committee member
 * and the chair when something new is due.
 */
import { TEMPLATES } from '../../types/templates'
import { welfareTodoInput, type WelfareTodoOutput } from '../../types/welfare'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { REMINDED_ID, type WelfareRemindedDoc } from './documents'
import { todoFor } from './todo'

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
