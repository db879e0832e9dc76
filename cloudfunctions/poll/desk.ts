/**
 * The poll lines of the committee's 工作台 (member.desk reads every domain's part at once): open polls
 * that close within a day while turnout is still below quorum (urgent — someone should remind the
 * voters), and closed polls whose results are not published yet.
 */
import type { DeskItem } from '../../types/desk'
import { meets } from '../../types/poll'
import type { Ctx } from '../_shared/context'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import { countIn, countRead, type Read } from '../_shared/query'
import type { PollDoc } from './documents'
import { POLL_COLLECTIONS } from './store'

const MANAGE_POLLS = '/packages/poll/pages/manage/index'
const SOON_MS = 24 * 3600_000

/** 即将截止、人数未达法定的投票 and 待公布的投票结果 (poll/desk.ts); the closing polls' receipts in the second request. */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const $ = _.aggregate
  return {
    first: {
      closingSoon: { from: POLL_COLLECTIONS.polls, stages: (p) => p.match({ state: 'open', closesAt: _.lte(new Date(ctx.now.getTime() + SOON_MS)) }).limit(20).project({ _id: 1, rosterSize: 1, quorum: 1 }) },
      unpublished: countRead(POLL_COLLECTIONS.polls, { state: 'closed' }),
    },
    second: (r): Record<string, Read> => (r.closingSoon.length
      ? { receipts: { from: POLL_COLLECTIONS.receipts, stages: (p) => p.match({ pollId: _.in(r.closingSoon.map((x: PollDoc) => x._id)) }).group({ _id: '$pollId', n: $.sum(1) }) } }
      : {}),
    answer(r, more) {
      const got = new Map<string, number>((more.receipts ?? []).map((c: { _id: string; n: number }) => [c._id, c.n]))
      const short = (r.closingSoon as Array<Pick<PollDoc, '_id' | 'rosterSize' | 'quorum'>>).filter((p) => !meets(got.get(p._id) ?? 0, p.rosterSize ?? 0, p.quorum)).length
      return [
        { key: 'poll.belowQuorum', title: '即将截止、人数未达法定的投票', count: short, url: MANAGE_POLLS, urgent: short > 0 },
        { key: 'poll.unpublished', title: '待公布的投票结果', count: countIn(r.unpublished), url: MANAGE_POLLS, urgent: false },
      ]
    },
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  return deskLinesAlone(ctx, deskPart(ctx))
}
