/**
 * The opinion box's lines on the committee's 工作台 (member.desk reads every domain's part at once).
 * Released items only — an anonymous item waiting for its daily batch is in no count — so the desk
 * moves when the batch arrives, never when someone submits.
 *  - chair: 待受理 (every released item nobody handles yet, held ones included: they wait for the
 *    chair's review) and 逾期意见 (every released item past its due date, still open);
 *  - committee: 待我答复 (items assigned to them) and their own overdue ones.
 */
import type { DeskItem } from '../../types/desk'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import { countIn, countRead } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'

const INBOX = '/packages/opinion/pages/inbox/index'

/** Released opinions only: 待受理 / 待我答复 and 逾期意见 (opinion/desk.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const isChair = ctx.role === 'chair'
  const open = { state: _.in(['pending', 'processing']), visibleOn: _.lte(today), ...(isChair ? {} : { assigneeId: requireMember(ctx)._id }) }
  return {
    first: {
      waiting: countRead(COLLECTIONS.opinions, { ...open, state: isChair ? 'pending' : 'processing' }),
      overdue: countRead(COLLECTIONS.opinions, { ...open, dueOn: _.lt(today) }),
    },
    answer: (r) => [
      isChair
        ? { key: 'opinion.pending', title: '待受理意见', count: countIn(r.waiting), url: `${INBOX}?filter=pending`, urgent: false }
        : { key: 'opinion.assigned', title: '待我答复的意见', count: countIn(r.waiting), url: `${INBOX}?filter=processing`, urgent: false },
      { key: 'opinion.overdue', title: '逾期意见', count: countIn(r.overdue), url: `${INBOX}?filter=overdue`, urgent: countIn(r.overdue) > 0 },
    ],
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (ctx.role !== 'chair' && ctx.role !== 'committee') return []
  return deskLinesAlone(ctx, deskPart(ctx))
}
