/**
 * Leaving a place and filling it. A place is released and the first waiting member promoted
 * in ONE transaction, so a newcomer can never take a freed place ahead of the waitlist and the
 * counters move together with the rows. The head is strict FIFO by waitSeq: if the head does not
 * fit (guests), nobody behind it jumps ahead.
 */
import type { Ctx } from '../_shared/context'
import { MAX_QUERY, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { recordAudit, type AuditEntry } from '../_shared/audit'
import { notifyResult } from './notify'
import { ACTIVITIES, REGISTRATIONS, Retry, getDoc, inTransaction, type Tx } from './store'

type Counters = Pick<ActivityDoc, 'seatsTaken' | 'confirmedCount' | 'pendingCount' | 'waitlistCount'>

/** The first few waiting registrations, in ticket order (read outside any transaction). */
export async function waitingHeads(ctx: Ctx, activityId: string, n = 5): Promise<RegistrationDoc[]> {
  return docs<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ activityId, state: 'waitlisted' }).orderBy('waitSeq', 'asc').limit(Math.min(n, MAX_QUERY)))
}

export function holdsPlace(state: RegistrationDoc['state']): boolean {
  return state === 'confirmed' || state === 'pending'
}

/**
 * Inside a transaction, with `a` as read in it: promotes `heads` in order while places are free.
 * A head that is no longer waiting means another transaction moved the queue: start again.
 */
async function promoteInTx(t: Tx, a: ActivityDoc, heads: RegistrationDoc[], now: Date): Promise<RegistrationDoc[]> {
  const promoted: RegistrationDoc[] = []
  for (const head of heads) {
    const free = a.capacity === 0 ? Infinity : a.capacity - a.seatsTaken
    if (free <= 0) break
    const fresh = await getDoc<RegistrationDoc>(t, REGISTRATIONS, head._id)
    if (!fresh || fresh.state !== 'waitlisted') throw new Retry()
    const seats = fresh.seats ?? 1
    if (seats > free) break
    const state = a.needsApproval ? 'pending' : 'confirmed'
    await t.collection(REGISTRATIONS).doc(fresh._id).update({ data: { state, promotedAt: now, updatedAt: now } })
    a.seatsTaken += seats
    a.confirmedCount += 1
    a.waitlistCount -= 1
    if (state === 'pending') a.pendingCount += 1
    promoted.push({ ...fresh, state })
  }
  return promoted
}

async function writeCounters(t: Tx, a: ActivityDoc & Counters, now: Date): Promise<void> {
  const { seatsTaken, confirmedCount, pendingCount, waitlistCount } = a
  await t.collection(ACTIVITIES).doc(a._id).update({ data: { seatsTaken, confirmedCount, pendingCount, waitlistCount, updatedAt: now } })
}

async function announce(ctx: Ctx, a: ActivityDoc, promoted: RegistrationDoc[]): Promise<void> {
  const confirmed = promoted.filter((r) => r.state === 'confirmed').map((r) => r.memberId)
  const pending = promoted.filter((r) => r.state === 'pending').map((r) => r.memberId)
  await notifyResult(ctx, a, confirmed, '候补转正', '您已从候补转为正式报名')
  await notifyResult(ctx, a, pending, '候补转正', '已轮到您，等待组织者审核')
}

/** Promotes waiting members into free places until none is free or the head does not fit. */
export async function fill(ctx: Ctx, activityId: string): Promise<number> {
  let total = 0
  for (let round = 0; round < 50; round++) {
    const a = await getDoc<ActivityDoc>(ctx.db, ACTIVITIES, activityId)
    if (!a || a.state !== 'published' || a.waitlistCount <= 0) break
    if (a.capacity > 0 && a.seatsTaken >= a.capacity) break
    const promoted = await inTransaction(ctx.db, async (t, heads) => {
      const fresh = await getDoc<ActivityDoc>(t, ACTIVITIES, activityId)
      if (!fresh || fresh.state !== 'published') return []
      const out = await promoteInTx(t, fresh, heads, ctx.now)
      if (out.length) await writeCounters(t, fresh, ctx.now)
      return out
    }, () => waitingHeads(ctx, activityId))
    if (!promoted.length) break
    total += promoted.length
    await announce(ctx, a, promoted)
  }
  return total
}

export interface Leave {
  registrationId: string
  activityId: string
  /** what the registration becomes */
  to: 'cancelled' | 'rejected'
  /** which states it may leave from (e.g. only pending for a rejection) */
  from: Array<RegistrationDoc['state']>
  extra?: Partial<RegistrationDoc>
  /** for organiser actions: written in the same transaction */
  audit?: (before: RegistrationDoc) => AuditEntry
}

/**
 * Cancels or rejects a registration and, in the same transaction, gives the freed places to the
 * head of the waitlist. Idempotent: leaving twice changes nothing the second time.
 * Answers the registration as it was before (null when there was nothing to leave).
 */
export async function leave(ctx: Ctx, l: Leave): Promise<RegistrationDoc | null> {
  const outcome = await inTransaction(ctx.db, async (t, heads) => {
    const reg = await getDoc<RegistrationDoc>(t, REGISTRATIONS, l.registrationId)
    if (!reg || !l.from.includes(reg.state)) return null
    const a = await getDoc<ActivityDoc>(t, ACTIVITIES, l.activityId)
    if (!a) return null
    await t.collection(REGISTRATIONS).doc(reg._id).update({ data: { state: l.to, updatedAt: ctx.now, ...(l.to === 'cancelled' ? { cancelledAt: ctx.now } : {}), ...l.extra } })
    if (holdsPlace(reg.state)) {
      a.seatsTaken -= reg.seats ?? 1
      a.confirmedCount -= 1
      if (reg.state === 'pending') a.pendingCount -= 1
    } else if (reg.state === 'waitlisted') {
      a.waitlistCount -= 1
    }
    const promoted = a.state === 'published' ? await promoteInTx(t, a, heads.filter((h) => h._id !== reg._id), ctx.now) : []
    await writeCounters(t, a, ctx.now)
    if (l.audit) await recordAudit(t, ctx, l.audit(reg))
    return { reg, a, promoted }
  }, () => waitingHeads(ctx, l.activityId))
  if (!outcome) return null
  await announce(ctx, outcome.a, outcome.promoted)
  // More places may be free than the few heads read (several guests left): keep filling.
  await fill(ctx, l.activityId)
  return outcome.reg
}
