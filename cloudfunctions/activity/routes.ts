import { activityListInput, type ActivityListOutput } from '../../types/activity'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type ActivityDoc } from '../_shared/documents'
import { iso, pageOf } from '../_shared/query'
import { activityStatus } from './status'

type ListedActivity = Pick<ActivityDoc, '_id' | 'title' | 'category' | 'place' | 'startAt' | 'endAt' | 'signupStartAt' | 'signupEndAt' | 'capacity' | 'confirmedCount' | 'waitlistCount' | 'state'>

const LIST_FIELDS = {
  _id: true, title: true, category: true, place: true, startAt: true, endAt: true, signupStartAt: true,
  signupEndAt: true, capacity: true, confirmedCount: true, waitlistCount: true, state: true,
}

export const routes = {
  /** Published activities, latest start first, 20 a page. Members only. Index: state, startAt. */
  list: action({
    input: activityListInput,
    role: 'member',
    async run(ctx, input): Promise<ActivityListOutput> {
      const where = { state: 'published' }
      const { total: count, items: found } = await pageOf<ListedActivity>(ctx.db.collection(COLLECTIONS.activities), where, {
        orderBy: [['startAt', 'desc']], page: input.page, fields: LIST_FIELDS,
      })
      return {
        items: found.map((a) => ({
          id: a._id,
          title: a.title,
          category: a.category,
          place: a.place,
          startAt: iso(a.startAt),
          endAt: iso(a.endAt),
          signupStartAt: iso(a.signupStartAt),
          signupEndAt: iso(a.signupEndAt),
          capacity: a.capacity,
          confirmedCount: a.confirmedCount,
          waitlistCount: a.waitlistCount,
          status: activityStatus(a, ctx.now),
        })),
        page: input.page,
        total: count,
      }
    },
  }),
}
