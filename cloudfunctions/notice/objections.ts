/**
 * 异议 during a 公示期: members raise named objections on any published notice with a 公示期
 * (对内 or 对外) while the period runs; only the chair reads and answers them (each answer once,
 * never changed). Visitors cannot raise one (role check in routes).
 *
 * Guarantees, each kept by the database:
 * 1. Once per request: the objection remembers the request it came from (`requestKey`); a retry or
 *    a double tap answers with the first one.
 * 2. At most OBJECTIONS_PER_MEMBER per member and notice, under any concurrency: the k-th objection
 *    has `_id` `${noticeId}_${memberId}_${k}`, so two at once both taking slot k collide on the key;
 *    the loser starts again, sees the slot taken and the limit reached.
 * 3. The notice's objection counts (shown after the period) change in the same transaction as the
 *    objection or the answer, so they always equal the objections stored.
 */
import type { NoticeObjectionItem, NoticePendingObjection } from '../../types/notice'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { COLLECTIONS, type NoticeObjectionDoc } from '../_shared/documents'
import { AppError, conflict, notFound } from '../_shared/errors'
import { docs, iso, pageWindow } from '../_shared/query'
import { formatShanghai, publicityState } from '../_shared/time'
import { inTransaction, type Tx } from '../_shared/transaction'
import { NOTICE_NOT_FOUND, mayRead, readableNotice } from './access'
import { OBJECTIONS_PER_MEMBER } from './detail'
import { objectionsBy, pageWithMore } from './store'
import type { NoticeDoc } from '../_shared/documents'

async function txGet<T>(t: Tx, collection: string, id: string): Promise<T | undefined> {
  try {
    return ((await t.collection(collection).doc(id).get()) as { data: T }).data
  } catch {
    return undefined
  }
}

/** Why this notice takes no objection now, or null when it does. */
function refusal(ctx: Ctx, n: NoticeDoc): string | null {
  if (n.state !== 'published') return n.state === 'withdrawn' ? '这份公告已撤回，不能再提出异议' : '公告还未发布'
  const state = publicityState(n.publicityStart, n.publicityEnd, ctx.now)
  if (state === 'none') return '这份公告没有公示期，不接受异议；如有意见，请通过意见箱反映'
  if (state === 'upcoming') return `公示期还没开始（${formatShanghai(n.publicityStart!)} 开始），请届时再提出异议`
  if (state === 'ended') return '公示期已经结束，不能再提出异议'
  return null
}

export async function raise(ctx: Ctx, id: string, text: string, requestId: string): Promise<{ id: string }> {
  const member = requireMember(ctx)
  const requestKey = createdId(ctx.openid, 'notice.object', requestId)
  return inTransaction(ctx.db, async (t, mine: NoticeObjectionDoc[]) => {
    const again = mine.find((o) => o.requestKey === requestKey)
    if (again) return { id: again._id }
    const n = await txGet<NoticeDoc>(t, COLLECTIONS.notices, id)
    if (!n || !mayRead(ctx, n)) throw NOTICE_NOT_FOUND()
    const refused = refusal(ctx, n)
    if (refused) throw new AppError('FORBIDDEN', refused)
    if (mine.length >= OBJECTIONS_PER_MEMBER) throw new AppError('RATE_LIMITED', `每人对同一份公告最多提出 ${OBJECTIONS_PER_MEMBER} 条异议，请等待主席答复`)
    const doc: NoticeObjectionDoc = {
      _id: `${id}_${member._id}_${mine.length + 1}`, noticeId: id, memberId: member._id, name: member.name, department: member.department, text, raisedAt: ctx.now,
      noticeTitle: n.title, ...(n.publicityEnd ? { publicityEnd: n.publicityEnd } : {}), requestKey, answered: false,
    }
    // A concurrent objection that took this slot makes this insert fail: the runner starts again with a fresh `mine`.
    await t.collection(COLLECTIONS.noticeObjections).add({ data: doc })
    await t.collection(COLLECTIONS.notices).doc(id).update({ data: { objectionCount: ctx.db.command.inc(1) } })
    return { id: doc._id }
  }, () => objectionsBy(ctx, id, member._id))
}

export async function list(ctx: Ctx, id: string, page: number): Promise<{ items: NoticeObjectionItem[]; page: number; total: number; answered: number }> {
  const n = await readableNotice(ctx, id)
  const { skip, limit } = pageWindow(page)
  const items = await docs<NoticeObjectionDoc>(ctx.db.collection(COLLECTIONS.noticeObjections).where({ noticeId: id }).orderBy('raisedAt', 'asc').skip(skip).limit(limit))
  return {
    items: items.map((o) => ({
      id: o._id, name: o.name, department: o.department, text: o.text, raisedAt: iso(o.raisedAt),
      ...(o.answer ? { answer: o.answer, answeredAt: iso(o.answeredAt!) } : {}),
    })),
    page, total: n.objectionCount ?? 0, answered: n.answeredCount ?? 0,
  }
}

/** 待答复异议 across notices, oldest first: what the chair's desk links to. */
export async function pending(ctx: Ctx, page: number): Promise<{ items: NoticePendingObjection[]; page: number; total: number }> {
  const { items, total } = await pageWithMore<NoticeObjectionDoc>(ctx, COLLECTIONS.noticeObjections, { answered: false }, [['raisedAt', 'asc']], page)
  return {
    items: items.map((o) => ({
      id: o._id, noticeId: o.noticeId, noticeTitle: o.noticeTitle ?? '', name: o.name, department: o.department, text: o.text, raisedAt: iso(o.raisedAt),
      overdue: !!o.publicityEnd && new Date(o.publicityEnd).getTime() <= ctx.now.getTime(),
    })),
    page, total,
  }
}

export async function answer(ctx: Ctx, objectionId: string, text: string): Promise<{ id: string }> {
  const chair = requireMember(ctx)
  return inTransaction(ctx.db, async (t) => {
    const o = await txGet<NoticeObjectionDoc>(t, COLLECTIONS.noticeObjections, objectionId)
    if (!o) throw notFound('这条异议')
    // Two answers at once: the second transaction's write conflicts, runs again, and finds it answered.
    if (o.answered || o.answeredAt) throw conflict('这条异议已经答复过了，答复不能修改')
    await t.collection(COLLECTIONS.noticeObjections).doc(objectionId).update({ data: { answered: true, answer: text, answeredAt: ctx.now, answeredBy: chair._id } })
    await t.collection(COLLECTIONS.notices).doc(o.noticeId).update({ data: { answeredCount: ctx.db.command.inc(1) } })
    await recordAudit(t, ctx, {
      action: 'notice.answerObjection', target: { kind: 'notice_objection', id: objectionId, label: o.name }, after: { answered: true }, note: o.noticeTitle ?? o.noticeId,
    })
    return { id: objectionId }
  })
}
