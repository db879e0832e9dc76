/**
 * Things one person may hold once, enforced by the database: each is a document in member_claims
 * whose `_id` names the thing, written in the same transaction as the change that takes it, so the
 * primary key refuses a second holder under any concurrency (the local cloud cannot put a unique
 * index on an optional field, and neither should the real cloud be trusted to).
 *
 *  - `staffNo:<no>`          → { memberId }: a staff number belongs to at most one approved member.
 *    A roster row is identified by its staff number (unique within an import), so this also makes a
 *    roster row belong to one member. Only approved members hold one (a waiting applicant cannot
 *    block a colleague by applying with their number); removal releases it.
 *  - `inviteUse:<hash>`       → { code }: one person uses one invite once, however often they apply.
 *  - `changeRequest:<member>` → { requestId }: one change request per member waits at a time.
 */
import { createdId } from '../_shared/create-once'
import type { Database } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import { getDoc } from './store'

const CLAIMS = COLLECTIONS.memberClaims

export interface ClaimDoc {
  _id: string
  memberId?: string
  code?: string
  requestId?: string
  at: Date
}

export const staffNoClaim = (staffNo: string) => `staffNo:${staffNo}`
export const inviteUseClaim = (openid: string, code: string) => `inviteUse:${createdId(openid, 'member:inviteUse', code)}`
export const changeRequestClaim = (memberId: string) => `changeRequest:${memberId}`

export function staffNoTaken(staffNo: string): AppError {
  return new AppError('CONFLICT', `工号 ${staffNo} 已属于另一位会员。如果这确实是你的工号，请联系工会主席核实。`)
}

/**
 * The member who holds `staffNo`, if any: its claim, or — for records written before claims
 * existed — an approved member carrying it. Read before a transaction (queries cannot run inside one).
 */
export async function staffNoHolder(db: Database, staffNo: string): Promise<string | null> {
  const claim = await getDoc<ClaimDoc>(db, CLAIMS, staffNoClaim(staffNo))
  if (claim?.memberId) return claim.memberId
  const holder = await docs<MemberDoc>(db.collection(COLLECTIONS.members).where({ membership: 'approved', staffNo }).limit(1))
  return holder[0]?._id ?? null
}

/** Refuses early (before any write) when another member holds the staff number. */
export async function ensureStaffNoFree(db: Database, staffNo: string | undefined, memberId: string | undefined): Promise<void> {
  if (!staffNo) return
  const holder = await staffNoHolder(db, staffNo)
  if (holder && holder !== memberId) throw staffNoTaken(staffNo)
}

/** Inside a transaction: the member holds the staff number from now on; refused if another does. */
export async function claimStaffNoIn(t: Tx, staffNo: string | undefined, memberId: string, now: Date): Promise<void> {
  if (!staffNo) return
  const id = staffNoClaim(staffNo)
  const held = await getDoc<ClaimDoc>(t, CLAIMS, id)
  if (held && held.memberId !== memberId) throw staffNoTaken(staffNo)
  if (!held) await t.collection(CLAIMS).add({ data: { _id: id, memberId, at: now } })
}

/** Inside a transaction: gives the staff number up (removal, or a change to another number). */
export async function releaseStaffNoIn(t: Tx, staffNo: string | undefined, memberId: string): Promise<void> {
  if (!staffNo) return
  const id = staffNoClaim(staffNo)
  const held = await getDoc<ClaimDoc>(t, CLAIMS, id)
  if (held?.memberId === memberId) await t.collection(CLAIMS).doc(id).remove()
}

/** Inside a transaction: moves the member's claim from one staff number to another. */
export async function moveStaffNoIn(t: Tx, from: string | undefined, to: string | undefined, memberId: string, now: Date): Promise<void> {
  if (from === to) return
  await claimStaffNoIn(t, to, memberId, now)
  await releaseStaffNoIn(t, from, memberId)
}

/** Inside a transaction: true when this person already used this invite (no second use is taken). */
export async function takeInviteUseIn(t: Tx, openid: string, code: string, now: Date): Promise<boolean> {
  const id = inviteUseClaim(openid, code)
  if (await getDoc<ClaimDoc>(t, CLAIMS, id)) return false
  await t.collection(CLAIMS).add({ data: { _id: id, code, at: now } })
  return true
}
