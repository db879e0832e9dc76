/**
 * Sign-up, exact under any concurrency:
 *  1. take the registration row (`_id` = activity_member, unique): of any number of taps by one
 *     member exactly one proceeds; the others wait for it and answer the same registration;
 *  2. take a place with ONE atomic conditional update on the activity
 *     (`seatsTaken ≤ capacity − seats`, and nobody waiting) — never counts then inserts;
 *  3. no place: take a FIFO ticket (`waitSeq + 1`) and become waitlisted in one transaction, so
 *     tickets are dense, unique and appear together with their rows; then fill any place that
 *     freed meanwhile.
 * A failing step is compensated (the place released and offered to the waitlist), so counters
 * always equal the rows.
 */
import crypto from 'node:crypto'
import type { Answers } from '../../types/activity'
import { requireMember, type Ctx } from '../_shared/context'
import type { ActivityDoc, RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { MESSAGES, checkAudience, checkFrequency, checkGuests, checkOpen, seatsFor, validateAnswers } from './rules'
import { ACTIVITIES, REGISTRATIONS, getDoc, inTransaction, loadActivity, loadRegistration, registrationId } from './store'
import { fill, holdsPlace } from './waitlist'

/** A claim older than this was abandoned (its function instance died): another tap may take it over. */
const STALE_CLAIM_MS = 20_000

export interface SignupInput {
  activityId: string
  answers: Answers
  guests: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Answers the member's registration after sign-up (the same one for every repeated tap). */
export async function register(ctx: Ctx, input: SignupInput): Promise<{ activity: ActivityDoc; reg: RegistrationDoc }> {
  const member = requireMember(ctx)
  const a = await loadActivity(ctx.db, input.activityId)
  const id = registrationId(a._id, member._id)
  const existing = await loadRegistration(ctx.db, id)
  if (existing && (holdsPlace(existing.state) || existing.state === 'waitlisted')) return { activity: a, reg: existing }
  if (existing?.state === 'rejected') throw new AppError('CONFLICT', MESSAGES.rejected)

  checkOpen(a, ctx.now)
  checkAudience(a, member)
  checkGuests(a, input.guests)
  const answers = validateAnswers(a.fields, input.answers)
  if (a.frequency) checkFrequency(a, await seriesHistory(ctx, a))
  const seats = seatsFor(a, input.guests)
  if (a.capacity > 0 && seats > a.capacity) throw new AppError('CONFLICT', `报名人数超过了活动的总名额（${a.capacity} 个）。`)
  if (!a.waitlist && a.capacity > 0 && a.seatsTaken + seats > a.capacity) throw new AppError('CONFLICT', MESSAGES.full)

  const fields: Partial<RegistrationDoc> = {
    memberName: member.name, department: member.department, answers, guests: input.guests, seats,
    ...(a.frequency ? { seriesKey: a.frequency.key, activityStartAt: a.startAt } : {}),
  }
  const claim = await takeRow(ctx, a, id, existing, fields)
  if (!claim.mine) return { activity: a, reg: await settled(ctx, id) }

  // Known full or people already waiting: the conditional update would fail, so skip it.
  const surelyFull = a.waitlistCount > 0 || (a.capacity > 0 && a.seatsTaken + seats > a.capacity)
  if (!surelyFull && (await takePlace(ctx, a, seats))) {
    const state = a.needsApproval ? 'pending' : 'confirmed'
    try {
      await ctx.db.collection(REGISTRATIONS).doc(id).update({ data: { state, updatedAt: ctx.now } })
    } catch (err) {
      await releasePlace(ctx, a, seats)
      await giveBack(ctx, id, claim.restore)
      await fill(ctx, a._id)
      throw err
    }
  } else if (a.waitlist) {
    let ticket: { waitSeq: number; placesFree: boolean }
    try {
      ticket = await takeTicket(ctx, a._id, id)
    } catch (err) {
      await giveBack(ctx, id, claim.restore)
      throw err
    }
    // A place freed between the failed update and the ticket: the queue (now including us) takes it.
    if (ticket.placesFree) await fill(ctx, a._id)
  } else {
    await giveBack(ctx, id, claim.restore)
    throw new AppError('CONFLICT', MESSAGES.full)
  }
  const reg = await loadRegistration(ctx.db, id)
  return { activity: a, reg: reg! }
}

/** The member's holding registrations in the activity's series (for the frequency rule). */
async function seriesHistory(ctx: Ctx, a: ActivityDoc) {
  const _ = ctx.db.command
  const member = requireMember(ctx)
  const regs = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS)
    .where({ memberId: member._id, seriesKey: a.frequency!.key, state: _.in(['confirmed', 'pending']) }).limit(100))
  const others = regs.filter((r) => r.activityId !== a._id)
  const titles = await Promise.all(others.slice(0, 5).map((r) => getDoc<ActivityDoc>(ctx.db, ACTIVITIES, r.activityId)))
  return others.map((r, i) => ({ ...r, title: titles[i]?.title }))
}

