/** The chair's joining settings: which paths are open, the bound staff group, invite codes. */
import * as z from 'zod/mini'
import { bindGroupInput, createInviteInput, inviteCodeInput, joinSettingsInput, type InviteItem, type JoinSettings } from '../../types/member'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type InviteDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { createdId } from '../_shared/create-once'
import { inTransaction } from '../_shared/transaction'
import { addShanghaiDays } from '../_shared/time'
import { docs, iso } from '../_shared/query'
import { META, getDoc, setMetaFieldsIn } from './store'
import { DEFAULT_SETTINGS, findInvite, inviteProblem, joinSettings, newInviteCode, normaliseCode, publicSettings } from './joining'
import { JOIN_SWITCH_LABELS, MEMBER_LABELS } from './labels'

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

  /** Switches only the paths sent: a field-level update, so binding the group at the same moment loses nothing. */
  setJoinSettings: action({
    input: joinSettingsInput,
    role: 'chair',
    labels: JOIN_SWITCH_LABELS,
    async run(ctx, input): Promise<JoinSettings> {
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'boolean')) as Partial<Record<'group' | 'invite' | 'roster', boolean>>
      if (Object.keys(changes).length === 0) throw new AppError('BAD_INPUT', '请选择要开启或关闭的加入方式')
      const now = await inTransaction(ctx.db, async (t) => {
        const before = await setMetaFieldsIn(t, META.join, changes, { ...DEFAULT_SETTINGS })
        const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof changes]]))
        await recordAudit(t, ctx, { action: 'member.setJoinSettings', target: { kind: 'settings', id: META.join, label: '加入方式' }, before: was, after: changes })
        return { ...before, ...changes }
      })
      return publicSettings(now)
    },
  }),

  /**
   * The chair opens the app from the staff group once; members opening it from there are then
   * approved. The group is what WeChat says the chair's cloudID stands for — never data the app sends.
   */
  bindGroup: action({
    input: bindGroupInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<JoinSettings> {
      const [opened] = await ctx.services.openData([input.groupCloudId])
      const openGId = opened?.data.openGId
      if (typeof openGId !== 'string' || !openGId) throw new AppError('CONFLICT', '没能确认是哪个群：请从教职工群里的小程序卡片重新打开，再点"绑定本群"')
      const now = await inTransaction(ctx.db, async (t) => {
        const before = await setMetaFieldsIn(t, META.join, { openGId }, { ...DEFAULT_SETTINGS })
        // The group id itself stays out of the log: knowing it is what lets someone in.
        await recordAudit(t, ctx, { action: 'member.bindGroup', target: { kind: 'settings', id: META.join, label: '教职工群' }, before: { groupBound: Boolean(before.openGId) }, after: { groupBound: true } })
        return { ...before, openGId }
      })
      return publicSettings(now)
    },
  }),

  /** Idempotent: one invite per requestId, however often the form is sent. */
  createInvite: action({
    input: createInviteInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<InviteItem> {
      const me = requireMember(ctx)
      const keyId = `inviteRequest:${createdId(ctx.openid, 'member:invite', input.requestId)}`
      const invite = await inTransaction(ctx.db, async (t) => {
        const key = await getDoc<{ code: string }>(t, COLLECTIONS.memberClaims, keyId)
        if (key) return getDoc<InviteDoc>(t, COLLECTIONS.invites, key.code)
        const doc: InviteDoc = {
          _id: newInviteCode(), note: input.note, expiresAt: addShanghaiDays(ctx.now, input.days), maxUses: input.maxUses,
          remaining: input.maxUses, autoApprove: input.autoApprove, revoked: false, createdBy: me._id, createdAt: ctx.now,
        }
        await t.collection(COLLECTIONS.invites).add({ data: doc })
        await t.collection(COLLECTIONS.memberClaims).add({ data: { _id: keyId, code: doc._id, at: ctx.now } })
        await recordAudit(t, ctx, { action: 'member.createInvite', target: { kind: 'invite', id: doc._id, label: input.note || doc._id }, after: { days: input.days, maxUses: input.maxUses, autoApprove: input.autoApprove } })
        return doc
      })
      if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请刷新后查看')
      return toInvite(invite, ctx.now)
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
    input: inviteCodeInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<InviteItem> {
      const invite = await inTransaction(ctx.db, async (t) => {
        const had = await getDoc<InviteDoc>(t, COLLECTIONS.invites, normaliseCode(input.code))
        if (!had) throw new AppError('NOT_FOUND', '没有这个邀请码')
        if (had.revoked) return had
        await t.collection(COLLECTIONS.invites).doc(had._id).update({ data: { revoked: true } })
        await recordAudit(t, ctx, { action: 'member.revokeInvite', target: { kind: 'invite', id: had._id, label: had.note || had._id }, before: { revoked: false }, after: { revoked: true } })
        return { ...had, revoked: true }
      })
      return toInvite(invite, ctx.now)
    },
  }),

  /** Anyone holding a code may ask whether it still works (nothing about the union leaks). */
  inviteInfo: action({
    input: inviteCodeInput,
    role: 'visitor',
    labels: MEMBER_LABELS,
    async run(ctx, input) {
      const invite = await findInvite(ctx.db, input.code)
      const problem = inviteProblem(invite, ctx.now)
      if (problem || !invite) return { valid: false, message: problem ?? '邀请码无效' }
      return { valid: true, message: invite.autoApprove ? '邀请码有效：填好资料提交后即可加入' : '邀请码有效：提交后由工会确认', autoApprove: invite.autoApprove }
    },
  }),
}
