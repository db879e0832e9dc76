import * as z from 'zod/mini'
import { TEMPLATES } from '../../types/templates'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { purgeOldCounters } from './counters'

export const timerRoutes = {
  /**
   * Daily, 08:00: tells each chair how many released items are overdue (one message each, none
   * when nothing is overdue). Subscription messages carry counts only, never an item's text.
   */
  remindOverdue: action({
    input: z.object({}),
    role: 'timer',
    async run(ctx): Promise<{ overdue: number; notified: number }> {
      const _ = ctx.db.command
      const today = shanghaiDate(ctx.now)
      const overdue = ((await ctx.db.collection(COLLECTIONS.opinions)
        .where({ state: _.in(['pending', 'processing']), dueOn: _.lt(today), visibleOn: _.lte(today) }).count()) as { total: number }).total
      if (overdue === 0) return { overdue, notified: 0 }
      const chairs = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where({ membership: 'approved', role: 'chair' }).limit(MAX_QUERY))
      let notified = 0
      for (const chair of chairs) {
        const sent = await ctx.services.notify({
          touser: chair.openid,
          templateId: TEMPLATES.opinionOverdue,
          page: 'packages/opinion/pages/inbox/index?filter=overdue',
          data: { thing1: { value: '意见箱有超期未答复的意见' }, number2: { value: String(overdue) }, date3: { value: today } },
        })
        if (sent) notified++
      }
      return { overdue, notified }
    },
  }),

  /** Daily, just after midnight: deletes every daily counter of a day that has ended. */
  purgeCounters: action({
    input: z.object({}),
    role: 'timer',
    async run(ctx): Promise<{ removed: number }> {
      return { removed: await purgeOldCounters(ctx) }
    },
  }),
}
