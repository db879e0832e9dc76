/**
 * Sign-up, exact under any concurrency, in as few database requests as the guarantees allow:
 *  1. read the activity as the member sees it — with their own ledger entry and the queue (one
 *     request); an entry already there answers a repeated tap at once, 候补第 n 位 included;
 *  2. write the registration row (answers, guests): the row alone counts for nothing;
 *  3. ONE atomic conditional update of the activity takes a place (`seatsTaken ≤ capacity −
 *     seats`, nobody waiting, the member's entry still as read) or joins the back of the queue
 *     (still full or people waiting) — never counts then inserts. The entry is the commit point:
 *     a sign-up killed before it left a harmless row; one killed after it is complete.
 *  A lost race (the last place went, the queue emptied) is decided again on a fresh read.
 * Confirmed: 4 requests with the caller's member look-up; waitlisted: 5 (the queue is read back
 * for 候补第 n 位, which others joining at the same moment may have changed); a repeated tap: 2,
 * waiting or not. The queue is member ids only, so reading it costs little beside the request it saves.
 *
 * 代报名 (the committee signs up a member without a phone) runs the same decision inside a
 * transaction with its audit entry, so it competes for the same places under the same rules.
 */
import type { Answers, SignupOutcome } from '../../types/activity'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc, type LedgerEntry, type MemberDoc, type RegistrationDoc } from '../_shared/documents'
import { isDuplicateKey } from '../_shared/create-once'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { entryOf, isActive, ledgerPath, planSignup, stateOf, waitPosition } from './ledger'
import { MESSAGES, checkAudience, checkFrequency, checkGuests, checkOpen, seatsFor, validateAnswers } from './rules'
import { ACTIVITIES, REGISTRATIONS, getDoc, inTransaction, loadForMember, registrationId } from './store'
import { entryAsRead, signupData } from './writes'

export interface SignupInput {
  activityId: string
  answers: Answers
  guests: number
}

/** Rounds of read → decide → conditional update before answering "busy" (each lost round costs 2 requests). */
const MAX_ROUNDS = 40
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The member's own sign-up. Idempotent: every tap answers the same registration. */
export async function register(ctx: Ctx, input: SignupInput): Promise<SignupOutcome> {
  const member = requireMember(ctx)
  const id = registrationId(input.activityId, member._id)
  let checked: Checked | null = null
  let rowWritten = false
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const a = await loadForMember(ctx.db, input.activityId, member._id)
    const e = entryOf(a, member._id)
    if (isActive(e)) return standing(a, member._id, e!)
    try {
      checked ??= await checkSignup(ctx, a, member, input, e)
      checkOpen(a, ctx.now)
      const plan = planSignup(a, checked.seats, input.guests, ctx.now, e)
      if (plan.kind === 'full') throw new AppError('CONFLICT', MESSAGES.full)
      if (!rowWritten) {
        await writeRow(ctx, id, row(a, member, checked.answers, input.guests, ctx.now))
        rowWritten = true
      }
      const res = (await ctx.db.collection(ACTIVITIES).where(commitCondition(ctx, a, member._id, plan.kind, checked.seats, e))
        .update({ data: signupData(ctx.db.command, member._id, plan.kind, plan.entry, ctx.now) })) as { stats: { updated: number } }
      if (res.stats.updated === 1) return plan.kind === 'place' ? outcome(a._id, member._id, plan.entry) : readBackQueue(ctx, a._id, member._id)
    } catch (err) {
      // Refused after the row was written: a first sign-up leaves nothing behind.
      if (rowWritten && !e) await Promise.resolve(ctx.db.collection(REGISTRATIONS).doc(id).remove()).catch(() => undefined)
      throw err
    }
    await sleep(Math.min(50, 2 * (round + 1)) * (0.5 + Math.random()))
  }
  throw new AppError('CONFLICT', '报名的人太多，请稍后再试。')
}

/** 代报名: same rules and places as a self sign-up; the row says who did it and the audit log records it. */
export async function registerFor(ctx: Ctx, input: SignupInput & { memberId: string }): Promise<SignupOutcome> {
  const organiser = requireMember(ctx)
  const member = await approvedMember(ctx, input.memberId)
  const id = registrationId(input.activityId, member._id)
  const seen = await loadForMember(ctx.db, input.activityId, member._id)
  const before = entryOf(seen, member._id)
  if (isActive(before)) return standing(seen, member._id, before!)
  const checked = await checkSignup(ctx, seen, member, input, before)
  return inTransaction(ctx.db, async (t) => {
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, input.activityId)
    if (!a) throw new AppError('NOT_FOUND', '活动不存在或已被删除')
    const e = entryOf(a, member._id)
    if (isActive(e)) return standing(a, member._id, e!)
    if (e?.s === 'r') throw new AppError('CONFLICT', MESSAGES.rejectedFor(member.name))
    checkOpen(a, ctx.now)
    const plan = planSignup(a, checked.seats, input.guests, ctx.now, e)
    if (plan.kind === 'full') throw new AppError('CONFLICT', MESSAGES.full)
    const signedUpBy = { id: organiser._id, name: organiser.name }
    await t.collection(REGISTRATIONS).doc(id).set({ data: { ...row(a, member, checked.answers, input.guests, ctx.now), signedUpBy } })
    await t.collection(ACTIVITIES).doc(a._id).update({ data: signupData(ctx.db.command, member._id, plan.kind, plan.entry, ctx.now) })
    const state = stateOf(plan.entry)
    await recordAudit(t, ctx, {
      action: 'activity.registerFor', target: { kind: 'registration', id, label: `${a.title} · ${member.name}` },
      after: { state, member: member.name }, note: `${organiser.name} 代 ${member.name} 报名`,
    })
    return { ...outcome(a._id, member._id, plan.entry), ...(plan.kind === 'queue' ? { waitPosition: (a.queue?.length ?? 0) + 1 } : {}) }
  })
}

