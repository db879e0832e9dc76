/**
 * The 工作台 of committee and chair, with the 慰问待办 it shares its reads with: every domain's lines
 * (desk-parts.ts) in two requests whatever the number of domains — the first reads of all of them in
 * one aggregate, the reads that need ids found by those in a second. A caller may add parts of its own
 * (我的 adds the 代表 label) to the same two requests.
 */
import type { DeskItem } from '../../types/desk'
import type { WelfareTodoOutput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { callerAnchor } from '../_shared/desk'
import { answerParts, type Part } from '../_shared/query'
import { deskLines } from '../welfare/desk'
import { todoPart } from '../welfare/todo'
import { DESK_PARTS } from './desk-parts'

/** One domain's failure must not blank the whole desk: its lines are left out, and logged. */
function guarded<T>(domain: string, part: Part<T>, fallback: T): Part<T> {
  return {
    ...part,
    answer(first, second) {
      try {
        return part.answer(first, second)
      } catch (err) {
        console.error(`[desk] ${domain}: ${(err as Error)?.message ?? String(err)}`)
        return fallback
      }
    },
  }
}

export interface DeskAnswer<E> {
  items: DeskItem[]
  /** null when the 待办 could not be made (logged; its desk lines are left out) */
  todo: WelfareTodoOutput | null
  extra: E
}

export async function readDesk<E extends Record<string, Part<unknown>>>(ctx: Ctx, extra: E): Promise<DeskAnswer<{ [K in keyof E]: E[K] extends Part<infer T> ? T : never }>> {
  const parts: Record<string, Part<unknown>> = { todo: guarded<WelfareTodoOutput | null>('welfare', todoPart(ctx), null) }
  for (const [domain, part] of DESK_PARTS) if (part !== 'todo') parts[`desk_${domain}`] = guarded(domain, part(ctx), [])
  for (const [name, part] of Object.entries(extra)) parts[`extra_${name}`] = part
  const answers = await answerParts(ctx.db, callerAnchor(ctx), parts) as Record<string, unknown>
  const todo = answers.todo as WelfareTodoOutput | null
  const items = DESK_PARTS.flatMap(([domain, part]) => (part === 'todo' ? (todo ? deskLines(todo) : []) : answers[`desk_${domain}`] as DeskItem[]))
  return { items, todo, extra: Object.fromEntries(Object.keys(extra).map((name) => [name, answers[`extra_${name}`]])) as any }
}
