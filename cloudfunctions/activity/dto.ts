/** Documents → the explicit answers the app parses (types/activity.ts). Never a raw doc, never an openid. */
import type { ActivityListItem, ActivityManageItem, MyRegistration, RosterRow } from '../../types/activity'
import type { Ctx } from '../_shared/context'
import type { ActivityDoc, RegistrationDoc } from '../_shared/documents'
import { iso, total } from '../_shared/query'
import { cancelRefusal } from './rules'
import { activityStatus } from './status'
import { REGISTRATIONS } from './store'

export function listItem(a: ActivityDoc, now: Date): ActivityListItem {
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
  }
}

export function manageItem(a: ActivityDoc, now: Date): ActivityManageItem {
  return { ...listItem(a, now), state: a.state, pendingCount: a.pendingCount ?? 0 }
}

/** 1-based place in the queue: waiting registrations with a ticket up to this one. */
export async function waitPosition(ctx: Ctx, r: RegistrationDoc): Promise<number | undefined> {
  if (r.state !== 'waitlisted' || r.waitSeq === undefined) return undefined
  const _ = ctx.db.command
  return total(ctx.db.collection(REGISTRATIONS).where({ activityId: r.activityId, state: 'waitlisted', waitSeq: _.lte(r.waitSeq) }))
}

export async function myRegistration(ctx: Ctx, a: ActivityDoc, r: RegistrationDoc): Promise<MyRegistration> {
  const position = await waitPosition(ctx, r)
  const state = r.state === 'claiming' ? 'waitlisted' : r.state
  return {
    id: r._id,
    activityId: r.activityId,
    state,
    ...(position === undefined ? {} : { waitPosition: position }),
    answers: r.answers ?? {},
    guests: r.guests ?? 0,
    ...(r.checkedInAt ? { checkedInAt: iso(r.checkedInAt) } : {}),
    ...(r.rejectReason ? { rejectReason: r.rejectReason } : {}),
    createdAt: iso(r.createdAt),
    canCancel: (state === 'confirmed' || state === 'pending' || state === 'waitlisted') && cancelRefusal(a, state, ctx.now) === null,
  }
}

export function rosterRow(r: RegistrationDoc): RosterRow {
  return {
    id: r._id,
    name: r.memberName ?? '',
    department: r.department ?? '',
    state: r.state === 'claiming' ? 'waitlisted' : r.state,
    ...(r.waitSeq === undefined ? {} : { waitSeq: r.waitSeq }),
    answers: r.answers ?? {},
    guests: r.guests ?? 0,
    createdAt: iso(r.createdAt),
    ...(r.checkedInAt ? { checkedInAt: iso(r.checkedInAt) } : {}),
  }
}
