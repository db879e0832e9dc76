/**
 * Daily (timer, 08:30 Shanghai): overdue cases — 交办 past the due date, or 立案审查 past the
 * committee's review date — go to the chair. Once a day: the day's key `congress_escalations/<date>`
 * is inserted first and the primary key refuses a second run the same day.
 */
import { TEMPLATES } from '../../types/templates'
import type { Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C, type ProposalDoc } from './documents'
import { isOverdue } from './views'
import { scanAll } from './store'

export async function escalate(ctx: Ctx): Promise<{ sent: number; overdue: number; already: boolean }> {
  const today = shanghaiDate(ctx.now)
  const _ = ctx.db.command
  const open = await scanAll<ProposalDoc>(ctx.db, C.proposals, { state: _.in(['submitted', 'assigned']) }, { state: true, dueDate: true, reviewDue: true, title: true, sessionId: true })
  const overdue = open.filter((p) => isOverdue(p, today))
  try {
    await ctx.db.collection(C.escalations).add({ data: { _id: today, overdue: overdue.map((p) => p._id), at: ctx.now } })
  } catch (err) {
    if (isDuplicateKey(err)) return { sent: 0, overdue: overdue.length, already: true }
    throw err
  }
  if (overdue.length === 0) return { sent: 0, overdue: 0, already: false }
  const chairs = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where({ membership: 'approved', role: 'chair' }).limit(MAX_QUERY).field({ openid: true, name: true }))
  let sent = 0
  for (const c of chairs) {
    const ok = await ctx.services.notify({
      touser: c.openid, templateId: TEMPLATES.congressOverdue, page: 'packages/congress/pages/desk/index', recipientLabel: c.name,
      data: { thing1: { value: `${overdue.length}件提案超期未办`.slice(0, 20) }, date2: { value: today } },
    })
    if (ok) sent++
  }
  return { sent, overdue: overdue.length, already: false }
}
