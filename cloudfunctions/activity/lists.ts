/**
 * What members list: the 活动 tab (sorted by what needs action soonest, each card with the caller's
 * own status), title search by index, and 我的报名. Each is one query besides the caller's member
 * look-up (我的报名: two) — the caller's status comes with the activity (their ledger entry).
 */
import type { ActivityListItem, ActivityListOutput, MineItem } from '../../types/activity'
import { requireMember, type Ctx } from '../_shared/context'
import type { ActivityDoc, RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, pageWindow } from '../_shared/query'
import { matchesQuery, queryTerms } from '../_shared/search-terms'
import { listItem, myRegistration } from './dto'
import { entryOf } from './ledger'
import { ACTIVITIES, REGISTRATIONS, memberView } from './store'

/** Ended activities stay on the tab this long; older ones are found by search or in 我的报名. */
export const RECENTLY_ENDED_DAYS = 60
/** Upper bound of one list answer (a union runs far fewer activities in two months). */
const LIST_LIMIT = 100
const LISTED_STATES = ['published', 'finished']

/** 0 sign-up open (closing soonest first), 1 not open yet / closed / running (starting soonest first), 2 ended (latest first). */
function rank(item: ActivityListItem): [number, number] {
  switch (item.status) {
    case 'open':
    case 'full':
      return [0, Date.parse(item.signupEndAt)]
    case 'upcoming':
    case 'closed':
    case 'ongoing':
      return [1, Date.parse(item.startAt)]
    default:
      return [2, -Date.parse(item.endAt)]
  }
}

export function byNeed(x: ActivityListItem, y: ActivityListItem): number {
  const [gx, kx] = rank(x)
  const [gy, ky] = rank(y)
  return gx - gy || kx - ky
}

/** The 活动 tab, or (with `q`) the titles containing it. One page holds every result. */
export async function listActivities(ctx: Ctx, input: { page: number; q?: string }): Promise<ActivityListOutput> {
  const _ = ctx.db.command
  const me = requireMember(ctx)._id
  if (input.page > 1) return { items: [], page: input.page, total: 0 }
  const q = input.q?.trim()
  if (q) {
    const terms = queryTerms(q)
    if (!terms) throw new AppError('BAD_INPUT', '请至少输入两个字再搜索。')
    const found = await docs<ActivityDoc>(ctx.db.collection(ACTIVITIES).where({ state: _.in(LISTED_STATES), searchTerms: _.all(terms) })
      .orderBy('startAt', 'desc').limit(LIST_LIMIT).field(memberView(me)))
    const items = found.filter((a) => matchesQuery([a.title, a.place], q)).map((a) => listItem(a, ctx.now, me))
    return { items, page: 1, total: items.length }
  }
  const since = new Date(ctx.now.getTime() - RECENTLY_ENDED_DAYS * 86400_000)
  const found = await docs<ActivityDoc>(ctx.db.collection(ACTIVITIES).where({ state: _.in(LISTED_STATES), endAt: _.gt(since) })
    .orderBy('endAt', 'desc').limit(LIST_LIMIT).field(memberView(me)))
  const items = found.map((a) => listItem(a, ctx.now, me)).sort(byNeed)
  return { items, page: 1, total: items.length }
}

/**
 * 我的报名, newest first: the rows (answers) and their activities (state from the ledger). `total` is
 * exact on the last page and one more than loaded before it — a count would be a third request.
 */
export async function mine(ctx: Ctx, input: { page: number }): Promise<{ items: MineItem[]; page: number; total: number }> {
  const _ = ctx.db.command
  const me = requireMember(ctx)._id
  const { skip, limit } = pageWindow(input.page)
  const rows = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ memberId: me }).orderBy('createdAt', 'desc').skip(skip).limit(limit + 1))
  const more = rows.length > limit
  const page = rows.slice(0, limit)
  const ids = [...new Set(page.map((r) => r.activityId))]
  const acts = ids.length ? await docs<ActivityDoc>(ctx.db.collection(ACTIVITIES).where({ _id: _.in(ids) }).limit(ids.length).field(memberView(me))) : []
  const byId = new Map(acts.map((a) => [a._id, a]))
  const items: MineItem[] = []
  for (const r of page) {
    const a = byId.get(r.activityId)
    const e = a && entryOf(a, me)
    // A row without an entry is a sign-up that never completed: it is nobody's registration.
    if (a && e) items.push({ registration: myRegistration(a, me, e, r, ctx.now), activity: listItem(a, ctx.now, me), fields: a.fields })
  }
  return { items, page: input.page, total: skip + items.length + (more ? 1 : 0) }
}
