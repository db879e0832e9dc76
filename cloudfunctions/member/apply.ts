/**
 * Applying to join. Approved at once when the app was opened from the bound staff group (proven by
 * a cloudID this function resolves itself), with an auto-approving invite, or when name + staff no.
 * match the roster; otherwise the application waits for the committee.
 *
 * Exact under retries and double taps:
 *  1. the application carries the form's requestId; a record made by this very application answers
 *     its first outcome again;
 *  2. the record, the invite use and (when a path admits) the admission with its staff-number claim
 *     and audit entry are written in ONE transaction — all or nothing;
 *  3. one person's invite use is itself a claim (claims.ts): parallel taps take one use.
 */
import { applyInput, type ApplyOutput } from '../../types/member'
import { action } from '../_shared/dispatch'
import { findMemberByOpenid, type Ctx } from '../_shared/context'
import { COLLECTIONS, type InviteDoc, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { inTransaction, type Tx } from '../_shared/transaction'
import { ensureStaffNoFree, takeInviteUseIn } from './claims'
import { admitIn, type JoinPath } from './admission'
import { inviteProblem, findInvite, joinSettings, normaliseCode, rosterMatches, rosterRow, type StoredJoinSettings } from './joining'
import { getDoc, memberById, members, newMemberId, profileFields, revisionOf } from './store'
import { MEMBER_LABELS } from './labels'

const WELCOME = '欢迎加入教工之家！现在可以看内部公开、提意见和报名活动了。'
const SUBMITTED = '申请已提交，工会委员审核通过后会通知你。'
const ALREADY_WAITING = '你的申请已经提交，正在等待工会审核'

function outcomeOf(m: MemberDoc): ApplyOutput {
  if (m.membership === 'approved') return { state: 'approved', via: (m.joinedVia ?? 'approval') as ApplyOutput['via'], message: WELCOME }
  return { state: 'pending', via: 'approval', message: SUBMITTED }
}

/** True when WeChat resolves the cloudID to the staff group the chair bound. */
async function fromBoundGroup(ctx: Ctx, cloudId: string | undefined, settings: StoredJoinSettings): Promise<boolean> {
  if (!cloudId || !settings.group || !settings.openGId) return false
  const [opened] = await ctx.services.openData([cloudId])
  return opened?.data.openGId === settings.openGId
}

interface Plan {
  via: JoinPath | null
  invite: InviteDoc | null
}

/** Which path admits this application (null: it waits), read before anything is written. */
async function plan(ctx: Ctx, input: { name: string; staffNo?: string; invite?: string; groupCloudId?: string }): Promise<Plan> {
  const settings = await joinSettings(ctx.db)
  if (await fromBoundGroup(ctx, input.groupCloudId, settings)) return { via: 'group', invite: null }
  let invite: InviteDoc | null = null
  if (input.invite) {
    if (!settings.invite) throw new AppError('CONFLICT', '工会暂时没有开放邀请码加入，请直接提交申请等待审核')
    invite = await findInvite(ctx.db, input.invite)
    const problem = inviteProblem(invite, ctx.now)
    if (problem || !invite) throw new AppError('CONFLICT', problem ?? '邀请码无效')
    if (invite.autoApprove) return { via: 'invite', invite }
  }
  if (settings.roster && input.staffNo && rosterMatches(await rosterRow(ctx.db, input.staffNo), input.name)) return { via: 'roster', invite }
  return { via: null, invite }
}

/** Inside the transaction: one use of the invite for this person (none if they already used it). */
async function useInviteIn(t: Tx, ctx: Ctx, code: string): Promise<void> {
  const invite = await getDoc<InviteDoc>(t, COLLECTIONS.invites, normaliseCode(code))
  const problem = inviteProblem(invite, ctx.now)
  if (problem || !invite) throw new AppError('CONFLICT', problem ?? '邀请码无效')
  if (!(await takeInviteUseIn(t, ctx.openid, invite._id, ctx.now))) return
  await t.collection(COLLECTIONS.invites).doc(invite._id).update({ data: { remaining: invite.remaining - 1 } })
}

/** Inside the transaction: the application's record, new or the caller's rejected/removed one reopened. */
async function writeRecordIn(t: Tx, ctx: Ctx, existing: MemberDoc | null, fields: Partial<MemberDoc>, key: string, via: JoinPath | null): Promise<MemberDoc> {
  const common = { ...fields, membership: 'pending' as const, role: 'member' as const, joinedVia: via ?? 'approval', applyKey: key, updatedAt: ctx.now }
  if (!existing) {
    const record = { ...common, _id: newMemberId(), openid: ctx.openid, createdAt: ctx.now, revision: 0 } as MemberDoc
    try {
      await members(t).add({ data: record })
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONFLICT', ALREADY_WAITING) // another tap made the record
      throw err
    }
    return record
  }
  const now = await memberById(t, existing._id)
  if (now.membership !== existing.membership || now.applyKey === key) throw new AppError('CONFLICT', ALREADY_WAITING)
  const _ = ctx.db.command
  const returning = now.membership === 'removed'
  await members(t).doc(now._id).update({
    data: { ...common, revision: revisionOf(now) + 1, rejectReason: _.remove(), removedAt: _.remove(), removeReason: _.remove(), ...(returning ? { returning: true } : {}) },
  })
  return { ...now, ...common, revision: revisionOf(now) + 1, rejectReason: undefined, removedAt: undefined, removeReason: undefined, returning: returning || now.returning }
}

export const applyRoutes = {
  apply: action({
    input: applyInput,
    role: 'visitor',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<ApplyOutput> {
      const key = createdId(ctx.openid, 'member:apply', input.requestId)
      const existing = await findMemberByOpenid(ctx.db, ctx.openid)
      if (existing?.applyKey === key) return outcomeOf(existing)
      if (ctx.role === 'applicant') throw new AppError('CONFLICT', ALREADY_WAITING)
      if (ctx.member) throw new AppError('CONFLICT', '你已经是工会会员了')
      const fields = await profileFields(ctx, input)
      await ensureStaffNoFree(ctx.db, input.staffNo, existing?._id)
      const { via, invite } = await plan(ctx, input)
      try {
        const record = await inTransaction(ctx.db, async (t) => {
          const written = await writeRecordIn(t, ctx, existing, fields, key, via)
          if (invite) await useInviteIn(t, ctx, invite._id)
          return via ? admitIn(t, ctx, written, via, { byCommittee: false }) : written
        })
        return outcomeOf(record)
      } catch (err) {
        // A parallel tap of the same application got there first: answer what it made.
        const now = err instanceof AppError && err.message === ALREADY_WAITING ? await findMemberByOpenid(ctx.db, ctx.openid) : null
        if (now?.applyKey === key) return outcomeOf(now)
        throw err
      }
    },
  }),
}
