/**
 * Messages to 代表 (subscribeMessage; each 代表 asks for them on the board's “提醒我” tap):
 *  - the collection window opened, and it closes within CLOSING_DAYS — a daily timer (08:00 Shanghai)
 *    sends each kind once per session to every active 代表. Before each message the key
 *    `congress_reminders/<sessionId>_<kind>_<memberId>` is inserted, and the primary key refuses a second
 *    send: at most once per 代表, even with two runs at once. A run that stops half way leaves the
 *    session unfinished, so the next run sends to the 代表 it had not reached; `<sessionId>_<kind>`
 *    marks the session finished, and later runs skip it without reading its 代表.
 *  - an invitation to second (附议): sent by `invite` to each newly invited 代表.
 * A refused send (not subscribed) is recorded by ctx.services.notify and changes nothing else.
 */
import { TEMPLATES } from '../../types/templates'
import type { Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { addDays, shanghaiDate } from '../_shared/time'
import { CONGRESS_COLLECTIONS as C, type ProposalDoc, type SessionDoc } from './documents'
import { allSessions, getDoc, membersByIds, sessionDelegates } from './store'

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
      if (await getDoc(ctx.db, C.reminders, `${s._id}_${kind}`)) continue
      const reached = await toDelegates(ctx, s, kind)
      await claim(ctx, { _id: `${s._id}_${kind}`, sessionId: s._id, kind, at: ctx.now })
      if (reached.claimed) reminders.push(`${s._id}_${kind}`)
      sent += reached.sent
    }
  }
  return { sent, reminders }
}

/** Inserts a reminder key; false when it was already there (sent, or being sent, by another run). */
async function claim(ctx: Ctx, data: { _id: string; sessionId: string; kind: Kind; at: Date; memberId?: string }): Promise<boolean> {
  try {
    await ctx.db.collection(C.reminders).add({ data })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** Each active 代表 not yet claimed for this reminder: claimed, then sent. */
async function toDelegates(ctx: Ctx, s: SessionDoc, kind: Kind): Promise<{ sent: number; claimed: number }> {
  const active = (await sessionDelegates(ctx.db, s._id)).filter((d) => d.state === 'active')
  const members = await membersByIds(ctx.db, active.map((d) => d.memberId))
  let sent = 0
  let claimed = 0
  for (const d of active) {
    const m = members.get(d.memberId)
    if (!m || m.membership !== 'approved') continue
    if (!(await claim(ctx, { _id: `${s._id}_${kind}_${m._id}`, sessionId: s._id, kind, memberId: m._id, at: ctx.now }))) continue
    claimed++
    const ok = await ctx.services.notify({
      touser: m.openid, templateId: kind === 'open' ? TEMPLATES.congressCollectOpen : TEMPLATES.congressCollectClosing, page: `${BOARD}?session=${s._id}`, recipientLabel: m.name,
      data: { thing1: { value: s.title.slice(0, 20) }, date2: { value: s.collectTo }, thing3: { value: kind === 'open' ? '提案征集已开始，欢迎提出提案' : '提案征集即将截止，请抓紧提交' } },
    })
    if (ok) sent++
  }
  return { sent, claimed }
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
