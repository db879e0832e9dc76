/**
 * The member domain's lines on the 工作台: applications waiting in 入会审核 (urgent once one has
 * waited a week) and, for the chair, 资料变更申请. One $group over the waiting applications (both
 * counts) and, for the chair, one count; indexed fields.
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { countsIn, total } from '../_shared/query'
import { addShanghaiDays } from '../_shared/time'

/** An application older than this is late: shown in the warning colour. */
const QUEUE_LATE_DAYS = 7

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const $ = ctx.db.command.aggregate
  const [{ waiting, late }, changes] = await Promise.all([
    // createdAt is always a Date, so the expression's $lt reads it as the query `_.lt(date)` would.
    countsIn(ctx.db, COLLECTIONS.members, { membership: 'pending' }, { waiting: true, late: $.lt(['$createdAt', addShanghaiDays(ctx.now, -QUEUE_LATE_DAYS)]) }),
    ctx.role === 'chair' ? total(ctx.db.collection(COLLECTIONS.memberChanges).where({ state: 'pending' })) : Promise.resolve(null),
  ])
  const items: DeskItem[] = [{ key: 'member.queue', title: '入会审核', count: waiting, url: '/packages/member/pages/queue/index', urgent: late > 0 }]
  if (changes !== null) items.push({ key: 'member.changes', title: '资料变更申请', count: changes, url: '/packages/member/pages/queue/index?tab=changes', urgent: false })
  return items
}
