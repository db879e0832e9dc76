/**
 * The 工作台: each domain's lines are a `DeskPart` (reads and the lines made of them), so member.desk
 * answers every domain's in the same two requests (member/desk.ts, member/desk-parts.ts).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from './context'
import { COLLECTIONS } from './documents'
import { answerParts, type Part } from './query'

export type DeskPart = Part<DeskItem[]>

/**
 * Where the desk's reads hang: the caller's own member document, or — for a timer, which has none —
 * any member (with no member at all there is nobody to show anything to, and every read answers none).
 */
export function callerAnchor(ctx: Ctx): { collection: string; where: Record<string, unknown> } {
  return { collection: COLLECTIONS.members, where: ctx.member ? { _id: ctx.member._id } : {} }
}

/** One domain's lines read on their own, in at most two requests. */
export async function deskLinesAlone(ctx: Ctx, part: DeskPart): Promise<DeskItem[]> {
  return (await answerParts(ctx.db, callerAnchor(ctx), { lines: part })).lines
}
