import * as z from 'zod/mini'
import { memberRole, memberStatus, membership, role } from './role'
import { calendarDate, docId, instant, pageInput, paged, requestId, revision } from './common'
import { deskItem } from './desk'
import { welfareTodoOutput } from './welfare'

/** member.me → who am I. `member` is null for visitors (including removed or rejected members). */
export const memberMeInput = z.object({})
export const memberSummary = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: memberStatus,
  roleLabel: z.string(),
  /** “第5届教代会代表” while the member is an active 代表 of a session (the latest one they are in) */
  congressLabel: z.optional(z.string()),
})
export type MemberSummary = z.infer<typeof memberSummary>
/** What a visitor sees of their own last application: why it was refused, so they can try again. */
export const applicationState = z.object({ state: z.enum(['rejected', 'removed']), reason: z.optional(z.string()) })
export const memberMeOutput = z.object({
  role,
  member: z.nullable(memberSummary),
  application: z.optional(z.nullable(applicationState)),
  /** true while nobody has become chair yet: the app offers the setup code entry */
  setupOpen: z.optional(z.boolean()),
})
export type MemberMeOutput = z.infer<typeof memberMeOutput>

/**
 * member.home → everything 我的 shows when it opens, in one call: who I am (as member.me answers) and,
 * for committee and chair, the 工作台 lines and the 慰问待办 (null when it could not be made).
 */
export const memberHomeOutput = z.extend(memberMeOutput, {
  desk: z.optional(z.array(deskItem)),
  welfareTodo: z.optional(z.nullable(welfareTodoOutput)),
})
export type MemberHomeOutput = z.infer<typeof memberHomeOutput>

// ── profile ──────────────────────────────────────────────────────────────────
export const genders = ['男', '女'] as const
const trimmed = (min: number, max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(min, `${what}不能为空`), z.maxLength(max, `${what}最多 ${max} 个字`))

/** Profile fields a person fills in (self) or the chair edits; department must be in the union's list. */
export const profileFields = {
  name: trimmed(1, 20, '姓名'),
  department: trimmed(1, 30, '部门'),
  status: memberStatus,
  gender: z.optional(z.enum(genders)),
  /** 11-digit mainland mobile */
  phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, '手机号应为 11 位数字'))),
  /** MM-DD; the year is separate and optional */
  birthday: z.optional(z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '生日格式应为 月-日，如 03-08'))),
  birthYear: z.optional(z.int().check(z.minimum(1920, '出生年份不对'), z.maximum(2020, '出生年份不对'))),
  staffNo: z.optional(z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,20}$/, '工号只能是字母和数字'))),
}
export const profileInput = z.object(profileFields)
export type ProfileInput = z.infer<typeof profileInput>

/** Fields a change request asks for (only the verified ones). */
export const changeSet = z.object({ name: z.optional(z.string()), staffNo: z.optional(z.string()), status: z.optional(memberStatus) })
export type ChangeSet = z.infer<typeof changeSet>
export const changeRequestView = z.object({
  id: z.string(),
  state: z.enum(['pending', 'approved', 'rejected']),
  changes: changeSet,
  reason: z.string(),
  createdAt: instant,
  /** why the chair did not approve it */
  decisionNote: z.optional(z.string()),
})
export const memberProfile = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: memberStatus,
  gender: z.optional(z.enum(genders)),
  /** masked (138****1234) for everyone but the chair and the member themselves */
  phone: z.optional(z.string()),
  birthday: z.optional(z.string()),
  birthYear: z.optional(z.int()),
  staffNo: z.optional(z.string()),
  role: memberRole,
  membership,
  joinedVia: z.optional(z.string()),
  createdAt: instant,
  approvedAt: z.optional(instant),
  removedAt: z.optional(instant),
  rejectReason: z.optional(z.string()),
  /** increases with every change of the record; the chair's correction sends the one it read */
  revision: z.int(),
  /** the member's own latest request to change a verified field (their own profile only) */
  changeRequest: z.optional(changeRequestView),
})
export type MemberProfile = z.infer<typeof memberProfile>

/**
 * Once a member is verified (approved), these identify them: only the chair changes them, directly
 * or by approving the member's own change request (audited either way).
 */
export const verifiedFields = ['name', 'staffNo', 'status'] as const
export type VerifiedField = (typeof verifiedFields)[number]
export const verifiedFieldLabels: Record<VerifiedField, string> = { name: '姓名', staffNo: '工号', status: '在职状态' }

