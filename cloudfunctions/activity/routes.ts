import * as z from 'zod/mini'
import {
  activityIdInput, activityListInput, activityManageListInput, cancelActivityInput, cancelRegistrationInput, checkinInput, checkinRowInput, checkinTokenInput,
  decideInput, editAnswersInput, messageInput, mineInput, registerForInput, registerInput, rosterInput, saveActivityInput,
  type ActivityDetail, type MyRegistration,
} from '../../types/activity'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import type { ActivityDoc } from '../_shared/documents'
import { AppError, staleRevision } from '../_shared/errors'
import { pageOf } from '../_shared/query'
import { CHECKIN_MESSAGES, REFRESH_SECONDS, checkIn, mintToken, verifyToken } from './checkin'
import { listItem, manageItem, myRegistration } from './dto'
import { ACTIVITY_LABELS } from './labels'
import { entryOf, isActive, ledgerKey } from './ledger'
import { cancelOwn } from './leave'
import { listActivities, mine } from './lists'
import { cancelActivity, decide, finish, message, publish, save } from './organise'
import { remind } from './remind'
import { exportRoster, roster } from './roster'
import { cancelRefusal, editRefusal, validateAnswers } from './rules'
import { register, registerFor } from './signup'
import { ACTIVITIES, REGISTRATIONS, WITHOUT_LEDGER, loadActivity, loadForMember, loadRegistration, registrationId } from './store'

const NOT_REGISTERED = '您还没有报名这个活动。'

/** The caller's registration in `a` (read as they see it), or undefined. */
async function ownRegistration(ctx: Parameters<typeof requireMember>[0], a: ActivityDoc): Promise<MyRegistration | undefined> {
  const me = requireMember(ctx)._id
  const e = entryOf(a, me)
  if (!e) return undefined
  return myRegistration(a, me, e, await loadRegistration(ctx.db, registrationId(a._id, me)), ctx.now)
}

