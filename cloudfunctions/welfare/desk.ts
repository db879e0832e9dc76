/**
 * 慰问 on the committee's 工作台: two counts of waiting work, both taken from the 待办 (todo.ts, read
 * once for the card and the desk alike), both opening the 待办 page where the work is done.
 *  - 慰问待办: today's birthdays + hospital follow-ups due by today (not yet answered by a later visit);
 *    urgent when a follow-up is already overdue.
 *  - 节日计划未走访: entries of active holiday plans still to visit.
 */
import type { DeskItem } from '../../types/desk'
import type { WelfareTodoOutput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { todoFor } from './todo'

const TODO_PAGE = '/packages/welfare/pages/todo/index'

/** The two lines, from the 待办: its week's birthdays hold today's, its follow-ups reach three days ahead. */
export function deskLines(todo: WelfareTodoOutput): DeskItem[] {
  const today = todo.today
  const birthdays = todo.birthdaysWeek.filter((b) => b.birthday === today.slice(5)).length
  const followUps = todo.followUps.filter((f) => f.dueOn <= today)
  const overdue = followUps.some((f) => f.dueOn < today)
  const unvisited = todo.plans.reduce((n, p) => n + p.remaining, 0)
  return [
    { key: 'welfare.todo', title: '慰问待办', count: birthdays + followUps.length, url: TODO_PAGE, urgent: overdue },
    { key: 'welfare.plans', title: '节日计划未走访', count: unvisited, url: TODO_PAGE, urgent: false },
  ]
}

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  return deskLines(await todoFor(ctx))
}