// ── bootstrap and joining ────────────────────────────────────────────────────
export const setupInput = z.object({ code: z.string().check(z.trim(), z.minLength(1, '请输入设置码'), z.maxLength(32)), ...profileFields })

/**
 * The cloudID string getGroupEnterInfo gave the app (never the `{ cloudID, data }` object: a client
 * can make that itself). The function resolves it with cloud.getOpenData, and only that answer counts.
 */
export const groupCloudId = z.string().check(z.minLength(1, '没有读到教职工群的信息'), z.maxLength(512), z.regex(/^[\x21-\x7e]+$/, '教职工群的信息不完整，请从群里重新打开小程序'))

/** An invite code as typed (case and surrounding spaces do not matter). */
export const inviteCode = z.string().check(z.trim(), z.maxLength(32), z.regex(/^[A-Za-z0-9]+$/, '邀请码只有字母和数字，请核对'))
export const inviteCodeInput = z.object({ code: inviteCode })

export const applyInput = z.object({
  ...profileFields,
  invite: z.optional(inviteCode),
  groupCloudId: z.optional(groupCloudId),
  /** kept by the form across retries and double taps: the application is made once */
  requestId,
})
export const applyOutput = z.object({
  state: z.enum(['approved', 'pending']),
  /** which path approved the application, or why it waits */
  via: z.enum(['group', 'invite', 'roster', 'approval']),
  message: z.string(),
})
export type ApplyOutput = z.infer<typeof applyOutput>

export const joinSettings = z.object({
  group: z.boolean(),
  invite: z.boolean(),
  roster: z.boolean(),
  /** a group is bound (its openGId is never sent to any client) */
  groupBound: z.boolean(),
})
export type JoinSettings = z.infer<typeof joinSettings>
/** Only the switches sent change (field-level: binding the group at the same moment loses nothing). */
export const joinSettingsInput = z.object({ group: z.optional(z.boolean()), invite: z.optional(z.boolean()), roster: z.optional(z.boolean()) })
export const bindGroupInput = z.object({ groupCloudId })

export const inviteItem = z.object({
  code: z.string(),
  note: z.string(),
  expiresAt: instant,
  maxUses: z.int(),
  uses: z.int(),
  autoApprove: z.boolean(),
  state: z.enum(['active', 'expired', 'used-up', 'revoked']),
  createdAt: instant,
})
export type InviteItem = z.infer<typeof inviteItem>
export const createInviteInput = z.object({
  note: z._default(z.string().check(z.trim(), z.maxLength(40, '备注最多 40 个字')), ''),
  days: z.int().check(z.minimum(1, '有效期至少 1 天'), z.maximum(90, '有效期最多 90 天')),
  maxUses: z.int().check(z.minimum(1, '使用次数至少 1 次'), z.maximum(500, '使用次数最多 500 次')),
  autoApprove: z._default(z.boolean(), true),
  requestId,
})
export const inviteInfoOutput = z.object({ valid: z.boolean(), message: z.string(), autoApprove: z.optional(z.boolean()) })

// ── roster ───────────────────────────────────────────────────────────────────
export const rosterImportInput = z.object({
  fileId: z.string().check(z.minLength(1, '请先选择名册文件'), z.maxLength(512)),
  fileName: z.string().check(z.maxLength(100), z.regex(/\.(xlsx|csv)$/i, '名册只支持 Excel（.xlsx）或 CSV 文件')),
})
export const rosterBadRow = z.object({ row: z.int(), reason: z.string() })
export const rosterImportOutput = z.object({
  imported: z.boolean(),
  rows: z.int(),
  bad: z.array(rosterBadRow),
  /** applicants waiting in the queue that this roster now matches (approved at once) */
  approvedApplicants: z.int(),
})
export type RosterImportOutput = z.infer<typeof rosterImportOutput>
export const rosterStatusOutput = z.object({ rows: z.int(), importedAt: z.nullable(instant), fileName: z.nullable(z.string()) })

