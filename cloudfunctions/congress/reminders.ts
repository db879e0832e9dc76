/**
 * Messages to 代表 (subscribeMessage; each 代表 asks for them on the board's “提醒我” tap):
 *  - the collection window opened, and it closes within CLOSING_DAYS — a daily timer (08:00 Shanghai)
 *    sends each kind once per session to every active 代表: the key `congress_reminders/<sessionId>_<kind>`
 *    is inserted first and the primary key refuses a second send (at most once, even if a run fails half way);
 *  - an invitation to second (附议): sent by `invite` to each newly invited 代表.
 * A refused send (not subscribed) is recorded by ctx.services.notify and changes nothing else.
 */
import { TEMPLATES } from '../../types/templates'
import type { Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { addDays, shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C, type ProposalDoc, type SessionDoc } from './documents'
import { allSessions, membersByIds, sessionDelegates } from './store'

/** The closing reminder goes out when the window has fewer than this many days left (today included). */
export const CLOSING_DAYS = 3

type Kind = 'open' | 'close'
const BOARD = 'packages/congress/pages/board/index'

export async function remindCollection(ctx: Ctx): Promise<{ sent: number; reminders: string[] }> {
  const today = shanghaiDate(ctx.now)
  const open = (await allSessions(ctx.db)).filter((s) => s.collectFrom <= today && today <= s.collectTo)
  let sent = 0
  const reminders: string[] = []
  for (const s of open) {
    const kinds: Kind[] = s.collectTo < addDays(today, CLOSING_DAYS) ? ['open', 'close'] : ['open']
    for (const kind of kinds) {
      if (!(await claim(ctx, s, kind))) continue
      reminders.push(`${s._id}_${kind}`)
      sent += await toDelegates(ctx, s, kind)
    }
  }
  return { sent, reminders }
}

async function claim(ctx: Ctx, s: SessionDoc, kind: Kind): Promise<boolean> {
  try {
    await ctx.db.collection(C.reminders).add({ data: { _id: `${s._id}_${kind}`, sessionId: s._id, kind, at: ctx.now } })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

async function toDelegates(ctx: Ctx, s: SessionDoc, kind: Kind): Promise<number> {
  const active = (await sessionDelegates(ctx.db, s._id)).filter((d) => d.state === 'active')
  const members = await membersByIds(ctx.db, active.map((d) => d.memberId))
  let sent = 0
  for (const d of active) {
    const m = members.get(d.memberId)
    if (!m || m.membership !== 'approved') continue
    const ok = await ctx.services.notify({
      touser: m.openid, templateId: kind === 'open' ? TEMPLATES.congressCollectOpen : TEMPLATES.congressCollectClosing, page: `${BOARD}?session=${s._id}`, recipientLabel: m.name,
      data: { thing1: { value: s.title.slice(0, 20) }, date2: { value: s.collectTo }, thing3: { value: kind === 'open' ? '提案征集已开始，欢迎提出提案' : '提案征集即将截止，请抓紧提交' } },
    })
    if (ok) sent++
  }
  return sent
}

/** Tells each newly invited 代表 who asks them to second which proposal. */
export async function tellInvited(ctx: Ctx, p: ProposalDoc, memberIds: string[]): Promise<void> {
  if (memberIds.length === 0) return
  const members = await membersByIds(ctx.db, memberIds)
  for (const id of memberIds) {
    const m = members.get(id)
    if (!m) continue
    await ctx.services.notify({
      touser: m.openid, templateId: TEMPLATES.congressInvite, page: `packages/congress/pages/proposal/index?id=${p._id}`, recipientLabel: m.name,
      data: { thing1: { value: p.title.slice(0, 20) }, name2: { value: p.proposerName.slice(0, 10) }, thing3: { value: '邀请您附议，请同意或谢绝' } },
    })
  }
}