interface Checked {
  answers: Answers
  seats: number
}

/** Everything a sign-up must pass that does not change while it runs; refused before anything is written. */
async function checkSignup(ctx: Ctx, a: ActivityDoc, member: MemberDoc, input: SignupInput, e: LedgerEntry | undefined): Promise<Checked> {
  if (e?.s === 'r') throw new AppError('CONFLICT', member._id === ctx.member?._id ? MESSAGES.rejected : MESSAGES.rejectedFor(member.name))
  checkOpen(a, ctx.now)
  checkAudience(a, member)
  checkGuests(a, input.guests)
  const answers = validateAnswers(a.fields, input.answers)
  const seats = seatsFor(a, input.guests)
  if (a.capacity > 0 && seats > a.capacity) throw new AppError('CONFLICT', `报名人数超过了活动的总名额（${a.capacity} 个）。`)
  if (a.frequency) checkFrequency(a, await seriesHistory(ctx, a, member._id))
  return { answers, seats }
}

/** Places first: free, nobody waiting, entry as read. Queue: still full or people waiting, entry as read. */
function commitCondition(ctx: Ctx, a: ActivityDoc, memberId: string, kind: 'place' | 'queue', seats: number, e: LedgerEntry | undefined) {
  const _ = ctx.db.command
  const asRead = { _id: a._id, state: 'published', ...entryAsRead(_, memberId, e) }
  if (kind === 'place') return { ...asRead, waitlistCount: 0, ...(a.capacity > 0 ? { seatsTaken: _.lte(a.capacity - seats) } : {}) }
  return _.and([asRead, _.or([{ waitlistCount: _.gt(0) }, { seatsTaken: _.gt(a.capacity - seats) }])])
}

/**
 * The row, replaced whole. Two taps of the same member creating it at the same instant race on the
 * insert, and a database that does not retry such an upsert (MongoDB before 4.2) refuses the second
 * with a duplicate key: that tap's row is there, with the same member's answers — go on as if written.
 */
async function writeRow(ctx: Ctx, id: string, data: Omit<RegistrationDoc, '_id'>): Promise<void> {
  try {
    await ctx.db.collection(REGISTRATIONS).doc(id).set({ data })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}

function row(a: ActivityDoc, member: MemberDoc, answers: Answers, guests: number, now: Date): Omit<RegistrationDoc, '_id'> {
  return {
    activityId: a._id, memberId: member._id, memberName: member.name, department: member.department, answers, answersRev: 0, guests,
    ...(a.frequency ? { seriesKey: a.frequency.key, activityStartAt: a.startAt } : {}),
    createdAt: now, updatedAt: now,
  }
}

function outcome(activityId: string, memberId: string, e: LedgerEntry): SignupOutcome {
  return { id: registrationId(activityId, memberId), activityId, state: stateOf(e) }
}

/** A registration as it stands in `a` (read with the queue): a repeated tap's answer. */
function standing(a: ActivityDoc, memberId: string, e: LedgerEntry): SignupOutcome {
  return { ...outcome(a._id, memberId, e), ...position(a, memberId, e) }
}

function position(a: ActivityDoc, memberId: string, e: LedgerEntry): { waitPosition?: number } {
  const p = e.s === 'w' ? waitPosition(a, memberId) : undefined
  return p === undefined ? {} : { waitPosition: p }
}

/** After joining the queue: where the member stands (a place may already have come free for them). */
async function readBackQueue(ctx: Ctx, activityId: string, memberId: string): Promise<SignupOutcome> {
  const res = (await ctx.db.collection(ACTIVITIES).where({ _id: activityId }).field({ queue: true, [ledgerPath(memberId)]: true }).limit(1).get()) as unknown as { data: ActivityDoc[] }
  return standing(res.data[0], memberId, entryOf(res.data[0], memberId)!)
}

async function approvedMember(ctx: Ctx, memberId: string): Promise<MemberDoc> {
  const m = await getDoc<MemberDoc>(ctx.db, COLLECTIONS.members, memberId)
  if (!m || m.membership !== 'approved') throw new AppError('NOT_FOUND', '这位会员不存在或已不是工会会员。')
  return m
}

/** The member's other activities in the same series that they hold a place in (for the frequency rule). */
async function seriesHistory(ctx: Ctx, a: ActivityDoc, memberId: string) {
  const _ = ctx.db.command
  const rows = await docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS)
    .where({ memberId, seriesKey: a.frequency!.key, activityId: _.neq(a._id) }).limit(100))
  if (!rows.length) return []
  const acts = await docs<ActivityDoc>(ctx.db.collection(ACTIVITIES).where({ _id: _.in(rows.map((r) => r.activityId)) })
    .field({ title: true, startAt: true, [ledgerPath(memberId)]: true }).limit(100))
  return acts.filter((x) => {
    const e = entryOf(x, memberId)
    return e?.s === 'c' || e?.s === 'p'
  }).map((x) => ({ activityId: x._id, activityStartAt: x.startAt, title: x.title }))
}
