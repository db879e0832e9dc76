/**
 * Database access for activities and registrations. An activity is read either whole (organisers:
 * the ledger of every member) or as one member sees it (every field but the ledger, plus that
 * member's own entry and the queue) — so a large activity's thousand entries are not sent to each
 * member who opens it. Transactions go through the shared retrying runner (../_shared/transaction.ts).
 */
import type { Database } from '../_shared/context'
import type { Tx } from '../_shared/transaction'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { notFound } from '../_shared/errors'
import { getDoc } from '../_shared/query'
import { ledgerPath } from './ledger'

export const ACTIVITIES = COLLECTIONS.activities
export const REGISTRATIONS = COLLECTIONS.registrations

export const registrationId = (activityId: string, memberId: string) => `${activityId}_${memberId}`

/** Every field of an activity except the ledger (and the search terms nobody displays). */
const SHOWN = [
  'title', 'category', 'description', 'coverFileId', 'place', 'startAt', 'endAt', 'signupStartAt', 'signupEndAt', 'capacity', 'waitlist',
  'audience', 'fields', 'guests', 'cancelPolicy', 'frequency', 'needsApproval', 'state', 'revision', 'seatsTaken', 'confirmedCount',
  'pendingCount', 'waitlistCount', 'checkedInCount', 'createdBy', 'createdAt', 'updatedAt', 'publishedAt', 'cancelledAt', 'cancelReason',
  'finishedAt', 'remindedOn', 'v',
] as const

/** The projection for one member's view: shown fields, the queue (for 候补第 n 位) and their own entry. */
export function memberView(memberId: string, withQueue = true): Record<string, true> {
  const out: Record<string, true> = Object.fromEntries(SHOWN.map((f) => [f, true]))
  if (withQueue) out.queue = true
  out[ledgerPath(memberId)] = true
  return out
}

/** Organisers' lists: everything but the per-member parts. */
export const WITHOUT_LEDGER = { ledger: false, queue: false, searchTerms: false } as const

/** The whole activity (organisers, cancellations: the ledger of everyone). */
export async function loadActivity(db: Database, id: string): Promise<ActivityDoc> {
  const a = await getDoc<ActivityDoc>(db, ACTIVITIES, id)
  if (!a) throw notFound('活动')
  return a
}

/** The activity as `memberId` sees it: one request, without other members' entries. */
export async function loadForMember(db: Database, id: string, memberId: string, withQueue = true): Promise<ActivityDoc> {
  const res = (await db.collection(ACTIVITIES).where({ _id: id }).field(memberView(memberId, withQueue)).limit(1).get()) as unknown as { data: ActivityDoc[] }
  if (!res.data[0]) throw notFound('活动')
  return res.data[0]
}

export async function loadRegistration(db: Database | Tx, id: string): Promise<RegistrationDoc | null> {
  return getDoc<RegistrationDoc>(db, REGISTRATIONS, id)
}

export { inTransaction, Retry, type Tx } from '../_shared/transaction'
export { getDoc }
