/**
 * Committee and chair work on members: the approval queue, the directory and profile corrections.
 * Every change is written to the audit log in the same transaction; lists never carry openids and
 * show full phone numbers to the chair only. Roles and removal are in roles.ts (the chair lock).
 */
import {
  directoryInput, memberIdInput, rejectInput, setDepartmentsInput, updateMemberInput,
  type DirectoryItem, type DirectoryOutput, type MemberProfile, type QueueItem, type QueueOutput,
} from '../../types/member'
import { pageInput } from '../../types/common'
import * as z from 'zod/mini'
import { TEMPLATES } from '../../types/templates'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc, type RosterDoc } from '../_shared/documents'
import { AppError, staleRevision } from '../_shared/errors'
import { changedFields, recordAudit } from '../_shared/audit'
import { inTransaction } from '../_shared/transaction'
import { callerAnchor } from '../_shared/desk'
import { answerParts, countIn, countRead, iso, pageWindow, type Part } from '../_shared/query'
import { formatShanghai } from '../_shared/time'
import { maskPhone, memberById, members, META, profileFields, readMeta, revisionOf, toProfile, writeMetaIn, type MemberChangeDoc } from './store'
import { ensureStaffNoFree, moveStaffNoIn, staffNoClaim, type ClaimDoc } from './claims'
import { admitIn } from './admission'
import { keywordTerms, nameMatches } from '../_shared/member-search'
import type { RosterMeta } from './joining'
import { changeItem } from './changes'
import { MEMBER_LABELS } from './labels'

/** `withChanges` (page 1, the chair): the first page of 资料变更申请 too, for 入会审核's opening. */
const queueInput = z.object({ page: pageInput, withChanges: z.optional(z.boolean()) })

async function tellApplicant(ctx: Ctx, m: MemberDoc, result: string, note: string): Promise<void> {
  await ctx.services.notify({
    touser: m.openid,
    templateId: TEMPLATES.memberReviewed,
    page: 'pages/me/index',
    recipientLabel: m.name,
    data: { thing1: { value: '入会申请' }, phrase2: { value: result }, thing3: { value: note.slice(0, 20) }, time4: { value: formatShanghai(ctx.now) } },
  })
}

function directoryItem(m: MemberDoc, fullPhone: boolean): DirectoryItem {
  return { id: m._id, name: m.name, department: m.department, status: m.status, role: m.role, phone: fullPhone ? m.phone : maskPhone(m.phone) }
}

/** The directory's query: approved members, by department/status, name by its index terms (search.ts). */
export function directoryWhere(ctx: Ctx, input: { keyword?: string; department?: string; status?: MemberDoc['status'] }) {
  const where: Record<string, unknown> = { membership: 'approved' }
  if (input.department) where.department = input.department
  if (input.status) where.status = input.status
  if (input.keyword) where.searchTerms = ctx.db.command.all(keywordTerms(input.keyword))
  return where
}

/** The hint the committee sees beside an applicant's staff number (none when the roster confirms name and number). */
function queueHint(m: MemberDoc, rows: RosterDoc[], held: Set<string>): string | undefined {
  const row = m.staffNo ? rows.find((r) => r.staffNo === m.staffNo) : undefined
  if (!m.staffNo) return '未填写工号'
  if (held.has(staffNoClaim(m.staffNo))) return `工号 ${m.staffNo} 已属于另一位会员，不能通过；请与申请人核实`
  if (!row) return '名册中没有这个工号'
  return row.name === m.name ? undefined : `名册中工号 ${m.staffNo} 是"${row.name}"`
}

/**
 * One page of the queue, oldest first, with what the roster says about each applicant — and, when
 * asked (the chair's 入会审核 opening), the first page of 资料变更申请 — in two requests: the page, its
 * count, the roster's settings (and the change requests) in one; the roster rows and staff-number
 * claims of the page's numbers in the other.
 */
