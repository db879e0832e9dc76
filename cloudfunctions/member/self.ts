/** Actions about the caller themselves: who am I, becoming chair with the setup code, my profile. */
import crypto from 'node:crypto'
import { memberMeInput, profileInput, setupInput, verifiedFieldLabels, verifiedFields, type MemberMeOutput, type MemberProfile } from '../../types/member'
import { roleLabels } from '../../types/role'
import { action } from '../_shared/dispatch'
import { findMemberByOpenid, requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { inTransaction } from '../_shared/transaction'
import { shanghaiDate } from '../_shared/time'
import { chairCount, departmentList, getDoc, latestChange, members, META, newMemberId, profileFields, readMeta, revisionOf, toProfile } from './store'
import { claimStaffNoIn, ensureStaffNoFree } from './claims'
import { writeChairsIn } from './chairs'
import { changeView } from './changes'
import { MEMBER_LABELS, SETUP_LABELS } from './labels'
import { delegateLabel } from '../congress/profile'

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
  const found = await getDoc<{ n: number }>(ctx.db, COLLECTIONS.setupAttempts, `${shanghaiDate(ctx.now)}_${ctx.openid}`)
  return found?.n ?? 0
}

/**
 * The first chair: the setup document (a fixed `_id` only one caller can ever create), the member
 * record, its staff number and the chair lock are written in one transaction.
 */
async function becomeFirstChair(ctx: Ctx, fields: Partial<MemberDoc>): Promise<MemberDoc> {
  const existing = await findMemberByOpenid(ctx.db, ctx.openid)
  const id = existing?._id ?? newMemberId()
  const chair: MemberDoc = {
    ...(existing ?? { openid: ctx.openid, createdAt: ctx.now }),
    ...fields,
    _id: id, membership: 'approved', role: 'chair', joinedVia: 'setup', approvedAt: ctx.now, updatedAt: ctx.now, revision: (existing ? revisionOf(existing) : 0) + 1,
  } as MemberDoc
  await inTransaction(ctx.db, async (t) => {
    if (await getDoc(t, COLLECTIONS.appMeta, META.setup)) throw new AppError('CONFLICT', '设置码刚刚已被使用，工会已经有主席了')
    await t.collection(COLLECTIONS.appMeta).add({ data: { _id: META.setup, usedAt: ctx.now } })
    const { _id, ...body } = chair
    if (existing) await members(t).doc(id).set({ data: body })
    else await members(t).add({ data: chair })
    await claimStaffNoIn(t, chair.staffNo, id, ctx.now)
    await writeChairsIn(t, [id])
    await recordAudit(t, ctx, { action: 'member.setup', target: { kind: 'member', id, label: chair.name }, after: { role: 'chair' }, actor: chair })
  })
  return chair
}

/** member.me for a member: `congressLabel` is their 代表 label (congress/profile.ts), if any. */
export function memberMe(ctx: Ctx, m: MemberDoc, congressLabel: string | undefined): MemberMeOutput {
  return { role: ctx.role, member: { id: m._id, name: m.name, department: m.department, status: m.status, roleLabel: roleLabels[ctx.role], ...(congressLabel ? { congressLabel } : {}) } }
}

/** member.me for a caller who is not a member: their last refused application, and whether setup is open. */
export async function visitorMe(ctx: Ctx): Promise<MemberMeOutput> {
  const past = await findMemberByOpenid(ctx.db, ctx.openid)
  const application = past && (past.membership === 'rejected' || past.membership === 'removed')
    ? { state: past.membership, reason: past.membership === 'rejected' ? past.rejectReason : undefined }
    : null
  return { role: ctx.role, member: null, application, setupOpen: await setupOpen(ctx) }
}

export const selfRoutes = {
  /** Who the caller is, as the server sees it (from the WeChat identity only). */
  me: action({
    input: memberMeInput,
    role: 'visitor',
    async run(ctx): Promise<MemberMeOutput> {
      return ctx.member ? memberMe(ctx, ctx.member, await delegateLabel(ctx.db, ctx.member._id)) : visitorMe(ctx)
    },
  }),

  /** The first person who enters the setup code becomes chair; after that the code never works again. */
  setup: action({
    input: setupInput,
    role: 'visitor',
    labels: SETUP_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      // A retry of the call that made this caller chair answers as that call did.
      if (ctx.role === 'chair' && ctx.member?.joinedVia === 'setup') return toProfile(ctx.member, { fullPhone: true })
      const code = ctx.env.SETUP_CODE
      if (!code) throw new AppError('MISCONFIGURED', '云函数没有配置设置码（SETUP_CODE），请在云开发控制台设置后再试')
      if (!(await setupOpen(ctx))) throw new AppError('CONFLICT', '工会已经有主席了，设置码不再有效。请按普通方式申请加入')
      if ((await setupAttemptsToday(ctx)) >= SETUP_ATTEMPTS_PER_DAY) throw new AppError('RATE_LIMITED', '设置码输错次数太多，请明天再试')
      if (!sameCode(input.code.trim(), code)) {
        await countSetupAttempt(ctx)
        throw new AppError('BAD_INPUT', '设置码不正确，请核对后再输入')
      }
      const fields = await profileFields(ctx, input)
      await ensureStaffNoFree(ctx.db, input.staffNo, undefined)
      return toProfile(await becomeFirstChair(ctx, fields), { fullPhone: true })
    },
  }),

  /** My own profile, with my full phone number and my latest change request. */
  myProfile: action({
    input: memberMeInput,
    role: 'applicant',
    async run(ctx): Promise<MemberProfile> {
      const me = requireMember(ctx)
      const change = me.membership === 'approved' ? await latestChange(ctx.db, me._id) : null
      return { ...toProfile(me, { fullPhone: true }), ...(change ? { changeRequest: changeView(change) } : {}) }
    },
  }),

  /**
   * Members keep their own details up to date. Once verified, name, staff number and 在职/离退休
   * are the chair's to change (the member asks with requestChange); role and membership never are.
   */
  updateProfile: action({
    input: profileInput,
    role: 'applicant',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      const me = requireMember(ctx)
      const fields = await profileFields(ctx, input)
      if (me.membership === 'approved') {
        const locked = verifiedFields.filter((f) => fields[f] !== undefined && fields[f] !== me[f])
        if (locked.length) {
          throw new AppError('CONFLICT', `${locked.map((f) => verifiedFieldLabels[f]).join('、')}已经由工会核实，不能自己修改。如需更改，请在"我的资料"里提交变更申请，由工会主席确认。`)
        }
        for (const f of verifiedFields) delete fields[f]
        delete fields.searchTerms
      } else {
        await ensureStaffNoFree(ctx.db, input.staffNo, me._id)
      }
      const _ = ctx.db.command
      const res = (await members(ctx.db).where({ _id: me._id, membership: me.membership }).update({ data: { ...fields, revision: _.inc(1), updatedAt: ctx.now } })) as { stats: { updated: number } }
      if (res.stats.updated !== 1) throw new AppError('CONFLICT', '你的资料刚被工会修改过，请刷新后再试')
      return toProfile({ ...me, ...fields, revision: revisionOf(me) + 1, updatedAt: ctx.now } as MemberDoc, { fullPhone: true })
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