// ── admin ────────────────────────────────────────────────────────────────────
export const directoryInput = z.object({
  keyword: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  department: z.optional(z.string().check(z.maxLength(30))),
  status: z.optional(memberStatus),
  page: pageInput,
  /** 会员名册's opening: the union's department list too (as member.departments answers it) */
  withDepartments: z.optional(z.boolean()),
})
export type DirectoryInput = z.input<typeof directoryInput>
export const directoryItem = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: memberStatus,
  role: memberRole,
  phone: z.optional(z.string()),
})
export const directoryOutput = z.extend(paged(directoryItem), { departments: z.optional(z.array(z.string())) })
export type DirectoryOutput = z.infer<typeof directoryOutput>
export type DirectoryItem = z.infer<typeof directoryItem>

export const queueItem = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: memberStatus,
  staffNo: z.optional(z.string()),
  appliedAt: instant,
  /** a roster row with this staff no. exists but the name differs, or similar hints */
  hint: z.optional(z.string()),
})
export const queueOutput = paged(queueItem)
export type QueueItem = z.infer<typeof queueItem>

export const memberIdInput = z.object({ memberId: docId })
export const rejectInput = z.object({
  memberId: docId,
  reason: trimmed(2, 100, '不通过的原因'),
})
export const removeInput = z.object({
  memberId: docId,
  reason: trimmed(2, 100, '移除的原因'),
})
export const setRoleInput = z.object({ memberId: docId, role: memberRole })
/** The chair's correction of a record, made against the revision the chair read. */
export const updateMemberInput = z.object({ memberId: docId, revision, ...profileFields })

// ── change requests (a verified member asks; the chair decides) ───────────────
export const changeRequestInput = z.object({
  name: z.optional(profileFields.name),
  staffNo: z.optional(z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,20}$/, '工号只能是字母和数字'))),
  status: z.optional(memberStatus),
  reason: trimmed(2, 100, '变更原因'),
  requestId,
})
export const changeRequestItem = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  department: z.string(),
  /** the values now on record, for the fields the member asks to change */
  current: changeSet,
  changes: changeSet,
  reason: z.string(),
  createdAt: instant,
})
export type ChangeRequestItem = z.infer<typeof changeRequestItem>
export const changeRequestsOutput = paged(changeRequestItem)
/** member.queue: a page of applications; with `withChanges` (the chair, page 1) the first page of 资料变更申请 too. */
export const queueBoardOutput = z.extend(queueOutput, { changes: z.optional(changeRequestsOutput) })
export type QueueOutput = z.infer<typeof queueBoardOutput>
export const decideChangeOutput = z.object({ id: z.string(), state: z.enum(['approved', 'rejected']) })
export const decideChangeInput = z.object({
  id: docId,
  approve: z.boolean(),
  /** required when not approving: the member sees it */
  note: z.optional(trimmed(2, 100, '不同意的原因')),
})

export const departmentsOutput = z.object({ departments: z.array(z.string()) })
export const exportDirectoryInput = z.object({
  keyword: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  department: z.optional(z.string().check(z.maxLength(30))),
  status: z.optional(memberStatus),
})
export const setDepartmentsInput = z.object({
  departments: z.array(trimmed(1, 30, '部门名称')).check(z.minLength(1, '至少保留一个部门'), z.maxLength(100, '部门最多 100 个')),
})

export const exportOutput = z.object({ url: z.string(), fileName: z.string(), rows: z.int() })
export type ExportOutput = z.infer<typeof exportOutput>

// ── audit log ────────────────────────────────────────────────────────────────
export const auditAreas = ['member', 'notice', 'opinion', 'activity', 'welfare'] as const
export const auditInput = z.object({
  /** one action, e.g. 'member.approve' */
  action: z.optional(z.string().check(z.maxLength(60), z.regex(/^[a-z]+\.[A-Za-z]+$/, '操作类型不对'))),
  /** every action of one function */
  area: z.optional(z.enum(auditAreas)),
  actorId: z.optional(docId),
  targetId: z.optional(z.string().check(z.maxLength(128), z.regex(/^[A-Za-z0-9_.:-]+$/, '对象编号不对'))),
  from: z.optional(calendarDate),
  to: z.optional(calendarDate),
  page: pageInput,
})
export const auditItem = z.object({
  id: z.string(),
  at: instant,
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  /** the whole entry as one Chinese sentence: names, Chinese field names, money in 元 — no ids, keys or JSON */
  sentence: z.string(),
  targetId: z.string(),
})
export const auditOutput = paged(auditItem)
export type AuditArea = (typeof auditAreas)[number]
export type AuditItem = z.infer<typeof auditItem>
