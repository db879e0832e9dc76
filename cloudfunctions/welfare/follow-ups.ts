/**
 * Hospital follow-ups: a 生病住院 visit carries the day a follow-up visit is due (`followUpOn`); it
 * stays on the 待办 list until a later done visit to the same person answers it. That answer is kept
 * on the hospital visit (`followedUpBy`: the later visit's id), so "what is still due" is one indexed
 * query — for the 待办 page, the daily reminder and the 工作台 count alike.
 */
import type { Ctx } from '../_shared/context'
import type { WelfareVisitDoc } from '../_shared/documents'
import { VISITS } from './store'

/** The person's earlier follow-ups, answered by `v` when it is done. Idempotent: safe to run again on a retry. */
export async function answerFollowUps(ctx: Ctx, v: WelfareVisitDoc): Promise<void> {
  if (v.state !== 'done') return
  const _ = ctx.db.command
  const who = v.recipient.memberId ? { 'recipient.memberId': v.recipient.memberId } : { 'recipient.kind': 'other', 'recipient.name': v.recipient.name }
  await ctx.db.collection(VISITS)
    .where({ ...who, reason: '生病住院', state: 'done', followUpOn: _.exists(true), followedUpBy: _.exists(false), visitDate: _.lt(v.visitDate) })
    .update({ data: { followedUpBy: v._id } })
}

/** The condition for follow-ups due between two days (inclusive) and not yet answered by a later visit. */
export function dueFollowUpsWhere(ctx: Ctx, from: string, to: string): Record<string, unknown> {
  const _ = ctx.db.command
  return { reason: '生病住院', state: 'done', followUpOn: _.gte(from).and(_.lte(to)), followedUpBy: _.exists(false) }
}

/** Follow-ups due between two days (inclusive) and not yet answered by a later visit. */
export function dueFollowUps(ctx: Ctx, from: string, to: string) {
  return ctx.db.collection(VISITS).where(dueFollowUpsWhere(ctx, from, to))
}
