/**
 * The activity's ledger (ActivityDoc.ledger + queue): who holds a place, who waits and in which
 * order. Pure functions of a document as read — no database here — so every path that changes it
 * (a member's sign-up, a cancellation, an organiser's 代报名 or rejection) decides the same way,
 * and the tests can check the rules without a cloud.
 */
import type { MyStatus, RegistrationState } from '../../types/activity'
import type { ActivityDoc, LedgerEntry } from '../_shared/documents'

/** The ledger key of a member: a prefix so an all-digit id is never read as an array index. */
export const ledgerKey = (memberId: string) => `m${memberId}`
export const ledgerPath = (memberId: string) => `ledger.${ledgerKey(memberId)}`

export function entryOf(a: Pick<ActivityDoc, 'ledger'>, memberId: string): LedgerEntry | undefined {
  return a.ledger?.[ledgerKey(memberId)]
}

const STATE: Record<LedgerEntry['s'], RegistrationState> = { c: 'confirmed', p: 'pending', w: 'waitlisted', x: 'cancelled', r: 'rejected' }
export const stateOf = (e: LedgerEntry): RegistrationState => STATE[e.s]
export const holdsPlace = (e: LedgerEntry | undefined) => e?.s === 'c' || e?.s === 'p'
/** Registered in any way that counts (a place or a place in the queue). */
export const isActive = (e: LedgerEntry | undefined) => holdsPlace(e) || e?.s === 'w'

/** 1-based place in the queue (候补第 n 位), or undefined when not waiting. */
export function waitPosition(a: Pick<ActivityDoc, 'queue'>, memberId: string): number | undefined {
  const i = (a.queue ?? []).indexOf(memberId)
  return i < 0 ? undefined : i + 1
}

/** What a list card shows about the caller: nothing unless they have an entry. */
export function myStatus(a: Pick<ActivityDoc, 'ledger' | 'queue'>, memberId: string): MyStatus | undefined {
  const e = entryOf(a, memberId)
  if (!e) return undefined
  const position = e.s === 'w' ? waitPosition(a, memberId) : undefined
  return { state: stateOf(e), ...(position === undefined ? {} : { waitPosition: position }), checkedIn: e.ci !== undefined }
}

export type SignupPlan = { kind: 'place'; entry: LedgerEntry } | { kind: 'queue'; entry: LedgerEntry } | { kind: 'full' }

/**
 * Where a new sign-up goes, judged on `a` as read: a place when one is free and nobody waits
 * (newcomers never overtake the queue), else the back of the queue, else refused as full.
 * `previous` is the member's old entry (cancelled) whose revision the new one continues.
 */
export function planSignup(a: ActivityDoc, seats: number, guests: number, now: Date, previous?: LedgerEntry): SignupPlan {
  const base = { n: seats, g: guests, t: now.getTime(), r: (previous?.r ?? 0) + 1 }
  const free = a.capacity === 0 || (a.waitlistCount === 0 && a.seatsTaken + seats <= a.capacity)
  if (free) return { kind: 'place', entry: { s: a.needsApproval ? 'p' : 'c', ...base } }
  if (a.waitlist) return { kind: 'queue', entry: { s: 'w', ...base } }
  return { kind: 'full' }
}

/** A change to the ledger, applied by one atomic write (see applyChange in waitlist.ts). */
export interface LedgerChange {
  /** entries replaced whole, by member id */
  entries: Record<string, LedgerEntry>
  queue: string[]
  seatsTaken: number
  confirmedCount: number
  pendingCount: number
  waitlistCount: number
  /** members moved from the queue to a place, first first */
  promoted: string[]
}

/**
 * Takes `memberId` out (cancelled or rejected) and gives the freed places to the front of the
 * queue, strictly in order: when the first in line does not fit (guests), nobody behind them
 * jumps ahead. Null when the member holds nothing that `from` allows them to leave.
 */
export function leaveChange(a: ActivityDoc, memberId: string, to: 'x' | 'r', from: Array<LedgerEntry['s']>): LedgerChange | null {
  const e = entryOf(a, memberId)
  if (!e || !from.includes(e.s)) return null
  const c: LedgerChange = {
    entries: { [memberId]: { ...e, s: to, r: e.r + 1 } },
    queue: (a.queue ?? []).filter((id) => id !== memberId),
    seatsTaken: a.seatsTaken, confirmedCount: a.confirmedCount, pendingCount: a.pendingCount, waitlistCount: a.waitlistCount,
    promoted: [],
  }
  if (holdsPlace(e)) {
    c.seatsTaken -= e.n
    c.confirmedCount -= 1
    if (e.s === 'p') c.pendingCount -= 1
  } else if (e.s === 'w') {
    c.waitlistCount -= 1
  }
  if (a.state === 'published') promote(a, c)
  return c
}

/** Moves the front of the queue into free places while the first in line fits. */
function promote(a: ActivityDoc, c: LedgerChange): void {
  while (c.queue.length) {
    const head = c.queue[0]
    const e = entryOf(a, head)
    if (!e || e.s !== 'w') { c.queue.shift(); continue } // never expected: the queue and entries change together
    if (a.capacity > 0 && c.seatsTaken + e.n > a.capacity) break
    const s = a.needsApproval ? 'p' : 'c'
    c.entries[head] = { ...e, s, r: e.r + 1 }
    c.queue.shift()
    c.seatsTaken += e.n
    c.confirmedCount += 1
    c.waitlistCount -= 1
    if (s === 'p') c.pendingCount += 1
    c.promoted.push(head)
  }
}

/** Counts for the roster, from the entries. */
export function ledgerCounts(a: Pick<ActivityDoc, 'ledger' | 'seatsTaken'>) {
  const counts = { confirmed: 0, pending: 0, waitlisted: 0, cancelled: 0, rejected: 0, checkedIn: 0, seatsTaken: a.seatsTaken, guests: 0 }
  for (const e of Object.values(a.ledger ?? {})) {
    counts[stateOf(e)] += 1
    if (e.ci !== undefined) counts.checkedIn += 1
    if (holdsPlace(e)) counts.guests += e.g
  }
  return counts
}

/** Member ids with an entry in one of `states`, in sign-up order. */
export function membersIn(a: Pick<ActivityDoc, 'ledger'>, states: Array<LedgerEntry['s']>): string[] {
  return Object.entries(a.ledger ?? {})
    .filter(([, e]) => states.includes(e.s))
    .sort(([, x], [, y]) => x.t - y.t)
    .map(([key]) => key.slice(1))
}
