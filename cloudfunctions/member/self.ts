/** Actions about the caller themselves: who am I, becoming chair with the setup code, applying, my profile. */
import crypto from 'node:crypto'
import {
  applyInput, memberMeInput, profileInput, setupInput,
  type ApplyOutput, type MemberMeOutput, type MemberProfile,
} from '../../types/member'
import { roleLabels } from '../../types/role'
import { action } from '../_shared/dispatch'
import { findMemberByOpenid, requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { shanghaiDate } from '../_shared/time'
import { chairCount, departmentList, members, META, profileFields, readMeta, toProfile } from './members'
import { consumeInvite, joinSettings, refundInvite, rosterMatches, rosterRow } from './joining'

/** Wrong setup codes a caller may try in one day before being told to wait. */
const SETUP_ATTEMPTS_PER_DAY = 5

async function setupOpen(ctx: Ctx): Promise<boolean> {
  if (await readMeta(ctx.db, META.setup)) return false
  return (await chairCount(ctx.db)) === 0
}

function sameCode(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest()
  const y = crypto.createHash('sha256').update(b).digest()
  return crypto.timingSafeEqual(x, y)
}

/** Counts a wrong attempt; refuses once the day's allowance is used. */
async function countSetupAttempt(ctx: Ctx): Promise<void> {
  const id = `${shanghaiDate(ctx.now)}_${ctx.openid}`
  const col = ctx.db.collection(COLLECTIONS.setupAttempts)
  const _ = ctx.db.command
  const res = (await col.where({ _id: id }).update({ data: { n: _.inc(1) } })) as { stats: { updated: number } }
  if (res.stats.updated === 1) return
  try {
    await col.add({ data: { _id: id, n: 1 } })
  } catch {
    await col.doc(id).update({ data: { n: _.inc(1) } }) // created by a parallel attempt
  }
}

async function setupAttemptsToday(ctx: Ctx): Promise<number> {
  const found = (await ctx.db.collection(COLLECTIONS.setupAttempts).where({ _id: `${shanghaiDate(ctx.now)}_${ctx.openid}` }).limit(1).get()) as unknown as { data: Array<{ n: number }> }
  return found.data[0]?.n ?? 0
}

/** Writes the applicant's record: a new one, or the old rejected/removed one reopened. */
async function writeApplication(ctx: Ctx, existing: MemberDoc | null, data: Partial<MemberDoc>): Promise<string> {
  if (existing) {
    await members(ctx.db).doc(existing._id).update({ data: { ...data, rejectReason: ctx.db.command.remove(), updatedAt: ctx.now } })
    return existing._id
  }
  try {
    const res = (await members(ctx.db).add({ data: { ...data, openid: ctx.openid, role: 'member', createdAt: ctx.now, updatedAt: ctx.now } })) as { _id: string }
    return res._id
  } catch (err) {
    if (/E11000|duplicate/i.test(String((err as Error).message))) throw new AppError('CONFLICT', '你的申请已经提交过了，请刷新"我的"页查看')
    throw err
  }
}

export const selfRoutes = {
  /** Who the caller is, as the server sees it (from the WeChat identity only). */
  me: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<MemberMeOutput> {
      const m = ctx.member
      if (m) {
        return { role: ctx.role, member: { id: m._id, name: m.name, department: m.department, status: m.status, roleLabel: roleLabels[ctx.role] } }
      }
      const past = await findMemberByOpenid(ctx.db, ctx.openid)
      const application = past && (past.membership === 'rejected' || past.membership === 'removed')
        ? { state: past.membership, reason: past.membership === 'rejected' ? past.rejectReason : undefined }
        : null
      return { role: ctx.role, member: null, application, setupOpen: await setupOpen(ctx) }
    },
  }),

  /** The first person who enters the setup code becomes chair; after that the code never works again. */
  setup: action({
    input: setupInput,
    role: 'visitor',
    async run(ctx, input): Promise<MemberProfile> {
      const code = ctx.env.SETUP_CODE
      if (!code) throw new AppError('MISCONFIGURED', '云函数没有配置设置码（SETUP_CODE），请在云开发控制台设置后再试')
      if (!(await setupOpen(ctx))) throw new AppError('CONFLICT', '工会已经有主席了，设置码不再有效。请按普通方式申请加入')
      if ((await setupAttemptsToday(ctx)) >= SETUP_ATTEMPTS_PER_DAY) throw new AppError('RATE_LIMITED', '设置码输错次数太多，请明天再试')
      if (!sameCode(input.code.trim(), code)) {
        await countSetupAttempt(ctx)
        throw new AppError('BAD_INPUT', '设置码不正确，请核对后再输入')
      }
      const fields = await profileFields(ctx, input)
      // The setup document is the lock: only one caller can ever create it.
      try {
        await ctx.db.collection(COLLECTIONS.appMeta).add({ data: { _id: META.setup, usedAt: ctx.now } })
      } catch {
        throw new AppError('CONFLICT', '设置码刚刚已被使用，工会已经有主席了')
      }
      const existing = await findMemberByOpenid(ctx.db, ctx.openid)
      const data = { ...fields, membership: 'approved' as const, role: 'chair' as const, joinedVia: 'setup' as const, approvedAt: ctx.now }
      const id = existing
        ? (await members(ctx.db).doc(existing._id).update({ data: { ...data, updatedAt: ctx.now } }), existing._id)
        : ((await members(ctx.db).add({ data: { ...data, openid: ctx.openid, createdAt: ctx.now, updatedAt: ctx.now } })) as { _id: string })._id
      const chair = (await members(ctx.db).doc(id).get()) as unknown as { data: MemberDoc }
      await recordAudit(ctx.db, { ...ctx, member: chair.data, role: 'chair' }, {
        action: 'member.setup', target: { kind: 'member', id, label: chair.data.name }, after: { role: 'chair' },
      })
      return toProfile(chair.data, { fullPhone: true })
    },
  }),

  /**
   * Applies to join. Approved at once when the app was opened from the bound staff group, with
   * an auto-approving invite, or when name + staff no. match the roster; otherwise it waits.
   */
  apply: action({
    input: applyInput,
    role: 'visitor',
    async run(ctx, input): Promise<ApplyOutput> {
      if (ctx.role === 'applicant') throw new AppError('CONFLICT', '你的申请已经提交，正在等待工会审核')
      if (ctx.member) throw new AppError('CONFLICT', '你已经是工会会员了')
      const existing = await findMemberByOpenid(ctx.db, ctx.openid)
      const fields = await profileFields(ctx, input)
      const settings = await joinSettings(ctx.db)

      let via: ApplyOutput['via'] = 'approval'
      let approved = false
      if (settings.group && settings.openGId && input.group?.data.openGId === settings.openGId) {
        via = 'group'
        approved = true
      }
      if (!approved && input.invite) {
        if (!settings.invite) throw new AppError('CONFLICT', '工会暂时没有开放邀请码加入，请直接提交申请等待审核')
        const invite = await consumeInvite(ctx, input.invite)
        via = 'invite'
        approved = invite.autoApprove
      }
      if (!approved && settings.roster && input.staffNo && rosterMatches(await rosterRow(ctx.db, input.staffNo), input.name)) {
        via = 'roster'
        approved = true
      }
      const data: Partial<MemberDoc> = {
        ...fields,
        membership: approved ? 'approved' : 'pending',
        joinedVia: via,
        ...(approved ? { approvedAt: ctx.now } : {}),
      }
      try {
        await writeApplication(ctx, existing, data)
      } catch (err) {
        if (via === 'invite' && input.invite) await refundInvite(ctx, input.invite)
        throw err
      }
      if (approved) return { state: 'approved', via, message: '欢迎加入教工之家！现在可以看内部公开、提意见和报名活动了。' }
      return { state: 'pending', via: 'approval', message: '申请已提交，工会委员审核通过后会通知你。' }
    },
  }),

  /** My own profile, with my full phone number. */
  myProfile: action({
    input: memberMeInput,
    role: 'applicant',
    async run(ctx): Promise<MemberProfile> {
      return toProfile(requireMember(ctx), { fullPhone: true })
    },
  }),

  /** Members keep their own profile up to date (role and membership are not theirs to change). */
  updateProfile: action({
    input: profileInput,
    role: 'applicant',
    async run(ctx, input): Promise<MemberProfile> {
      const me = requireMember(ctx)
      const fields = await profileFields(ctx, input)
      await members(ctx.db).doc(me._id).update({ data: { ...fields, updatedAt: ctx.now } })
      return toProfile({ ...me, ...fields, updatedAt: ctx.now } as MemberDoc, { fullPhone: true })
    },
  }),

  /** The union's department list (the join form offers it). */
  departments: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<{ departments: string[] }> {
      return { departments: await departmentList(ctx.db) }
    },
  }),
}