function queuePart(ctx: Ctx, page: number, withChanges: boolean): Part<QueueOutput> {
  const _ = ctx.db.command
  const { skip, limit } = pageWindow(page)
  const pending = { membership: 'pending' }
  return {
    first: {
      items: { from: COLLECTIONS.members, stages: (p) => p.match(pending).sort({ createdAt: 1, _id: 1 }).skip(skip).limit(limit) },
      total: countRead(COLLECTIONS.members, pending),
      roster: { from: COLLECTIONS.appMeta, stages: (p) => p.match({ _id: META.roster }) },
      ...(withChanges ? {
        changes: { from: COLLECTIONS.memberChanges, stages: (p) => p.match({ state: 'pending' }).sort({ createdAt: 1, _id: 1 }).skip(0).limit(pageWindow(1).limit) },
        changesTotal: countRead(COLLECTIONS.memberChanges, { state: 'pending' }),
      } : {}),
    },
    second(r) {
      const numbers = [...new Set((r.items as MemberDoc[]).map((m) => m.staffNo).filter((n): n is string => Boolean(n)))]
      const roster = r.roster[0] as RosterMeta | undefined
      if (!numbers.length) return {}
      return {
        claims: { from: COLLECTIONS.memberClaims, stages: (p) => p.match({ _id: _.in(numbers.map(staffNoClaim)) }).limit(100) },
        ...(roster ? { rows: { from: COLLECTIONS.roster, stages: (p) => p.match({ batchId: roster.activeBatch, staffNo: _.in(numbers) }).limit(100) } } : {}),
      }
    },
    answer(r, more) {
      const held = new Set((more.claims ?? []).map((c: ClaimDoc) => c._id))
      const items: QueueItem[] = (r.items as MemberDoc[]).map((m) => ({
        id: m._id, name: m.name, department: m.department, status: m.status, staffNo: m.staffNo, appliedAt: iso(m.createdAt), hint: queueHint(m, more.rows ?? [], held),
      }))
      return {
        items, page, total: countIn(r.total),
        ...(withChanges ? { changes: { items: (r.changes as MemberChangeDoc[]).map(changeItem), page: 1, total: countIn(r.changesTotal) } } : {}),
      }
    },
  }
}

