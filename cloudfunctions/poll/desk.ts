/**
 * The poll lines of the committee's 工作台 (gathered by member.desk): open polls that close within
 * a day while turnout is still below quorum (urgent — someone should remind the voters), and
 * closed polls whose results are not published yet. Two queries and one aggregate, whatever the size.
 */
import type { DeskItem } from '../../types/desk'
import { meets } from '../../types/poll'
import type { Ctx } from '../_shared/context'
import { docs, total } from '../_shared/query'
import type { PollDoc } from './documents'
import { POLL_COLLECTIONS as C } from './store'

const SOON_MS = 24 * 3600_000
const MANAGE = '/packages/poll/pages/manage/index'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  const _ = ctx.db.command
  const [closingSoon, unpublished] = await Promise.all([
    docs<Pick<PollDoc, '_id' | 'rosterSize' | 'quorum'>>(ctx.db.collection(C.polls)
      .where({ state: 'open', closesAt: _.lte(new Date(ctx.now.getTime() + SOON_MS)) }).limit(20).field({ rosterSize: true, quorum: true })),
    total(ctx.db.collection(C.polls).where({ state: 'closed' })),
  ])
  let short = 0
  if (closingSoon.length) {
    const $ = _.aggregate
    const counts = (await ctx.db.collection(C.receipts).aggregate().match({ pollId: _.in(closingSoon.map((p) => p._id)) })
      .group({ _id: '$pollId', n: $.sum(1) }).limit(20).end()) as { list: Array<{ _id: string; n: number }> }
    const got = new Map(counts.list.map((c) => [c._id, c.n]))
    short = closingSoon.filter((p) => !meets(got.get(p._id) ?? 0, p.rosterSize ?? 0, p.quorum)).length
  }
  return [
    { key: 'poll.belowQuorum', title: '即将截止、人数未达法定的投票', count: short, url: MANAGE, urgent: short > 0 },
    { key: 'poll.unpublished', title: '待公布的投票结果', count: unpublished, url: MANAGE, urgent: false },
  ]
}
