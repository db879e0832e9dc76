/**
 * The day-before reminder (timer trigger `remind`, daily): every published activity starting
 * tomorrow (Shanghai) reminds its confirmed members once — the activity is marked with the day
 * by a conditional update first, so a second run the same day sends nothing.
 */
import type { Ctx } from '../_shared/context'
import { MAX_QUERY, type ActivityDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { addDays, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { membersIn } from './ledger'
import { notifyReminder } from './notify'
import { ACTIVITIES } from './store'

export async function remind(ctx: Ctx): Promise<{ activities: number; sent: number }> {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const tomorrow = addDays(today, 1)
  const from = startOfShanghaiDay(tomorrow)
  const to = startOfShanghaiDay(addDays(tomorrow, 1))
  const due = await docs<ActivityDoc>(ctx.db.collection(ACTIVITIES).where({ state: 'published', startAt: _.gte(from).and(_.lt(to)) }).orderBy('startAt', 'asc').limit(MAX_QUERY))
  let activities = 0
  let sent = 0
  for (const a of due) {
    const mine = (await ctx.db.collection(ACTIVITIES).where({ _id: a._id, remindedOn: _.neq(today) }).update({ data: { remindedOn: today } })) as { stats: { updated: number } }
    if (mine.stats.updated !== 1) continue
    activities += 1
    sent += await notifyReminder(ctx, a, membersIn(a, ['c']))
  }
  return { activities, sent }
}