export const adminRoutes = {
  /** Applications waiting for a decision, oldest first, with what the roster says about each. */
  queue: action({
    input: queueInput,
    role: 'committee',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<QueueOutput> {
      const withChanges = input.withChanges === true && input.page === 1 && ctx.role === 'chair'
      return (await answerParts(ctx.db, callerAnchor(ctx), { queue: queuePart(ctx, input.page, withChanges) })).queue
    },
  }),

  /** Approves a waiting application: a plain member (never an old role), staff number claimed, audited. */
  approve: action({
    input: memberIdInput,
    role: 'committee',
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (m.membership !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了，请刷新列表')
      await ensureStaffNoFree(ctx.db, m.staffNo, m._id)
      const admitted = await inTransaction(ctx.db, async (t) => {
        const now = await memberById(t, m._id)
        if (now.membership !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了，请刷新列表')
        return admitIn(t, ctx, now, now.joinedVia ?? 'approval', { byCommittee: true })
      })
      await tellApplicant(ctx, m, '已通过', '欢迎加入教工之家')
      return toProfile(admitted, { fullPhone: ctx.role === 'chair' })
    },
  }),

  /** Not approved, with a reason the applicant sees (they may correct and apply again). */
  reject: action({
    input: rejectInput,
    role: 'committee',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      const rejected = await inTransaction(ctx.db, async (t) => {
        const m = await memberById(t, input.memberId)
        if (m.membership !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了，请刷新列表')
        const fields = { membership: 'rejected' as const, rejectReason: input.reason, updatedAt: ctx.now, revision: revisionOf(m) + 1 }
        await members(t).doc(m._id).update({ data: fields })
        await recordAudit(t, ctx, { action: 'member.reject', target: { kind: 'member', id: m._id, label: m.name }, before: { membership: 'pending' }, after: { membership: 'rejected' }, note: input.reason })
        return { ...m, ...fields }
      })
      await tellApplicant(ctx, rejected, '未通过', input.reason)
      return toProfile(rejected, { fullPhone: ctx.role === 'chair' })
    },
  }),

  /** Members for committee and chair: search by name (index), filter; phones masked except for the chair. */
  directory: action({
    input: directoryInput,
    role: 'committee',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<DirectoryOutput> {
      // 会员名册 opens with its department chips: the page, its count and the union's list in one request.
      const where = directoryWhere(ctx, input)
      const { skip, limit } = pageWindow(input.page)
      const order = input.department ? { department: 1, name: 1, _id: 1 } : { name: 1, _id: 1 }
      const page: Part<DirectoryOutput> = {
        first: {
          items: { from: COLLECTIONS.members, stages: (p) => p.match(where).sort(order).skip(skip).limit(limit) },
          total: countRead(COLLECTIONS.members, where),
          ...(input.withDepartments ? { departments: { from: COLLECTIONS.appMeta, stages: (p) => p.match({ _id: META.departments }) } } : {}),
        },
        answer(r) {
          const items = r.items as MemberDoc[]
          const shown = input.keyword ? items.filter((m) => nameMatches(m.name, input.keyword!)) : items
          return {
            items: shown.map((m) => directoryItem(m, ctx.role === 'chair')), page: input.page, total: countIn(r.total),
            ...(input.withDepartments ? { departments: (r.departments[0] as { list?: string[] } | undefined)?.list ?? [] } : {}),
          }
        },
      }
      return (await answerParts(ctx.db, callerAnchor(ctx), { page })).page
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

  /**
   * The chair corrects anyone's profile, name / staff no. / status included, against the revision
   * the chair read; the staff number moves with its claim, the old values stay in the audit log.
   */
  update: action({
    input: updateMemberInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<MemberProfile> {
      const m = await memberById(ctx.db, input.memberId)
      if (revisionOf(m) !== input.revision) throw staleRevision()
      const fields = await profileFields(ctx, input)
      if (m.membership === 'approved') await ensureStaffNoFree(ctx.db, fields.staffNo, m._id)
      const updated = await inTransaction(ctx.db, async (t) => {
        const now = await memberById(t, m._id)
        if (revisionOf(now) !== input.revision) throw staleRevision()
        if (now.membership === 'approved') await moveStaffNoIn(t, now.staffNo, fields.staffNo ?? now.staffNo, now._id, ctx.now)
        const next = { ...fields, revision: revisionOf(now) + 1, updatedAt: ctx.now }
        await members(t).doc(now._id).update({ data: next })
        const { searchTerms: _terms, ...shown } = fields
        const diff = changedFields(now as unknown as Record<string, unknown>, shown as Record<string, unknown>)
        await recordAudit(t, ctx, { action: 'member.update', target: { kind: 'member', id: now._id, label: now.name }, ...diff })
        return { ...now, ...next }
      })
      return toProfile(updated, { fullPhone: true })
    },
  }),

  /** The chair keeps the department list (the join and profile forms offer it). */
  setDepartments: action({
    input: setDepartmentsInput,
    role: 'chair',
    labels: MEMBER_LABELS,
    async run(ctx, input): Promise<{ departments: string[] }> {
      const list = [...new Set(input.departments)]
      await inTransaction(ctx.db, async (t) => {
        const before = (await readMeta<{ list: string[] }>(t, META.departments))?.list ?? []
        await writeMetaIn(t, META.departments, { list })
        await recordAudit(t, ctx, { action: 'member.setDepartments', target: { kind: 'settings', id: META.departments, label: '部门列表' }, before: { departments: before }, after: { departments: list } })
      })
      return { departments: list }
    },
  }),
}
