/**
 * Casting: one member, one ballot, and nothing that links the two.
 *  1. the ballot is checked against the poll (every subject graded, at most k picks …) before
 *     anything is written;
 *  2. ONE transaction writes the receipt `<pollId>_<memberId>` (its primary key refuses a second
 *     one: "你已投过票" — the database, not a read before it, keeps one ballot per member), marks the
 *     elector as voted, and fills one empty ballot slot chosen at random with the choices and a
 *     fresh tracker — all or nothing;
 *  3. a slot taken meanwhile by someone else, or a write conflict, starts the transaction again
 *     with another slot (../_shared/transaction.ts); a closed poll has no empty slots left
 *     (closing seals them), so a cast racing the close either lands before it or is refused.
 * Round trips (#18): the poll and the voter read for the checks are not read again to look for the
 * first slot — only a round after a conflict re-checks them, in the same request as its look for a
 * slot — and the slot is looked for in one request. A phone ballot is 10 requests (the caller's member look-up included; 13–14 before), a
 * 评议码 ballot 12 (15–16 before): test/functions/poll-round-trips.test.ts.
 * A 评议码 ballot is the same step with the slip used up instead of a receipt (the receipt was
 * written when the chair handed the slip out), and the poll's `slipsUsed` counted against
 * `slipsIssued` in the same transaction.
 */
import type { Ballot, CastOutput } from '../../types/poll'
import { requireMember, type Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { AppError, forbidden } from '../_shared/errors'
import { readOf, readsAt, type Query, type Read, type Rows } from '../_shared/query'
import { newTracker, randomHex, slipKey } from '../_shared/codes'
import type { BallotDoc, PollDoc, SlipDoc, StoredChoices } from './documents'
import { checkBallot } from './rules'
import { POLL_COLLECTIONS as C, Retry, existing, getDoc, inTransaction, loadElector, loadPoll, receiptId, type Tx } from './store'

export const CAST_MESSAGES = {
  already: '你已投过票，每人只能投一次',
  notOnRoster: '你不在本次投票的名单中',
  notOpen: '投票还没有开始',
  ended: '投票已经结束',
  expired: '投票已过截止时间',
  slipUnknown: '评议码不对，请核对纸条上的评议码',
  slipUsed: '这张评议码已经用过了',
  slipNotIssued: '评议码的名额已经用完：请先由主席登记把评议码发给了谁',
} as const

/** The poll accepts ballots now (state and planned end). */
export function assertOpen(poll: PollDoc, now: Date): void {
  if (poll.state === 'draft' || poll.state === 'opening') throw new AppError('CONFLICT', CAST_MESSAGES.notOpen)
  if (poll.state !== 'open') throw new AppError('CONFLICT', CAST_MESSAGES.ended)
  if (new Date(poll.closesAt).getTime() <= now.getTime()) throw new AppError('CONFLICT', CAST_MESSAGES.expired)
}

/**
 * What a later look for a slot re-checks of the voter, in the same request as the look: the elector
 * (a phone ballot) or the slip (a 评议码 ballot) still unused.
 */
interface StillMine {
  read: Query
  check(found: any[]): void
}

/**
 * An empty slot of the poll, from a random place in the (random) id order. Re-checks that the poll
 * is still open and the voter may still vote — except on the first look when the caller has just
 * checked both (`checked`). Slots are as many as the roster, so one is always free for a voter who
 * has not voted; none free means the others' transactions have not settled yet — look again shortly.
 * Each look, re-checks included, is one request.
 */
async function pickSlot(ctx: Ctx, pollId: string, mine: StillMine, checked: boolean): Promise<string> {
  const _ = ctx.db.command
  for (let attempt = 0; ; attempt++) {
    const recheck = attempt > 0 || !checked
    // Empty slots after a random id, and the first ones for when none lie after it.
    const empty = (where: Record<string, unknown>) => readOf({
      collection: C.ballots, where: { pollId, state: 'empty', ...where }, orderBy: [['_id', 'asc']], limit: 8, fields: { _id: true },
    })
    const reads: Record<string, Read> = { after: empty({ _id: _.gte(randomHex()) }), first: empty({}) }
    if (recheck) Object.assign(reads, { poll: readOf({ collection: C.polls, where: { _id: pollId }, limit: 1 }), mine: readOf(mine.read) })
    const look: Rows = await readsAt(ctx.db, { collection: C.polls, where: { _id: pollId } }, reads)
    if (recheck) {
      assertOpen(existing<PollDoc>(look.poll[0]), ctx.now)
      mine.check(look.mine)
    }
    const found: Array<{ _id: string }> = look.after.length ? look.after : look.first
    // One of a few neighbours: simultaneous voters rarely pick the same slot.
    if (found.length) return found[Math.floor(Math.random() * found.length)]._id
    if (attempt >= 20) throw new AppError('CONFLICT', '投票的人很多，请稍后再试')
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100))
  }
}

