/**
 * The 教代会 lines of the committee's 工作台 (member.desk reads every domain's part at once): proposals
 * waiting for 立案审查 (urgent once one is past its review date), answers waiting for the committee's
 * 审核, cases past their answer date (urgent), and rating rounds past their deadline (to close).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import { countIn, countRead } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS } from './documents'

const CONGRESS_DESK = '/packages/congress/pages/desk/index'

/** Proposals waiting for 立案审查, answers waiting for 审核, cases past due, rating rounds to close (congress/desk.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const count = (where: Record<string, unknown>) => countRead(CONGRESS_COLLECTIONS.proposals, where)
  return {
    first: {
      review: count({ state: 'submitted' }),
      reviewLate: count({ state: 'submitted', reviewDue: _.lt(today) }),
      answered: count({ state: 'answered' }),
      late: count({ state: 'assigned', dueDate: _.lt(today) }),
      ratingDue: count({ state: 'rating', ratingDue: _.lt(today) }),
    },
    answer: (r) => [
      { key: 'congress.review', title: '待立案审查的提案', count: countIn(r.review), url: CONGRESS_DESK, urgent: countIn(r.reviewLate) > 0 },
      { key: 'congress.answers', title: '待审核的提案答复', count: countIn(r.answered), url: CONGRESS_DESK, urgent: false },
      { key: 'congress.overdue', title: '超期未答复的提案', count: countIn(r.late), url: CONGRESS_DESK, urgent: countIn(r.late) > 0 },
      { key: 'congress.ratingDue', title: '评价期满待结束的提案', count: countIn(r.ratingDue), url: CONGRESS_DESK, urgent: false },
    ],
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  return deskLinesAlone(ctx, deskPart(ctx))
}
