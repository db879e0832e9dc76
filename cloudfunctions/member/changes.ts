/**
 * 资料变更申请: a verified member asks to change their name, staff number or 在职/离退休; the chair
 * approves or declines. One request waits per member at a time (a claim); the request is made once
 * per requestId; a decision applies only to the record as it was when the member asked (revision),
 * moves the staff-number claim, and is audited with the request in the same transaction.
 */
import { changeRequestInput, decideChangeInput, type ChangeRequestItem, type ChangeSet, type MemberProfile } from '../../types/member'
import { pageInput } from '../../types/common'
import * as z from 'zod/mini'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { createdId } from '../_shared/create-once'
import { inTransaction } from '../_shared/transaction'
import { iso, pageOf } from '../_shared/query'
import { changeRequestClaim, ensureStaffNoFree, moveStaffNoIn, type ClaimDoc } from './claims'
import { getDoc, memberById, members, revisionOf, toProfile, type MemberChangeDoc } from './store'
import { nameTerms } from '../_shared/member-search'
import { CHANGE_LABELS } from './labels'

const CHANGES = COLLECTIONS.memberChanges

export function changeView(c: MemberChangeDoc) {
  return { id: c._id, state: c.state, changes: c.changes, reason: c.reason, createdAt: iso(c.createdAt), ...(c.decisionNote ? { decisionNote: c.decisionNote } : {}) }
}

function currentOf(m: MemberDoc, changes: ChangeSet): ChangeSet {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, m[k as keyof ChangeSet]])) as ChangeSet
}

/** A change request as the chair's list shows it. */
export function changeItem(c: MemberChangeDoc): ChangeRequestItem {
  return { id: c._id, memberId: c.memberId, memberName: c.memberName, department: c.department, current: c.current, changes: c.changes, reason: c.reason, createdAt: iso(c.createdAt) }
}

export const changeRoutes = {
  requestChange: action({
    input: changeRequestInput,
    role: 'member',
    labels: CHANGE_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      const me = requireMember(ctx)
      const asked: ChangeSet = {}
      if (input.name !== undefined && input.name !== me.name) asked.name = input.name
      if (input.staffNo !== undefined && input.staffNo !== me.staffNo) asked.staffNo = input.staffNo
      if (input.status !== undefined && input.status !== me.status) asked.status = input.status
      if (Object.keys(asked).length === 0) throw new AppError('BAD_INPUT', '申请的内容与现在的资料相同，无需变更')
      await ensureStaffNoFree(ctx.db, asked.staffNo, me._id)
      const id = createdId(ctx.openid, 'member:change', input.requestId)
      const request: MemberChangeDoc = {
        _id: id, memberId: me._id, memberName: me.name, department: me.department, current: currentOf(me, asked), changes: asked,
        reason: input.reason, revision: revisionOf(me), state: 'pending', createdAt: ctx.now,
      }
      const made = await inTransaction(ctx.db, async (t) => {
        const again = await getDoc<MemberChangeDoc>(t, CHANGES, id)
        if (again) return again
        const waiting = await getDoc<ClaimDoc>(t, COLLECTIONS.memberClaims, changeRequestClaim(me._id))
        if (waiting) throw new AppError('CONFLICT', '你已有一份变更申请在等待主席处理，请等处理完再提交')
        await t.collection(CHANGES).add({ data: request })
        await t.collection(COLLECTIONS.memberClaims).add({ data: { _id: changeRequestClaim(me._id), requestId: id, at: ctx.now } })
        await recordAudit(t, ctx, { action: 'member.requestChange', target: { kind: 'member', id: me._id, label: me.name }, before: request.current, after: asked, note: input.reason })
        return request
      })
      return { ...toProfile(me, { fullPhone: true }), changeRequest: changeView(made) }
    },
  }),

  /** Requests waiting for the chair, oldest first. */
  changeRequests: action({
    input: z.object({ page: pageInput }),
    role: 'chair',
    async run(ctx, input) {
      const { total, items } = await pageOf<MemberChangeDoc>(ctx.db.collection(CHANGES), { state: 'pending' }, { orderBy: [['createdAt', 'asc']], page: input.page })
      return { items: items.map(changeItem), page: input.page, total }
    },
  }),

  decideChange: action({
    input: decideChangeInput,
    role: 'chair',
    labels: CHANGE_LABELS,
    async run(ctx, input): Promise<{ id: string; state: 'approved' | 'rejected' }> {
      if (!input.approve && !input.note) throw new AppError('BAD_INPUT', '请写明不同意的原因（会员能看到）')
      const request = await getDoc<MemberChangeDoc>(ctx.db, CHANGES, input.id)
      if (!request) throw new AppError('NOT_FOUND', '这份变更申请不存在，请刷新列表')
      if (input.approve) await ensureStaffNoFree(ctx.db, request.changes.staffNo, request.memberId)
      const state = input.approve ? 'approved' as const : 'rejected' as const
      await inTransaction(ctx.db, async (t) => {
        const r = await getDoc<MemberChangeDoc>(t, CHANGES, input.id)
        if (!r || r.state !== 'pending') throw new AppError('CONFLICT', '这份变更申请已经处理过了，请刷新列表')
        const m = await memberById(t, r.memberId)
        if (input.approve) {
          if (revisionOf(m) !== r.revision) throw new AppError('CONFLICT', '会员资料在申请之后又改过了：请不同意这份申请，让会员重新提交')
          await moveStaffNoIn(t, m.staffNo, r.changes.staffNo ?? m.staffNo, m._id, ctx.now)
          const next = { ...r.changes, ...(r.changes.name ? { searchTerms: nameTerms(r.changes.name) } : {}), revision: revisionOf(m) + 1, updatedAt: ctx.now }
          await members(t).doc(m._id).update({ data: next })
        }
        await t.collection(CHANGES).doc(r._id).update({ data: { state, decidedBy: requireMember(ctx)._id, decidedAt: ctx.now, ...(input.note ? { decisionNote: input.note } : {}) } })
        await t.collection(COLLECTIONS.memberClaims).doc(changeRequestClaim(m._id)).remove()
        await recordAudit(t, ctx, {
          action: 'member.decideChange', target: { kind: 'member', id: m._id, label: m.name },
          before: r.current, after: { ...r.changes, approved: input.approve }, ...(input.note ? { note: input.note } : {}),
        })
      })
      return { id: input.id, state }
    },
  }),
}