/** pickSlot for each round of a transaction: the first trusts the checks just made, later ones (after a conflict) re-check. */
function slotPicker(ctx: Ctx, pollId: string, mine: StillMine): () => Promise<string> {
  let round = 0
  return () => pickSlot(ctx, pollId, mine, round++ === 0)
}

/** Fills the slot inside the transaction; a slot someone else filled starts the attempt over. */
async function fillSlot(t: Tx, slot: string, choices: StoredChoices, tracker: string): Promise<void> {
  const b = await getDoc<BallotDoc>(t, C.ballots, slot)
  if (!b || b.state !== 'empty') throw new Retry()
  await t.collection(C.ballots).doc(slot).update({ data: { state: 'cast', choices, tracker } })
}

export async function castByPhone(ctx: Ctx, pollId: string, ballot: Ballot): Promise<CastOutput> {
  const member = requireMember(ctx)
  const poll = await loadPoll(ctx.db, pollId)
  assertOpen(poll, ctx.now)
  const elector = await loadElector(ctx.db, pollId, member._id)
  if (!elector) throw forbidden(CAST_MESSAGES.notOnRoster)
  if (elector.voted) throw new AppError('CONFLICT', CAST_MESSAGES.already)
  const choices = checkBallot(poll, ballot)
  const tracker = newTracker()
  const id = receiptId(pollId, member._id)
  // No read of the elector here: electors are never removed once the poll opens, and the receipt's
  // primary key refuses a second ballot of the same member, whichever tap or path came first.
  await inTransaction(ctx.db, async (t, slot: string) => {
    try {
      await t.collection(C.receipts).add({ data: { _id: id, pollId, memberId: member._id } })
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONFLICT', CAST_MESSAGES.already)
      throw err
    }
    await t.collection(C.electors).doc(id).update({ data: { voted: true } })
    await fillSlot(t, slot, choices, tracker)
  }, slotPicker(ctx, pollId, {
    // Another tap of the same member may have voted meanwhile: say so rather than look for a slot.
    read: { collection: C.electors, where: { _id: id }, limit: 1 },
    check: (found) => { if (found[0]?.voted) throw new AppError('CONFLICT', CAST_MESSAGES.already) },
  }))
  return { pollId, tracker }
}

/** Whether a 评议码 can be used now (the shared device checks before showing the ballot). */
export async function slipUsable(ctx: Ctx, pollId: string, code: string): Promise<SlipDoc> {
  return (await usableSlip(ctx, pollId, code)).slip
}

/** The slip of `code` and the open poll it was checked against. */
async function usableSlip(ctx: Ctx, pollId: string, code: string): Promise<{ poll: PollDoc; slip: SlipDoc }> {
  const poll = await loadPoll(ctx.db, pollId)
  assertOpen(poll, ctx.now)
  const slip = await getDoc<SlipDoc>(ctx.db, C.slips, slipKey(ctx, pollId, code))
  if (!slip || slip.pollId !== pollId) throw new AppError('NOT_FOUND', CAST_MESSAGES.slipUnknown)
  if (slip.used) throw new AppError('CONFLICT', CAST_MESSAGES.slipUsed)
  if (poll.slipsUsed >= poll.slipsIssued) throw new AppError('CONFLICT', CAST_MESSAGES.slipNotIssued)
  return { poll, slip }
}

export async function castBySlip(ctx: Ctx, pollId: string, code: string, ballot: Ballot): Promise<CastOutput> {
  const { poll, slip } = await usableSlip(ctx, pollId, code)
  const choices = checkBallot(poll, ballot)
  const tracker = newTracker()
  await inTransaction(ctx.db, async (t, slot: string) => {
    const s = await getDoc<SlipDoc>(t, C.slips, slip._id)
    if (!s || s.used) throw new AppError('CONFLICT', CAST_MESSAGES.slipUsed)
    const p = await getDoc<PollDoc>(t, C.polls, pollId)
    if (!p || p.state !== 'open') throw new AppError('CONFLICT', CAST_MESSAGES.ended)
    if (p.slipsUsed >= p.slipsIssued) throw new AppError('CONFLICT', CAST_MESSAGES.slipNotIssued)
    await t.collection(C.slips).doc(slip._id).update({ data: { used: true } })
    // The count moves in the same transaction: used slips never exceed the receipts written for them.
    await t.collection(C.polls).doc(pollId).update({ data: { slipsUsed: p.slipsUsed + 1 } })
    await fillSlot(t, slot, choices, tracker)
  }, slotPicker(ctx, pollId, {
    read: { collection: C.slips, where: { _id: slip._id }, limit: 1 },
    check: (found) => { if (found[0]?.used) throw new AppError('CONFLICT', CAST_MESSAGES.slipUsed) },
  }))
  return { pollId, tracker }
}
