/**
 * The 教代会 lines of the committee's 工作台 (gathered by member.desk): proposals waiting for 立案审查
 * (urgent once one is past its review date), answers waiting for the committee's 审核, and cases past
 * their answer date (urgent), and rating rounds past their deadline (to close). One request: a $group over
 * the proposals in those four states (state-indexed), each count a $cond of the state and its date.
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { beforeDay, countsIn } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C } from './documents'

const DESK = '/packages/congress/pages/desk/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const db = ctx.db
  const $ = db.command.aggregate
  const today = shanghaiDate(ctx.now)
  const is = (state: string) => $.eq(['$state', state])
  const { review, reviewLate, answered, late, ratingDue } = await countsIn(db, C.proposals, { state: db.command.in(['submitted', 'answered', 'assigned', 'rating']) }, {
    review: is('submitted'),
    reviewLate: $.and([is('submitted'), beforeDay(db, 'reviewDue', today)]),
    answered: is('answered'),
    late: $.and([is('assigned'), beforeDay(db, 'dueDate', today)]),
    ratingDue: $.and([is('rating'), beforeDay(db, 'ratingDue', today)]),
  })
  return [
    { key: 'congress.review', title: '待立案审查的提案', count: review, url: DESK, urgent: reviewLate > 0 },
    { key: 'congress.answers', title: '待审核的提案答复', count: answered, url: DESK, urgent: false },
    { key: 'congress.overdue', title: '超期未答复的提案', count: late, url: DESK, urgent: late > 0 },
    { key: 'congress.ratingDue', title: '评价期满待结束的提案', count: ratingDue, url: DESK, urgent: false },
  ]
}