interface Claim {
  mine: boolean
  /** what to put back if the sign-up cannot complete: the old row (re-sign-up) or nothing */
  restore: RegistrationDoc | null
}

/** Step 1: the unique row. A cancelled registration is taken back by a conditional update. */
async function takeRow(ctx: Ctx, a: ActivityDoc, id: string, existing: RegistrationDoc | null, fields: Partial<RegistrationDoc>): Promise<Claim> {
  const claimToken = crypto.randomBytes(8).toString('hex')
  const claiming = { ...fields, state: 'claiming', claimToken, updatedAt: ctx.now }
  if (!existing) {
    try {
      await ctx.db.collection(REGISTRATIONS).add({ data: { _id: id, activityId: a._id, memberId: requireMember(ctx)._id, ...claiming, createdAt: ctx.now } })
      return { mine: true, restore: null }
    } catch (err) {
      if (/duplicate|E11000|-502001/i.test(String((err as Error)?.message ?? err))) return { mine: false, restore: null }
      throw err
    }
  }
  const stale = existing.state === 'claiming' && ctx.now.getTime() - new Date(existing.updatedAt).getTime() > STALE_CLAIM_MS
  if (existing.state !== 'cancelled' && !stale) return { mine: false, restore: null }
  const where: Record<string, unknown> = { _id: id, state: existing.state }
  if ((existing as { claimToken?: string }).claimToken) where.claimToken = (existing as { claimToken?: string }).claimToken
  // A re-sign-up starts afresh: the old ticket, promotion and cancellation no longer apply.
  const _ = ctx.db.command
  const cleared = { waitSeq: _.remove(), promotedAt: _.remove(), cancelledAt: _.remove(), rejectReason: _.remove() }
  const res = (await ctx.db.collection(REGISTRATIONS).where(where).update({ data: { ...claiming, ...cleared, createdAt: ctx.now } })) as { stats: { updated: number } }
  return { mine: res.stats.updated === 1, restore: existing.state === 'cancelled' ? existing : null }
}

/** A sign-up that cannot complete leaves no trace: the claim is removed or the old row restored. */
async function giveBack(ctx: Ctx, id: string, restore: RegistrationDoc | null): Promise<void> {
  if (restore) {
    const { _id, ...old } = restore
    await ctx.db.collection(REGISTRATIONS).doc(id).set({ data: old })
  } else {
    await ctx.db.collection(REGISTRATIONS).where({ _id: id, state: 'claiming' }).remove()
  }
}

/** Step 2: one atomic conditional update; true when a place was taken. */
async function takePlace(ctx: Ctx, a: ActivityDoc, seats: number): Promise<boolean> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { _id: a._id, state: 'published', waitlistCount: 0 }
  if (a.capacity > 0) where.seatsTaken = _.lte(a.capacity - seats)
  const data: Record<string, unknown> = { seatsTaken: _.inc(seats), confirmedCount: _.inc(1), updatedAt: ctx.now }
  if (a.needsApproval) data.pendingCount = _.inc(1)
  const res = (await ctx.db.collection(ACTIVITIES).where(where).update({ data })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

async function releasePlace(ctx: Ctx, a: ActivityDoc, seats: number): Promise<void> {
  const _ = ctx.db.command
  const data: Record<string, unknown> = { seatsTaken: _.inc(-seats), confirmedCount: _.inc(-1), updatedAt: ctx.now }
  if (a.needsApproval) data.pendingCount = _.inc(-1)
  await ctx.db.collection(ACTIVITIES).doc(a._id).update({ data })
}

/** Step 3: the next ticket and the waitlisted row, together. */
async function takeTicket(ctx: Ctx, activityId: string, id: string): Promise<{ waitSeq: number; placesFree: boolean }> {
  return inTransaction(ctx.db, async (t) => {
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, activityId)
    if (!a || a.state !== 'published') throw new AppError('CONFLICT', a?.state === 'cancelled' ? MESSAGES.cancelled : MESSAGES.closed)
    const ticket = a.waitSeq + 1
    await t.collection(ACTIVITIES).doc(activityId).update({ data: { waitSeq: ticket, waitlistCount: a.waitlistCount + 1, updatedAt: ctx.now } })
    await t.collection(REGISTRATIONS).doc(id).update({ data: { state: 'waitlisted', waitSeq: ticket, updatedAt: ctx.now } })
    return { waitSeq: ticket, placesFree: a.capacity === 0 || a.seatsTaken < a.capacity }
  })
}

/** Another tap of the same member holds the row: wait (briefly) until it settles. */
async function settled(ctx: Ctx, id: string): Promise<RegistrationDoc> {
  for (let i = 0; i < 60; i++) {
    const reg = await loadRegistration(ctx.db, id)
    if (!reg) throw new AppError('CONFLICT', '报名没有成功，请刷新后重试。')
    if (reg.state !== 'claiming') return reg
    await sleep(100)
  }
  throw new AppError('CONFLICT', '您的报名正在处理中，请稍后刷新查看结果。')
}
