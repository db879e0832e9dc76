/** The chair's joining settings: which paths are open, the bound staff group, invite codes. */
import * as z from 'zod/mini'
import { createInviteInput, groupInfo, joinSettingsInput, type InviteItem, type JoinSettings } from '../../types/member'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type InviteDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { addShanghaiDays } from '../_shared/time'
import { docs, iso } from '../_shared/query'
import { META, writeMeta } from './members'
import { findInvite, inviteProblem, joinSettings, newInviteCode, publicSettings } from './joining'

const codeInput = z.object({ code: z.string().check(z.trim(), z.minLength(1, '请输入邀请码'), z.maxLength(32)) })

function inviteState(i: InviteDoc, now: Date): InviteItem['state'] {
  if (i.revoked) return 'revoked'
  if (new Date(i.expiresAt).getTime() <= now.getTime()) return 'expired'
  if (i.remaining <= 0) return 'used-up'
  return 'active'
}

function toInvite(i: InviteDoc, now: Date): InviteItem {
  return {
    code: i._id, note: i.note, expiresAt: iso(i.expiresAt), maxUses: i.maxUses, uses: i.maxUses - i.remaining,
    autoApprove: i.autoApprove, state: inviteState(i, now), createdAt: iso(i.createdAt),
  }
}

export const joinRoutes = {
  joinSettings: action({
    input: z.object({}),
    role: 'chair',
    async run(ctx): Promise<JoinSettings> {
      return publicSettings(await joinSettings(ctx.db))
    },
  }),

  setJoinSettings: action({
    input: joinSettingsInput,
    role: 'chair',
    async run(ctx, input): Promise<JoinSettings> {
      const before = await joinSettings(ctx.db)
      const after = { ...before, ...input }
      await writeMeta(ctx.db, META.join, after as unknown as Record<string, unknown>)
      await recordAudit(ctx.db, ctx, {
        action: 'member.setJoinSettings', target: { kind: 'settings', id: META.join, label: '加入方式' },
        before: { group: before.group, invite: before.invite, roster: before.roster }, after: input,
      })
      return publicSettings(after)
    },
  }),

  /** The chair opens the app from the staff group once; members opening it from there are then approved. */
  bindGroup: action({
    input: z.object({ group: groupInfo }),
    role: 'chair',
    async run(ctx, input): Promise<JoinSettings> {
      const before = await joinSettings(ctx.db)
      const after = { ...before, openGId: input.group.data.openGId }
      await writeMeta(ctx.db, META.join, after as unknown as Record<string, unknown>)
      // The group id itself stays out of the log: knowing it is what lets someone in.
      await recordAudit(ctx.db, ctx, { action: 'member.bindGroup', target: { kind: 'settings', id: META.join, label: '教职工群' }, before: { groupBound: Boolean(before.openGId) }, after: { groupBound: true } })
      return publicSettings(after)
    },
  }),

  createInvite: action({
    input: createInviteInput,
    role: 'chair',
    async run(ctx, input): Promise<InviteItem> {
      const me = requireMember(ctx)
      const doc: InviteDoc = {
        _id: newInviteCode(), note: input.note, expiresAt: addShanghaiDays(ctx.now, input.days), maxUses: input.maxUses,
        remaining: input.maxUses, autoApprove: input.autoApprove, revoked: false, createdBy: me._id, createdAt: ctx.now,
      }
      await ctx.db.collection(COLLECTIONS.invites).add({ data: doc })
      await recordAudit(ctx.db, ctx, { action: 'member.createInvite', target: { kind: 'invite', id: doc._id, label: input.note || doc._id }, after: { days: input.days, maxUses: input.maxUses, autoApprove: input.autoApprove } })
      return toInvite(doc, ctx.now)
    },
  }),

  listInvites: action({
    input: z.object({}),
    role: 'chair',
    async run(ctx): Promise<{ items: InviteItem[] }> {
      const found = await docs<InviteDoc>(ctx.db.collection(COLLECTIONS.invites).orderBy('createdAt', 'desc').limit(50))
      return { items: found.map((i) => toInvite(i, ctx.now)) }
    },
  }),

  /** Stops an invite at once; people who already joined with it stay members. */
  revokeInvite: action({
    input: codeInput,
    role: 'chair',
    async run(ctx, input): Promise<InviteItem> {
      const invite = await findInvite(ctx.db, input.code)
      if (!invite) throw new AppError('NOT_FOUND', '没有这个邀请码')
      await ctx.db.collection(COLLECTIONS.invites).doc(invite._id).update({ data: { revoked: true } })
      await recordAudit(ctx.db, ctx, { action: 'member.revokeInvite', target: { kind: 'invite', id: invite._id, label: invite.note || invite._id }, before: { revoked: false }, after: { revoked: true } })
      return toInvite({ ...invite, revoked: true }, ctx.now)
    },
  }),

  /** Anyone holding a code may ask whether it still works (nothing about the union leaks). */
  inviteInfo: action({
    input: codeInput,
    role: 'visitor',
    async run(ctx, input) {
      const invite = await findInvite(ctx.db, input.code)
      const problem = inviteProblem(invite, ctx.now)
      if (problem || !invite) return { valid: false, message: problem ?? '邀请码无效' }
      return { valid: true, message: invite.autoApprove ? '邀请码有效：填好资料提交后即可加入' : '邀请码有效：提交后由工会确认', autoApprove: invite.autoApprove }
    },
  }),
}
