/**
 * The opinion box's lines on the committee's 工作台 (member.desk gathers every domain's). Released
 * items only — an anonymous item waiting for its daily batch is in no count — so the desk moves
 * when the batch arrives, never when someone submits. One request (two counts in one $group).
 *  - chair: 待受理 (every released item nobody handles yet, held ones included: they wait for the
 *    chair's review) and 逾期意见 (every released item past its due date, still open);
 *  - committee: 待我答复 (items assigned to them) and their own overdue ones.
 */
import type { DeskItem } from '../../types/desk'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { beforeDay, countsIn } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'

const INBOX = '/packages/opinion/pages/inbox/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (ctx.role !== 'chair' && ctx.role !== 'committee') return []
  const db = ctx.db
  const today = shanghaiDate(ctx.now)
  const mine = ctx.role === 'chair' ? {} : { assigneeId: requireMember(ctx)._id }
  const { waiting, overdue } = await countsIn(db, COLLECTIONS.opinions, { state: db.command.in(['pending', 'processing']), visibleOn: db.command.lte(today), ...mine }, {
    waiting: db.command.aggregate.eq(['$state', ctx.role === 'chair' ? 'pending' : 'processing']),
    overdue: beforeDay(db, 'dueOn', today),
  })
  return [
    ctx.role === 'chair'
      ? { key: 'opinion.pending', title: '待受理意见', count: waiting, url: `${INBOX}?filter=pending`, urgent: false }
      : { key: 'opinion.assigned', title: '待我答复的意见', count: waiting, url: `${INBOX}?filter=processing`, urgent: false },
    { key: 'opinion.overdue', title: '逾期意见', count: overdue, url: `${INBOX}?filter=overdue`, urgent: overdue > 0 },
  ]
}
