/**
 * The 教代会 lines of the committee's 工作台 (gathered by member.desk): proposals waiting for 立案审查
 * (urgent once one is past its review date), answers waiting for the committee's 审核, and cases past
 * their answer date (urgent), and rating rounds past their deadline (to close). Counts only, each one indexed query (state, or state + date).
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { total } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C } from './documents'

const DESK = '/packages/congress/pages/desk/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const proposals = () => ctx.db.collection(C.proposals)
  const [review, reviewLate, answered, late, ratingDue] = await Promise.all([
    total(proposals().where({ state: 'submitted' })),
    total(proposals().where({ state: 'submitted', reviewDue: _.lt(today) })),
    total(proposals().where({ state: 'answered' })),
    total(proposals().where({ state: 'assigned', dueDate: _.lt(today) })),
    total(proposals().where({ state: 'rating', ratingDue: _.lt(today) })),
  ])
  return [
    { key: 'congress.review', title: '待立案审查的提案', count: review, url: DESK, urgent: reviewLate > 0 },
    { key: 'congress.answers', title: '待审核的提案答复', count: answered, url: DESK, urgent: false },
    { key: 'congress.overdue', title: '超期未答复的提案', count: late, url: DESK, urgent: late > 0 },
    { key: 'congress.ratingDue', title: '评价期满待结束的提案', count: ratingDue, url: DESK, urgent: false },
  ]
}
