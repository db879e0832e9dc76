/**
 * Committee and chair work on members: the approval queue, the directory, roles, removal and
 * profile corrections. Every change is written to the audit log; lists never carry openids and
 * show full phone numbers to the chair only.
 */
import {
  directoryInput, memberIdInput, rejectInput, removeInput, setDepartmentsInput, setRoleInput, updateMemberInput,
  type DirectoryItem, type MemberProfile, type QueueItem,
} from '../../types/member'
import { pageInput } from '../../types/common'
import * as z from 'zod/mini'
import { TEMPLATES } from '../../types/templates'
import { action } from '../_shared/dispatch'
import { requireMember, type Ctx } from '../_shared/context'
import type { MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { changedFields, recordAudit } from '../_shared/audit'
import { escapeRegExp, iso, pageOf } from '../_shared/query'
import { formatShanghai } from '../_shared/time'
import { chairCount, departmentList, maskPhone, memberById, members, META, profileFields, toProfile, writeMeta } from './members'
import { rosterRow } from './joining'

type Updated = { stats: { updated: number } }

const queueInput = z.object({ page: pageInput })

/** Moves a member from one membership state to another only if it is still in the expected one. */
async function transition(ctx: Ctx, id: string, from: MemberDoc['membership'], data: Partial<MemberDoc>): Promise<boolean> {
  const res = (await members(ctx.db).where({ _id: id, membership: from }).update({ data: { ...data, updatedAt: ctx.now } })) as Updated
  return res.stats.updated === 1
}

/**
 * Called after a chair stepped down or was removed. Checked after the write, not before, so two
 * chairs demoting or removing each other at once cannot both succeed: the change is undone.
 */
async function keepAChair(ctx: Ctx, id: string, undo: Partial<MemberDoc>, message: string): Promise<void> {
  if ((await chairCount(ctx.db)) > 0) return
  await members(ctx.db).doc(id).update({ data: { ...undo, updatedAt: ctx.now } })
  throw new AppError('CONFLICT', message)
}

async function tellApplicant(ctx: Ctx, m: MemberDoc, result: string, note: string): Promise<void> {
  await ctx.services.notify({
    touser: m.openid,
    templateId: TEMPLATES.memberReviewed,
    page: 'pages/me/index',
    data: { thing1: { value: '入会申请' }, phrase2: { value: result }, thing3: { value: note.slice(0, 20) }, time4: { value: formatShanghai(ctx.now) } },
  })
}

function directoryItem(m: MemberDoc, fullPhone: boolean): DirectoryItem {
  return { id: m._id, name: m.name, department: m.department, status: m.status, role: m.role, phone: fullPhone ? m.phone : maskPhone(m.phone) }
}

/** The directory's query: approved members, by department/status, name containing the keyword. */
export function directoryWhere(ctx: Ctx, input: { keyword?: string; department?: string; status?: MemberDoc['status'] }) {
  const where: Record<string, unknown> = { membership: 'approved' }
  if (input.department) where.department = input.department
  if (input.status) where.status = input.status
  if (input.keyword) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
  return where
}

export const adminRoutes = {
  /** Applications waiting for a decision, oldest first. */
  queue: action({
    input: queueInput,
    role: 'committee',
    async run(ctx, input) {
      const { total, items } = await pageOf<MemberDoc>(members(ctx.db), { membership: 'pending' }, { orderBy: [['createdAt', 'asc']], page: input.page })
      const out: QueueItem[] = []
      for (const m of items) {
        const row = m.staffNo ? await rosterRow(ctx.db, m.staffNo) : null
        const hint = row && row.name !== m.name ? `名册中工号 ${m.staffNo} 是"${row.name}"` : row ? undefined : m.staffNo ? '名册中没有这个工号' : '未填写工号'
        out.push({ id: m._id, name: m.name, department: m.department, status: m.status, staffNo: m.staffNo, appliedAt: iso(m.createdAt), hint })
      }
      return { items: out, page: input.page, total }
    },
  }),

  approve: action({
    input: memberIdInput,
    role: 'committee',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (!(await transition(ctx, m._id, 'pending', { membership: 'approved', role: 'member', approvedAt: ctx.now }))) {
        throw new AppError('CONFLICT', '这份申请已经处理过了，请刷新列表')
      }
      await recordAudit(ctx.db, ctx, { action: 'member.approve', target: { kind: 'member', id: m._id, label: m.name }, before: { membership: 'pending' }, after: { membership: 'approved' } })
      await tellApplicant(ctx, m, '已通过', '欢迎加入教工之家')
      return toProfile({ ...m, membership: 'approved', approvedAt: ctx.now }, { fullPhone: ctx.role === 'chair' })
    },
  }),

  /** Not approved, with a reason the applicant sees (they may correct and apply again). */
  reject: action({
    input: rejectInput,
    role: 'committee',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (!(await transition(ctx, m._id, 'pending', { membership: 'rejected', rejectReason: input.reason }))) {
        throw new AppError('CONFLICT', '这份申请已经处理过了，请刷新列表')
      }
      await recordAudit(ctx.db, ctx, { action: 'member.reject', target: { kind: 'member', id: m._id, label: m.name }, before: { membership: 'pending' }, after: { membership: 'rejected' }, note: input.reason })
      await tellApplicant(ctx, m, '未通过', input.reason)
      return toProfile({ ...m, membership: 'rejected', rejectReason: input.reason }, { fullPhone: ctx.role === 'chair' })
    },
  }),

  /** Members for committee and chair: search, filter; phones masked except for the chair. */
  directory: action({
    input: directoryInput,
    role: 'committee',
    async run(ctx, input) {
      const orderBy: Array<[string, 'asc' | 'desc']> = input.department ? [['department', 'asc'], ['name', 'asc']] : [['name', 'asc']]
      const { total, items } = await pageOf<MemberDoc>(members(ctx.db), directoryWhere(ctx, input), { orderBy, page: input.page })
      return { items: items.map((m) => directoryItem(m, ctx.role === 'chair')), page: input.page, total }
    },
  }),

  /** One member's record (committee and chair). */
  get: action({
    input: memberIdInput,
    role: 'committee',
    async run(ctx, input): Promise<MemberProfile> {
      return toProfile(await memberById(ctx.db, input.memberId), { fullPhone: ctx.role === 'chair' })
    },
  }),

  /** The chair corrects anyone's profile; the old values stay in the audit log. */
  update: action({
    input: updateMemberInput,
    role: 'chair',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      const fields = await profileFields(ctx, input)
      await members(ctx.db).doc(m._id).update({ data: { ...fields, updatedAt: ctx.now } })
      const diff = changedFields(m as unknown as Record<string, unknown>, fields as Record<string, unknown>)
      await recordAudit(ctx.db, ctx, { action: 'member.update', target: { kind: 'member', id: m._id, label: m.name }, ...diff })
      return toProfile({ ...m, ...fields }, { fullPhone: true })
    },
  }),

  /** member / committee / chair. There is always at least one chair: the last one cannot step down. */
  setRole: action({
    input: setRoleInput,
    role: 'chair',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (m.membership !== 'approved') throw new AppError('CONFLICT', '只能给已通过的会员设置身份')
      if (m.role === input.role) return toProfile(m, { fullPhone: true })
      const res = (await members(ctx.db).where({ _id: m._id, membership: 'approved', role: m.role }).update({ data: { role: input.role, updatedAt: ctx.now } })) as Updated
      if (res.stats.updated !== 1) throw new AppError('CONFLICT', '这位会员的身份刚被修改过，请刷新后再试')
      if (m.role === 'chair') await keepAChair(ctx, m._id, { role: 'chair' }, '至少要保留一位主席：请先把主席身份交给另一位会员')
      await recordAudit(ctx.db, ctx, { action: 'member.setRole', target: { kind: 'member', id: m._id, label: m.name }, before: { role: m.role }, after: { role: input.role } })
      return toProfile({ ...m, role: input.role }, { fullPhone: true })
    },
  }),

  /** Hands the chair over: the other member becomes chair, then the caller becomes a committee member. */
  handOver: action({
    input: memberIdInput,
    role: 'chair',
    async run(ctx, input): Promise<MemberProfile> {
      const me = requireMember(ctx)
      const m = await memberById(ctx.db, input.memberId)
      if (m._id === me._id) throw new AppError('BAD_INPUT', '请选择另一位会员来接任主席')
      if (m.membership !== 'approved') throw new AppError('CONFLICT', '只能把主席交给已通过的会员')
      await members(ctx.db).doc(m._id).update({ data: { role: 'chair', updatedAt: ctx.now } })
      await members(ctx.db).doc(me._id).update({ data: { role: 'committee', updatedAt: ctx.now } })
      await recordAudit(ctx.db, ctx, { action: 'member.handOver', target: { kind: 'member', id: m._id, label: m.name }, before: { chair: me.name, role: m.role }, after: { chair: m.name, previousChairRole: 'committee' } })
      return toProfile({ ...m, role: 'chair' }, { fullPhone: true })
    },
  }),

  /** Soft removal: the record and its history stay; access ends with the member's next call. */
  remove: action({
    input: removeInput,
    role: 'chair',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (m.membership !== 'approved') throw new AppError('CONFLICT', '这位不是在册会员，无需移除')
      if (!(await transition(ctx, m._id, 'approved', { membership: 'removed', removedAt: ctx.now, removeReason: input.reason }))) {
        throw new AppError('CONFLICT', '这位会员的状态刚被修改过，请刷新后再试')
      }
      const _ = ctx.db.command
      if (m.role === 'chair') await keepAChair(ctx, m._id, { membership: 'approved', removedAt: _.remove(), removeReason: _.remove() } as never, '不能移除唯一的主席：请先把主席身份交给另一位会员')
      await recordAudit(ctx.db, ctx, { action: 'member.remove', target: { kind: 'member', id: m._id, label: m.name }, before: { membership: 'approved', role: m.role }, after: { membership: 'removed' }, note: input.reason })
      return toProfile({ ...m, membership: 'removed', removedAt: ctx.now }, { fullPhone: true })
    },
  }),

  /** The chair keeps the department list (the join and profile forms offer it). */
  setDepartments: action({
    input: setDepartmentsInput,
    role: 'chair',
    async run(ctx, input): Promise<{ departments: string[] }> {
      const list = [...new Set(input.departments)]
      const before = await departmentList(ctx.db)
      await writeMeta(ctx.db, META.departments, { list })
      await recordAudit(ctx.db, ctx, { action: 'member.setDepartments', target: { kind: 'settings', id: META.departments, label: '部门列表' }, before: { departments: before }, after: { departments: list } })
      return { departments: list }
    },
  }),
}
