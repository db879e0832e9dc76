/**
 * 异议 during a 公示期: members raise named objections on internal notices while the period
 * runs; only the chair reads and answers them (each answer once, never changed).
 */
import { recordAudit, type DocWriter } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type NoticeObjectionDoc } from '../_shared/documents'
import { AppError, conflict, notFound } from '../_shared/errors'
import { docs, iso, pageOf, total } from '../_shared/query'
import { formatShanghai, publicityState } from '../_shared/time'
import { readableNotice } from './access'
import type { NoticeObjectionItem } from '../../types/notice'

/** How many objections one member may raise on one notice (a guard against repeats, not a quota on dissent). */
export const OBJECTIONS_PER_MEMBER = 3

export async function raise(ctx: Ctx, id: string, text: string): Promise<{ id: string }> {
  const member = requireMember(ctx)
  const n = await readableNotice(ctx, id)
  if (n.state !== 'published') throw new AppError('FORBIDDEN', n.state === 'withdrawn' ? '这份公告已撤回，不能再提出异议' : '公告还未发布')
  if (n.visibility !== 'internal') throw new AppError('FORBIDDEN', '对外公开的公告不接受异议；如有意见，请通过意见箱反映')
  const state = publicityState(n.publicityStart, n.publicityEnd, ctx.now)
  if (state === 'none') throw new AppError('FORBIDDEN', '这份公告没有公示期，不接受异议；如有意见，请通过意见箱反映')
  if (state === 'upcoming') throw new AppError('FORBIDDEN', `公示期还没开始（${formatShanghai(n.publicityStart!)} 开始），请届时再提出异议`)
  if (state === 'ended') throw new AppError('FORBIDDEN', '公示期已经结束，不能再提出异议')
  const objections = ctx.db.collection(COLLECTIONS.noticeObjections)
  if ((await total(objections.where({ noticeId: id, memberId: member._id }))) >= OBJECTIONS_PER_MEMBER) {
    throw new AppError('RATE_LIMITED', `每人对同一份公告最多提出 ${OBJECTIONS_PER_MEMBER} 条异议，请等待主席答复`)
  }
  const doc: Omit<NoticeObjectionDoc, '_id'> = { noticeId: id, memberId: member._id, name: member.name, department: member.department, text, raisedAt: ctx.now }
  const res = (await objections.add({ data: doc })) as { _id: string }
  return { id: res._id }
}

export async function list(ctx: Ctx, id: string, page: number): Promise<{ items: NoticeObjectionItem[]; page: number; total: number; answered: number }> {
  await readableNotice(ctx, id)
  const objections = ctx.db.collection(COLLECTIONS.noticeObjections)
  const _ = ctx.db.command
  const [{ total: count, items }, answered] = await Promise.all([
    pageOf<NoticeObjectionDoc>(objections, { noticeId: id }, { orderBy: [['raisedAt', 'asc']], page }),
    total(objections.where({ noticeId: id, answer: _.exists(true) })),
  ])
  return {
    items: items.map((o) => ({
      id: o._id, name: o.name, department: o.department, text: o.text, raisedAt: iso(o.raisedAt),
      ...(o.answer ? { answer: o.answer, answeredAt: iso(o.answeredAt!) } : {}),
    })),
    page, total: count, answered,
  }
}

export async function answer(ctx: Ctx, objectionId: string, text: string): Promise<{ id: string }> {
  const chair = requireMember(ctx)
  const [o] = await docs<NoticeObjectionDoc>(ctx.db.collection(COLLECTIONS.noticeObjections).where({ _id: objectionId }).limit(1))
  if (!o) throw notFound('这条异议')
  const _ = ctx.db.command
  // Conditional on "not yet answered": two answers at once → exactly one lands.
  const res = (await ctx.db.collection(COLLECTIONS.noticeObjections)
    .where({ _id: objectionId, answer: _.exists(false) })
    .update({ data: { answer: text, answeredAt: ctx.now, answeredBy: chair._id } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw conflict('这条异议已经答复过了，答复不能修改')
  await recordAudit(ctx.db as unknown as DocWriter, ctx, {
    action: 'notice.answerObjection', target: { kind: 'notice_objection', id: objectionId, label: o.name }, after: { answered: true }, note: o.noticeId,
  })
  return { id: objectionId }
}
