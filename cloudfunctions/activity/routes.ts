import * as z from 'zod/mini'
import {
  activityIdInput, activityListInput, activityManageListInput, cancelActivityInput, cancelRegistrationInput, checkinInput, checkinTokenInput,
  decideInput, messageInput, mineInput, registerInput, rosterInput, saveActivityInput,
  type ActivityDetail, type ActivityListOutput, type MineItem,
} from '../../types/activity'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, pageOf } from '../_shared/query'
import { CHECKIN_MESSAGES, REFRESH_SECONDS, mintToken } from './checkin'
import { listItem, manageItem, myRegistration } from './dto'
import { cancelActivity, decide, finish, message, publish, save } from './organise'
import { remind } from './remind'
import { checkin, exportRoster, roster } from './roster'
import { cancelRefusal } from './rules'
import { register } from './signup'
import { loadActivity, loadRegistration, registrationId } from './store'
import { leave } from './waitlist'

const NOT_REGISTERED = '您还没有报名这个活动。'

export const routes = {
  /** Published activities, latest start first, 20 a page. Members only. Index: state, startAt. */
  list: action({
    input: activityListInput,
    role: 'member',
    async run(ctx, input): Promise<ActivityListOutput> {
      const { total, items } = await pageOf<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities), { state: 'published' }, { orderBy: [['startAt', 'desc']], page: input.page })
      return { items: items.map((a) => listItem(a, ctx.now)), page: input.page, total }
    },
  }),

  /** One activity with the caller's own registration (state, waitlist position, whether it can be cancelled). */
  detail: action({
    input: activityIdInput,
    role: 'member',
    async run(ctx, input): Promise<ActivityDetail> {
      const a = await loadActivity(ctx.db, input.id)
      const canManage = hasRole(ctx.role, 'committee')
      if (a.state === 'draft' && !canManage) throw new AppError('NOT_FOUND', '活动不存在或还没有发布')
      const reg = await loadRegistration(ctx.db, registrationId(a._id, requireMember(ctx)._id))
      const cover = a.coverFileId ? (await ctx.services.tempUrls([a.coverFileId]))[a.coverFileId] : undefined
      return {
        ...listItem(a, ctx.now),
        state: a.state, description: a.description, waitlist: a.waitlist, audience: a.audience, fields: a.fields,
        cancelPolicy: a.cancelPolicy, needsApproval: a.needsApproval, pendingCount: a.pendingCount ?? 0,
        ...(cover ? { coverUrl: cover } : {}),
        ...(a.guests ? { guests: a.guests } : {}),
        ...(a.frequency ? { frequency: a.frequency } : {}),
        ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
        ...(reg && reg.state !== 'claiming' ? { mine: await myRegistration(ctx, a, reg) } : {}),
        canManage,
      }
    },
  }),

  /** Idempotent; never exceeds capacity; full → FIFO waitlist. See signup.ts. */
  register: action({
    input: registerInput,
    role: 'member',
    async run(ctx, input) {
      const { activity, reg } = await register(ctx, input)
      return myRegistration(ctx, activity, reg)
    },
  }),

  /** Within the cancellation policy; promotes the first waiting member in the same transaction. */
  cancel: action({
    input: cancelRegistrationInput,
    role: 'member',
    async run(ctx, input) {
      const a = await loadActivity(ctx.db, input.activityId)
      const id = registrationId(a._id, requireMember(ctx)._id)
      const reg = await loadRegistration(ctx.db, id)
      if (!reg || reg.state === 'claiming' || reg.state === 'rejected') throw new AppError('NOT_FOUND', NOT_REGISTERED)
      if (reg.state !== 'cancelled') {
        const refusal = cancelRefusal(a, reg.state, ctx.now)
        if (refusal) throw new AppError('CONFLICT', refusal)
        await leave(ctx, { registrationId: id, activityId: a._id, to: 'cancelled', from: ['confirmed', 'pending', 'waitlisted'] })
      }
      return myRegistration(ctx, await loadActivity(ctx.db, a._id), (await loadRegistration(ctx.db, id))!)
    },
  }),

  /** 我的报名: the caller's registrations, newest first, with the activity and waitlist position. */
  mine: action({
    input: mineInput,
    role: 'member',
    async run(ctx, input) {
      const _ = ctx.db.command
      const where = { memberId: requireMember(ctx)._id, state: _.in(['confirmed', 'pending', 'waitlisted', 'cancelled', 'rejected']) }
      const { total, items } = await pageOf<RegistrationDoc>(ctx.db.collection(COLLECTIONS.registrations), where, { orderBy: [['createdAt', 'desc']], page: input.page })
      const ids = [...new Set(items.map((r) => r.activityId))]
      const acts = ids.length ? await docs<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities).where({ _id: _.in(ids) }).limit(ids.length)) : []
      const byId = new Map(acts.map((a) => [a._id, a]))
      const out: MineItem[] = []
      for (const r of items) {
        const a = byId.get(r.activityId)
        if (a) out.push({ registration: await myRegistration(ctx, a, r), activity: listItem(a, ctx.now) })
      }
      return { items: out, page: input.page, total }
    },
  }),

  /** A fresh signed check-in code for the caller's confirmed registration (the app refreshes it). */
  checkinToken: action({
    input: checkinTokenInput,
    role: 'member',
    async run(ctx, input) {
      const id = registrationId(input.activityId, requireMember(ctx)._id)
      const reg = await loadRegistration(ctx.db, id)
      if (!reg || reg.state !== 'confirmed') throw new AppError('CONFLICT', CHECKIN_MESSAGES.noCode)
      const { token, expiresAt } = mintToken(ctx, id)
      return { token, expiresAt: expiresAt.toISOString(), refreshInSeconds: REFRESH_SECONDS }
    },
  }),

  // ── organisers (committee and chair) ────────────────────────────────────────
  manageList: action({
    input: activityManageListInput,
    role: 'committee',
    async run(ctx, input) {
      const _ = ctx.db.command
      const { total, items } = await pageOf<ActivityDoc>(ctx.db.collection(COLLECTIONS.activities), { state: _.in(['draft', 'published', 'cancelled', 'finished']) }, { orderBy: [['createdAt', 'desc']], page: input.page })
      return { items: items.map((a) => manageItem(a, ctx.now)), page: input.page, total }
    },
  }),
  /** Create a draft (no id) or edit a draft. */
  save: action({ input: saveActivityInput, role: 'committee', run: (ctx, input) => save(ctx, input) }),
  /** The editable fields of a draft, to fill the form. */
  editable: action({
    input: activityIdInput,
    role: 'committee',
    async run(ctx, input) {
      const a = await loadActivity(ctx.db, input.id)
      return {
        id: a._id, state: a.state,
        activity: {
          title: a.title, category: a.category, description: a.description, place: a.place,
          startAt: a.startAt.toISOString(), endAt: a.endAt.toISOString(), signupStartAt: a.signupStartAt.toISOString(), signupEndAt: a.signupEndAt.toISOString(),
          capacity: a.capacity, waitlist: a.waitlist, audience: a.audience, fields: a.fields, cancelPolicy: a.cancelPolicy, needsApproval: a.needsApproval,
          ...(a.guests ? { guests: a.guests } : {}), ...(a.frequency ? { frequency: a.frequency } : {}), ...(a.coverFileId ? { coverFileId: a.coverFileId } : {}),
        },
      }
    },
  }),
  publish: action({ input: activityIdInput, role: 'committee', run: (ctx, input) => publish(ctx, input.id) }),
  cancelActivity: action({ input: cancelActivityInput, role: 'committee', run: (ctx, input) => cancelActivity(ctx, input.id, input.reason) }),
  finish: action({ input: activityIdInput, role: 'committee', run: (ctx, input) => finish(ctx, input.id) }),
  roster: action({ input: rosterInput, role: 'committee', run: (ctx, input) => roster(ctx, input) }),
  exportRoster: action({ input: activityIdInput, role: 'committee', run: (ctx, input) => exportRoster(ctx, input.id) }),
  decide: action({ input: decideInput, role: 'committee', run: (ctx, input) => decide(ctx, input) }),
  message: action({ input: messageInput, role: 'committee', run: (ctx, input) => message(ctx, input) }),
  checkin: action({ input: checkinInput, role: 'committee', run: (ctx, input) => checkin(ctx, input.token) }),

  /** Daily timer (config.json): the day-before reminder. */
  remind: action({ input: z.object({}), role: 'timer', run: (ctx) => remind(ctx) }),
}
