/** Documents → the explicit answers the app parses (types/activity.ts). Never a raw doc, never an openid. */
import type { ActivityListItem, ActivityManageItem, MyRegistration, RosterRow } from '../../types/activity'
import type { ActivityDoc, LedgerEntry, RegistrationDoc } from '../_shared/documents'
import { iso } from '../_shared/query'
import { isActive, myStatus, stateOf, waitPosition } from './ledger'
import { cancelRefusal, editRefusal } from './rules'
import { activityStatus } from './status'
import { registrationId } from './store'

/** A list card; with `memberId`, the caller's own status on it (from their ledger entry). */
export function listItem(a: ActivityDoc, now: Date, memberId?: string): ActivityListItem {
  const mine = memberId ? myStatus(a, memberId) : undefined
  return {
    id: a._id,
    title: a.title,
    category: a.category,
    place: a.place,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    signupStartAt: iso(a.signupStartAt),
    signupEndAt: iso(a.signupEndAt),
    capacity: a.capacity,
    confirmedCount: a.confirmedCount,
    seatsTaken: a.seatsTaken ?? a.confirmedCount,
    waitlistCount: a.waitlistCount,
    status: activityStatus(a, now),
    ...(mine ? { mine } : {}),
  }
}

export function manageItem(a: ActivityDoc, now: Date): ActivityManageItem {
  return { ...listItem(a, now), state: a.state, pendingCount: a.pendingCount ?? 0 }
}

/**
 * The member's registration: state and place in the queue from the ledger entry, answers and
 * check-in from the row (`row` may be missing only for data written outside the functions).
 */
export function myRegistration(a: ActivityDoc, memberId: string, e: LedgerEntry, row: RegistrationDoc | null, now: Date): MyRegistration {
  const state = stateOf(e)
  const position = e.s === 'w' ? waitPosition(a, memberId) : undefined
  return {
    id: registrationId(a._id, memberId),
    activityId: a._id,
    state,
    ...(position === undefined ? {} : { waitPosition: position }),
    answers: row?.answers ?? {},
    revision: row?.answersRev ?? 0,
    guests: e.g,
    ...(row?.checkedInAt ? { checkedInAt: iso(row.checkedInAt) } : e.ci !== undefined ? { checkedInAt: iso(new Date(e.ci)) } : {}),
    ...(row?.rejectReason && e.s === 'r' ? { rejectReason: row.rejectReason } : {}),
    ...(row?.signedUpBy ? { signedUpBy: row.signedUpBy.name } : {}),
    createdAt: iso(row?.createdAt ?? new Date(e.t)),
    canCancel: isActive(e) && cancelRefusal(a, state, now) === null,
    canEdit: isActive(e) && a.fields.length > 0 && editRefusal(a, now) === null,
  }
}

export function rosterRow(a: ActivityDoc, e: LedgerEntry, r: RegistrationDoc): RosterRow {
  const position = e.s === 'w' ? waitPosition(a, r.memberId) : undefined
  return {
    id: r._id,
    memberId: r.memberId,
    name: r.memberName ?? '',
    department: r.department ?? '',
    state: stateOf(e),
    ...(position === undefined ? {} : { waitPosition: position }),
    answers: r.answers ?? {},
    guests: e.g,
    createdAt: iso(r.createdAt),
    ...(r.checkedInAt ? { checkedInAt: iso(r.checkedInAt) } : {}),
    ...(r.signedUpBy ? { signedUpBy: r.signedUpBy.name } : {}),
  }
}
