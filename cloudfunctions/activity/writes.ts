/**
 * Ledger changes as update data for ONE write of the activity document (a conditional update, a
 * compare-and-set on `v`, or an update inside a transaction). Every one bumps `v`, so a
 * compare-and-set made on an older read fails and is decided again on a fresh one.
 */
import type { Ctx } from '../_shared/context'
import type { LedgerEntry } from '../_shared/documents'
import { ledgerPath, type LedgerChange } from './ledger'

type Command = Ctx['db']['command']

/** A new entry: a place (counters up) or the back of the queue. */
export function signupData(_: Command, memberId: string, kind: 'place' | 'queue', entry: LedgerEntry, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = { [ledgerPath(memberId)]: _.set(entry), v: _.inc(1), updatedAt: now }
  if (kind === 'place') {
    data.seatsTaken = _.inc(entry.n)
    data.confirmedCount = _.inc(1)
    if (entry.s === 'p') data.pendingCount = _.inc(1)
  } else {
    data.queue = _.push([memberId])
    data.waitlistCount = _.inc(1)
  }
  return data
}

/** A computed change (leaving, promotion): entries replaced whole, queue and counters as computed. */
export function changeData(_: Command, c: LedgerChange, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = {
    queue: _.set(c.queue), seatsTaken: c.seatsTaken, confirmedCount: c.confirmedCount, pendingCount: c.pendingCount, waitlistCount: c.waitlistCount,
    v: _.inc(1), updatedAt: now,
  }
  for (const [memberId, e] of Object.entries(c.entries)) data[ledgerPath(memberId)] = _.set(e)
  return data
}

/** One entry replaced (approval, check-in) with extra counter moves. */
export function entryData(_: Command, memberId: string, entry: LedgerEntry, now: Date, counters: Record<string, number> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { [ledgerPath(memberId)]: _.set(entry), v: _.inc(1), updatedAt: now }
  for (const [field, by] of Object.entries(counters)) data[field] = _.inc(by)
  return data
}

/** The condition that the member's entry is still as read: absent, or the same revision. */
export function entryAsRead(_: Command, memberId: string, e: LedgerEntry | undefined): Record<string, unknown> {
  const path = ledgerPath(memberId)
  return e ? { [`${path}.r`]: e.r, [`${path}.s`]: e.s } : { [path]: _.exists(false) }
}

/** The compare-and-set condition: nothing changed the ledger since `v` was read. */
export function unchangedSince(_: Command, v: number | undefined): Record<string, unknown> {
  return { v: v === undefined ? _.exists(false) : v }
}