export const routes = {
  /** The 活动 tab: what needs action soonest first, the caller's status on each card; `q` searches titles. */
  list: action({ input: activityListInput, role: 'member', labels: ACTIVITY_LABELS, run: (ctx, input) => listActivities(ctx, input) }),

  /** One activity with the caller's own registration (state, 候补第 n 位, answers, what they may still do). */
  detail: action({
    input: activityIdInput,
    role: 'member',
    labels: ACTIVITY_LABELS,
    async run(ctx, input): Promise<ActivityDetail> {
      const me = requireMember(ctx)._id
      const a = await loadForMember(ctx.db, input.id, me)
      const canManage = hasRole(ctx.role, 'committee')
      if (a.state === 'draft' && !canManage) throw new AppError('NOT_FOUND', '活动不存在或还没有发布')
      const [registration, cover] = await Promise.all([
        ownRegistration(ctx, a),
        a.coverFileId ? ctx.services.tempUrls([a.coverFileId]).then((urls) => urls[a.coverFileId!]) : Promise.resolve(undefined),
      ])
      return {
        ...listItem(a, ctx.now, me),
        state: a.state, description: a.description, waitlist: a.waitlist, audience: a.audience, fields: a.fields,
        cancelPolicy: a.cancelPolicy, needsApproval: a.needsApproval, pendingCount: a.pendingCount ?? 0,
        ...(cover ? { coverUrl: cover } : {}),
        ...(a.guests ? { guests: a.guests } : {}),
        ...(a.frequency ? { frequency: a.frequency } : {}),
        ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
        ...(registration ? { registration } : {}),
        canManage,
      }
    },
  }),

  /** Idempotent; never exceeds capacity; full → back of the queue. See signup.ts. */
  register: action({ input: registerInput, role: 'member', labels: ACTIVITY_LABELS, run: (ctx, input) => register(ctx, input) }),

  /** Within the cancellation policy; the first in the queue takes the place in the same write. */
  cancel: action({
    input: cancelRegistrationInput,
    role: 'member',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const me = requireMember(ctx)._id
      const out = await cancelOwn(ctx, input.activityId, me, (a, e) => cancelRefusal(a, e.s === 'w' ? 'waitlisted' : 'confirmed', ctx.now))
      // Answer from the activity as read for the decision — as changed, or as it stood when there was nothing to leave: never read again.
      const a = out.change ? { ...out.activity, queue: out.change.queue, ledger: { ...out.activity.ledger, [ledgerKey(me)]: out.change.entries[me] } } : out.activity
      const e = entryOf(a, me)
      if (!e || e.s === 'r') throw new AppError('NOT_FOUND', NOT_REGISTERED)
      return myRegistration(a, me, e, await loadRegistration(ctx.db, registrationId(a._id, me)), ctx.now)
    },
  }),

  /** Correct one's own answers while sign-up is open, against the revision shown; the place is kept. */
  editAnswers: action({
    input: editAnswersInput,
    role: 'member',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const me = requireMember(ctx)._id
      const a = await loadForMember(ctx.db, input.activityId, me)
      const e = entryOf(a, me)
      if (!isActive(e)) throw new AppError('NOT_FOUND', NOT_REGISTERED)
      const refusal = editRefusal(a, ctx.now)
      if (refusal) throw new AppError('CONFLICT', refusal)
      const answers = validateAnswers(a.fields, input.answers)
      const id = registrationId(a._id, me)
      const _ = ctx.db.command
      const res = (await ctx.db.collection(REGISTRATIONS).where({ _id: id, answersRev: input.revision === 0 ? _.in([0, null]) : input.revision })
        .update({ data: { answers, answersRev: input.revision + 1, updatedAt: ctx.now } })) as { stats: { updated: number } }
      if (res.stats.updated !== 1) throw staleRevision()
      return myRegistration(a, me, e!, await loadRegistration(ctx.db, id), ctx.now)
    },
  }),

  /** 我的报名: the caller's registrations, newest first, with answers and 候补第 n 位. */
  mine: action({ input: mineInput, role: 'member', labels: ACTIVITY_LABELS, run: (ctx, input) => mine(ctx, input) }),

  /** A fresh signed check-in code for the caller's confirmed registration (the app refreshes it). */
  checkinToken: action({
    input: checkinTokenInput,
    role: 'member',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const me = requireMember(ctx)._id
      const a = await loadForMember(ctx.db, input.activityId, me, false)
      if (entryOf(a, me)?.s !== 'c') throw new AppError('CONFLICT', CHECKIN_MESSAGES.noCode)
      const { token, expiresAt } = mintToken(ctx, registrationId(a._id, me))
      return { token, expiresAt: expiresAt.toISOString(), refreshInSeconds: REFRESH_SECONDS }
    },
  }),

  // ── organisers (committee and chair) ────────────────────────────────────────
  manageList: action({
    input: activityManageListInput,
    role: 'committee',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const _ = ctx.db.command
      const { total, items } = await pageOf<ActivityDoc>(ctx.db.collection(ACTIVITIES), { state: _.in(['draft', 'published', 'cancelled', 'finished']) }, { orderBy: [['createdAt', 'desc']], page: input.page, fields: WITHOUT_LEDGER })
      return { items: items.map((a) => manageItem(a, ctx.now)), page: input.page, total }
    },
  }),
  /** Create a draft (once per requestId) or edit a draft against its revision. */
  save: action({ input: saveActivityInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => save(ctx, input) }),
  /** The editable fields of a draft, to fill the form, with the revision an edit must name. */
  editable: action({
    input: activityIdInput,
    role: 'committee',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const a = await loadActivity(ctx.db, input.id)
      const cover = a.coverFileId ? (await ctx.services.tempUrls([a.coverFileId]))[a.coverFileId] : undefined
      return {
        id: a._id, state: a.state, revision: a.revision ?? 0,
        activity: {
          title: a.title, category: a.category, description: a.description, place: a.place,
          startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), signupStartAt: a.signupStartAt.toISOString(), signupEndAt: a.signupEndAt.toISOString(),
          capacity: a.capacity, waitlist: a.waitlist, audience: a.audience, fields: a.fields, cancelPolicy: a.cancelPolicy, needsApproval: a.needsApproval,
          ...(a.guests ? { guests: a.guests } : {}), ...(a.frequency ? { frequency: a.frequency } : {}), ...(a.coverFileId ? { coverFileId: a.coverFileId } : {}),
        },
        ...(cover ? { coverUrl: cover } : {}),
      }
    },
  }),
  publish: action({ input: activityIdInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => publish(ctx, input.id) }),
  cancelActivity: action({ input: cancelActivityInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => cancelActivity(ctx, input.id, input.reason) }),
  finish: action({ input: activityIdInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => finish(ctx, input.id) }),
  roster: action({ input: rosterInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => roster(ctx, input) }),
  exportRoster: action({ input: activityIdInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => exportRoster(ctx, input.id) }),
  decide: action({ input: decideInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => decide(ctx, input) }),
  message: action({ input: messageInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => message(ctx, input) }),
  /** Scans a member's code: genuine, unexpired, unused, for a confirmed registration, at the right time. */
  checkin: action({
    input: checkinInput,
    role: 'committee',
    labels: ACTIVITY_LABELS,
    async run(ctx, input) {
      const { registrationId: id, nonce } = verifyToken(ctx, input.token)
      return checkIn(ctx, id, { nonce })
    },
  }),
  /** 代报名: signs a member up on their behalf (same places and rules), recorded in the audit log. */
  registerFor: action({ input: registerForInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => registerFor(ctx, input) }),
  /** 按名单签到: checks a confirmed member in from the roster, recorded in the audit log. */
  checkinByRoster: action({ input: checkinRowInput, role: 'committee', labels: ACTIVITY_LABELS, run: (ctx, input) => checkIn(ctx, input.registrationId, 'roster') }),

  /** Daily timer (config.json): the day-before reminder. */
  remind: action({ input: z.object({}), role: 'timer', run: (ctx) => remind(ctx) }),
}
