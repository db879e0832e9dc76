/**
 * Leaving a place or the queue, and filling what it frees. The leaver's entry, the counters and the
 * promotion of the front of the queue are ONE write of the activity (ledger.ts leaveChange), so a
 * newcomer can never take a freed place ahead of the queue and the counters move with the entries:
 *  - a member's own cancellation: a compare-and-set on `v` (decided again on a fresh read when
 *    anything changed in between);
 *  - an organiser's rejection: the same change inside a transaction with its audit entry.
 * Idempotent: leaving twice changes nothing the second time.
 */
import { recordAudit, type AuditEntry } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import type { ActivityDoc, LedgerEntry, RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { entryOf, leaveChange, type LedgerChange } from './ledger'
import { notifyResult } from './notify'
import { ACTIVITIES, REGISTRATIONS, getDoc, inTransaction, loadActivity } from './store'
import { changeData, unchangedSince } from './writes'

const MAX_ROUNDS = 40
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface Left {
  /** the activity as it was read for the change that was made */
  activity: ActivityDoc
  /** the entry as it was before leaving */
  before: LedgerEntry
  change: LedgerChange
}

/** Nothing to leave (never signed up, already left, rejected): the activity as read, to answer from. */
export interface Stayed {
  activity: ActivityDoc
  change: null
}

/**
 * The member leaves (cancelled). `refuse` says why they may not, judged on the fresh read (the
 * cancellation policy). With nothing to leave, answers the activity it read, so the caller need not
 * read it again.
 *
 * One read of the activity per round. A round that loses the compare-and-set (anyone's sign-up,
 * cancellation or approval moved `v` since the read) reads it again on purpose: the change it was
 * about to write — the queue and counters as absolute values — was computed from a copy that is no
 * longer current, and only a fresh read can decide the next one. That repeat is the price of never
 * losing a promotion; the first round reads once.
 */
export async function cancelOwn(ctx: Ctx, activityId: string, memberId: string, refuse: (a: ActivityDoc, e: LedgerEntry) => string | null): Promise<Left | Stayed> {
  const _ = ctx.db.command
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const a = await loadActivity(ctx.db, activityId)
    const before = entryOf(a, memberId)
    if (!before || !['c', 'p', 'w'].includes(before.s)) return { activity: a, change: null }
    const why = refuse(a, before)
    if (why) throw new AppError('CONFLICT', why)
    const change = leaveChange(a, memberId, 'x', ['c', 'p', 'w'])!
    const res = (await ctx.db.collection(ACTIVITIES).where({ _id: a._id, ...unchangedSince(_, a.v) }).update({ data: changeData(_, change, ctx.now) })) as { stats: { updated: number } }
    if (res.stats.updated === 1) {
      await announce(ctx, a, change.promoted)
      return { activity: a, before, change }
    }
    await sleep(Math.min(50, 2 * (round + 1)) * (0.5 + Math.random()))
  }
  throw new AppError('CONFLICT', '操作的人太多，请稍后再试。')
}

/** An organiser rejects a pending registration: the place goes to the queue, with the audit entry, in one transaction. */
export async function reject(ctx: Ctx, reg: RegistrationDoc, reason: string, audit: (a: ActivityDoc) => AuditEntry): Promise<Left | null> {
  const left = await inTransaction(ctx.db, async (t) => {
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, reg.activityId)
    if (!a) return null
    const before = entryOf(a, reg.memberId)
    const change = leaveChange(a, reg.memberId, 'r', ['p'])
    if (!before || !change) return null
    await t.collection(ACTIVITIES).doc(a._id).update({ data: changeData(ctx.db.command, change, ctx.now) })
    await t.collection(REGISTRATIONS).doc(reg._id).update({ data: { rejectReason: reason, updatedAt: ctx.now } })
    await recordAudit(t, ctx, audit(a))
    return { activity: a, before, change }
  })
  if (left) await announce(ctx, left.activity, left.change.promoted)
  return left
}

/** Tells the promoted they have a place (or that it waits for approval). */
async function announce(ctx: Ctx, a: ActivityDoc, promoted: string[]): Promise<void> {
  if (!promoted.length) return
  if (a.needsApproval) await notifyResult(ctx, a, promoted, '候补转正', '已轮到您，等待组织者审核')
  else await notifyResult(ctx, a, promoted, '候补转正', '您已从候补转为正式报名')
}
