/**
 * The monthly reminder (timer, config.json): each owner of open items due this month or overdue is
 * told once a month. The claim `<ownerId>_<YYYY-MM>` is inserted before the send; its unique `_id`
 * makes a second run (or a concurrent one) skip that owner — at most one message per owner per month.
 */
import { TEMPLATES } from '../../types/templates'
import type { PlanItemView } from '../../types/plan'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { isDuplicateKey } from '../_shared/create-once'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { ReminderDoc } from './documents'
import { PLAN_COLLECTIONS as C, itemsOfYear } from './store'
import { dueDay, itemViews } from './status'

/** Open items (not done or cancelled) of this year and last: due this month, and overdue. */
export async function openItems(ctx: Ctx, today: string): Promise<{ thisMonth: PlanItemView[]; overdue: PlanItemView[] }> {
  const year = Number(today.slice(0, 4))
  const items = [...(await itemsOfYear(ctx.db, year - 1)), ...(await itemsOfYear(ctx.db, year))]
  const open = (await itemViews(ctx.db, items, ctx.now)).filter((i) => i.status !== 'done' && i.status !== 'cancelled')
  const month = today.slice(0, 7)
  return {
    thisMonth: open.filter((i) => !i.overdue && dueDay(i).slice(0, 7) === month),
    overdue: open.filter((i) => i.overdue),
  }
}

export async function remindOwners(ctx: Ctx): Promise<{ owners: number; sent: number; skipped: number }> {
  const today = shanghaiDate(ctx.now)
  const month = today.slice(0, 7)
  const { thisMonth, overdue } = await openItems(ctx, today)
  const byOwner = new Map<string, PlanItemView[]>()
  for (const i of [...overdue, ...thisMonth]) byOwner.set(i.ownerId, [...(byOwner.get(i.ownerId) ?? []), i])
  let sent = 0
  let skipped = 0
  for (const [ownerId, items] of byOwner) {
    const claim: ReminderDoc = { _id: `${ownerId}_${month}`, ownerId, month, items: items.length, at: ctx.now }
    try {
      await ctx.db.collection(C.reminded).add({ data: claim })
    } catch (err) {
      if (isDuplicateKey(err)) { skipped++; continue }
      throw err
    }
    const [owner] = await docs<Pick<MemberDoc, 'openid' | 'name' | 'membership'>>(ctx.db.collection(COLLECTIONS.members).where({ _id: ownerId, membership: 'approved' }).limit(1).field({ openid: true, name: true, membership: true }))
    if (!owner) continue
    const late = items.filter((i) => i.overdue).length
    const ok = await ctx.services.notify({
      touser: owner.openid, templateId: TEMPLATES.planMonthly, page: 'packages/plan/pages/plan/index', recipientLabel: owner.name,
      data: {
        thing1: { value: `${month.replace('-', '年')}月工作计划`.slice(0, 20) },
        number2: { value: String(items.length) },
        thing3: { value: (late ? `其中逾期 ${late} 项：${items[0].title}` : items[0].title).slice(0, 20) },
      },
    })
    if (ok) sent++
  }
  return { owners: byOwner.size, sent, skipped }
}
