/**
 * Reminders to voters who have not voted: when a poll opens and when it closes within a day
 * (timer), and when the chair taps 提醒 (at most every 6 hours). Each message is a one-time
 * subscription the voter asked for on a tap (the poll list); the recipients are read from the
 * electors without a receipt — never anything about how anyone voted. Each send is claimed by one
 * conditional update first (the chair's, in one transaction with its audit entry), so overlapping
 * timers or taps send once.
 */
import { TEMPLATES } from '../../types/templates'
import { auditedUpdate } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { formatShanghai } from '../_shared/time'
import type { ElectorDoc, PollDoc } from './documents'
import { POLL_COLLECTIONS as C, scanAll } from './store'

const CHAIR_SPACING_MS = 6 * 3600_000
const CLOSING_SOON_MS = 24 * 3600_000

type Kind = 'opened' | 'closing'

const nonVoters = (ctx: Ctx, p: PollDoc) => scanAll<Pick<ElectorDoc, 'memberId'>>(ctx.db, C.electors, { pollId: p._id, voted: false }, { memberId: true })

async function sendToNonVoters(ctx: Ctx, p: PollDoc, kind: Kind, known?: Array<Pick<ElectorDoc, 'memberId'>>): Promise<{ sent: number; nonVoters: number }> {
  const _ = ctx.db.command
  const waiting = known ?? (await nonVoters(ctx, p))
  let sent = 0
  for (let i = 0; i < waiting.length; i += MAX_QUERY) {
    const ids = waiting.slice(i, i + MAX_QUERY).map((e) => e.memberId)
    const people = await docs<Pick<MemberDoc, 'openid' | 'membership'>>(ctx.db.collection(COLLECTIONS.members).where({ _id: _.in(ids) }).limit(ids.length).field({ openid: true, membership: true }))
    for (let k = 0; k < people.length; k += 20) {
      const batch = people.slice(k, k + 20).filter((m) => m.membership === 'approved' && m.openid)
      const ok = await Promise.all(batch.map((m) => ctx.services.notify({
        touser: m.openid,
        templateId: kind === 'opened' ? TEMPLATES.pollOpened : TEMPLATES.pollClosing,
        page: `packages/poll/pages/ballot/index?id=${p._id}`,
        data: {
          thing1: { value: p.title.length > 20 ? `${p.title.slice(0, 19)}…` : p.title },
          time2: { value: formatShanghai(new Date(p.closesAt)) },
          thing3: { value: kind === 'opened' ? '投票已开始，不记名，请在截止前投票' : '投票即将截止，你还没有投票' },
        },
      })))
      sent += ok.filter(Boolean).length
    }
  }
  return { sent, nonVoters: waiting.length }
}

/** The chair's 提醒未投票的人. */
export async function remindNow(ctx: Ctx, p: PollDoc): Promise<{ sent: number; nonVoters: number }> {
  if (p.state !== 'open') throw new AppError('CONFLICT', '只有投票中的投票可以提醒')
  const last = p.lastRemindedAt ? new Date(p.lastRemindedAt) : null
  if (last && ctx.now.getTime() - last.getTime() < CHAIR_SPACING_MS) throw new AppError('CONFLICT', `${formatShanghai(last, 'HH:mm')} 已经提醒过，6 小时后才能再提醒`)
  const waiting = await nonVoters(ctx, p)
  // Claimed on the value just read (of two taps at once, one sends) together with its audit entry, before
  // any message goes out: a reminder is never sent unlogged. The entry names how many were to be reminded;
  // a message WeChat refuses is logged on its own (notify.failed).
  const at = (d: unknown) => (d ? new Date(d as Date).getTime() : null)
  const { changed } = await auditedUpdate<PollDoc>(ctx, C.polls, p._id, (now) => (now?.state !== 'open' || at(now.lastRemindedAt) !== at(p.lastRemindedAt) ? null : {
    data: { lastRemindedAt: ctx.now },
    entry: { action: 'poll.remind', target: { kind: 'poll', id: p._id, label: p.title }, after: { nonVoters: waiting.length } },
  }))
  if (!changed) throw new AppError('CONFLICT', '刚刚已经提醒过了')
  return sendToNonVoters(ctx, p, 'closing', waiting)
}

/** Timer: opening messages for newly opened polls, closing-soon messages a day before the end. */
export async function sendReminders(ctx: Ctx): Promise<{ opened: number; closing: number }> {
  const _ = ctx.db.command
  const open = await docs<PollDoc>(ctx.db.collection(C.polls).where({ state: 'open' }).orderBy('closesAt', 'asc').limit(MAX_QUERY))
  let opened = 0
  let closing = 0
  for (const p of open) {
    if (!p.remindedOpening) {
      const mine = (await ctx.db.collection(C.polls).where({ _id: p._id, remindedOpening: _.neq(true) }).update({ data: { remindedOpening: true } })) as { stats: { updated: number } }
      if (mine.stats.updated === 1) opened += (await sendToNonVoters(ctx, p, 'opened')).sent
    }
    const soon = new Date(p.closesAt).getTime() - ctx.now.getTime() <= CLOSING_SOON_MS
    if (soon && !p.remindedClosing) {
      const mine = (await ctx.db.collection(C.polls).where({ _id: p._id, remindedClosing: _.neq(true) }).update({ data: { remindedClosing: true } })) as { stats: { updated: number } }
      if (mine.stats.updated === 1) closing += (await sendToNonVoters(ctx, p, 'closing')).sent
    }
  }
  return { opened, closing }
}
