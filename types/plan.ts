/**
 * 工作计划、会议记录、台帐 (issue #17). The year's plan is the chair's to-do list: dated items with
 * owners, each linked to the real work (an activity, a notice, a 慰问 holiday plan, a poll, a
 * meeting) whose state it follows. Meetings record attendees, minutes and decisions; decisions
 * become plan items. The year-end summary and the 台帐 archive are computed from the records.
 *
 * Ids: a plan is `plan_<year>` (one per year); items made in the app are 32-hex create-once ids,
 * items copied from last year `<planId>_<sourceItemId>` (≤ 48), items made from a meeting decision
 * `<meetingId>_d<n>` (≤ 36). Every id field is `docId` (≤ 128).
 */
import * as z from 'zod/mini'
import { calendarDate, docId, instant, pageInput, paged, requestId, revision } from './common'
import { noticeBlock } from './notice'

export const PLAN_YEAR_MIN = 2000
export const PLAN_YEAR_MAX = 2100
export const planYear = z.int().check(z.minimum(PLAN_YEAR_MIN, '年度不对'), z.maximum(PLAN_YEAR_MAX, '年度不对'))
export const planIdOf = (year: number) => `plan_${year}`

export const planCategories = ['思想建设', '师德师能', '民主管理', '维权关爱', '文体活动', '送温暖', '自身建设', '其他'] as const
export const planCategory = z.enum(planCategories)
export type PlanCategory = z.infer<typeof planCategory>

/** What an item can be linked to (and so follow). */
export const linkKinds = ['activity', 'notice', 'welfare', 'congress', 'poll', 'meeting'] as const
export const linkKind = z.enum(linkKinds)
export type LinkKind = z.infer<typeof linkKind>
/** `congress`: a 教代会 session's 提案征集 window (its id is the session's) */
export const linkKindLabels: Record<LinkKind, string> = { activity: '活动', notice: '公告', welfare: '慰问计划', congress: '提案征集', poll: '投票测评', meeting: '会议' }

/** 计划中 / 进行中 / 已完成 / 已取消 — computed on read from the linked record (or the item's own mark). */
export const itemStatuses = ['planned', 'ongoing', 'done', 'cancelled'] as const
export const itemStatus = z.enum(itemStatuses)
export type ItemStatus = z.infer<typeof itemStatus>
export const itemStatusLabels: Record<ItemStatus, string> = { planned: '计划中', ongoing: '进行中', done: '已完成', cancelled: '已取消' }

const text = (max: number, what: string) => z.string().check(z.trim(), z.minLength(1, `请填写${what}`), z.maxLength(max, `${what}不能超过 ${max} 个字`))
const optionalText = (max: number, what: string) => z._default(z.string().check(z.trim(), z.maxLength(max, `${what}不能超过 ${max} 个字`)), '')

/**
 * 指导思想 / 重点工作: safe rich text — headings, paragraphs and lists only (no HTML, no images,
 * bounded text; the same shapes as the notice board's blocks), may be empty while drafting.
 */
export const planBlockInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: text(60, '标题') }),
  z.strictObject({ type: z.literal('paragraph'), text: text(2000, '段落'), bold: z.optional(z.boolean()) }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(text(300, '列表项')).check(z.minLength(1, '列表至少一项'), z.maxLength(50, '列表最多 50 项')) }),
])
export const planBlocks = z._default(z.array(planBlockInput).check(z.maxLength(100, '最多 100 段')), [])

/* ───────────── the plan ───────────── */

export const planYearInput = z.object({ year: planYear })
export const planSaveInput = z.object({
  year: planYear,
  /** the revision the edit was made on; absent when the plan does not exist yet */
  revision: z.optional(revision),
  guidance: planBlocks,
  focus: planBlocks,
})
export const planCopyInput = z.object({ year: planYear, fromYear: planYear })
export const planAdoptInput = z.object({ year: planYear, revision })
/** plan.updateNotice: `noticeVersion` is the version of the plan's notice the chair saw (a stale one is refused). */
export const planNoticeInput = z.object({ year: planYear, noticeVersion: z.int().check(z.minimum(1, '公告版本不对'), z.maximum(999, '公告版本不对')) })

export const planLink = z.object({ kind: linkKind, id: z.string(), title: z.string() })
export type PlanLink = z.infer<typeof planLink>

export const planItemView = z.object({
  id: z.string(),
  year: z.int(),
  month: z.int(),
  date: z.optional(z.string()),
  title: z.string(),
  category: planCategory,
  ownerId: z.string(),
  ownerName: z.string(),
  note: z.string(),
  public: z.boolean(),
  link: z.optional(planLink),
  status: itemStatus,
  /** why it was cancelled (the item's own reason, or the linked record's) */
  cancelReason: z.optional(z.string()),
  /** due and not done/cancelled */
  overdue: z.boolean(),
  /** from a meeting decision */
  meetingId: z.optional(z.string()),
  revision: z.int(),
})
export type PlanItemView = z.infer<typeof planItemView>

export const planView = z.object({
  year: z.int(),
  exists: z.boolean(),
  state: z.enum(['none', 'draft', 'adopted']),
  guidance: z.array(noticeBlock),
  focus: z.array(noticeBlock),
  revision: z.int(),
  noticeId: z.optional(z.string()),
  /** the adopted plan's published notice: its version, and whether the plan has changed since */
  notice: z.optional(z.object({ id: z.string(), version: z.int(), behind: z.boolean() })),
  adoptedAt: z.optional(instant),
  items: z.array(planItemView),
  /** years that have a plan (for 复制去年) */
  years: z.array(z.int()),
})

/** Approved members for the pickers (owners: committee and chair; attendees: anyone). */
export const planPeople = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), department: z.string(), committee: z.boolean() })) })
export type PlanPeople = z.infer<typeof planPeople>
export type PlanView = z.infer<typeof planView>

/* ───────────── items ───────────── */

const itemFields = {
  year: planYear,
  month: z.int().check(z.minimum(1, '月份应为 1–12'), z.maximum(12, '月份应为 1–12')),
  /** exact day, when known; must fall in the item's month */
  date: z.optional(z.nullable(calendarDate)),
  title: text(60, '工作内容'),
  category: planCategory,
  ownerId: docId,
  note: optionalText(300, '备注'),
  public: z._default(z.boolean(), false),
}
export const itemCreateInput = z.object({ requestId, ...itemFields })
export const itemEditInput = z.object({ id: docId, revision, ...itemFields })
export const itemLinkInput = z.object({ id: docId, revision, link: z.nullable(z.object({ kind: linkKind, id: docId })) })
export const itemCancelInput = z.object({ id: docId, revision, reason: text(100, '取消原因') })
export const itemDoneInput = z.object({ id: docId, revision, done: z.boolean() })
export const itemIdInput = z.object({ id: docId })
export const itemsInput = z.object({ year: planYear, month: z.optional(z.int().check(z.minimum(1), z.maximum(12))) })
export const linkCandidatesInput = z.object({ kind: linkKind })
export const linkCandidates = z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), when: z.string() })) })

export const itemHistory = z.object({
  items: z.array(z.object({ revision: z.int(), at: instant, byName: z.string(), what: z.string() })),
})
export type ItemHistory = z.infer<typeof itemHistory>

/* ───────────── calendar ───────────── */

export const calendarInput = z.object({ month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份的格式应为 年-月，例如 2026-03')) })
export const calendarEntry = z.object({
  /** the day, or absent for an item planned for the month as a whole */
  date: z.optional(z.string()),
  kind: z.enum(['activity', 'publicityEnd', 'congress', 'item', 'meeting', 'birthday', 'followUp']),
  title: z.string(),
  /** page to open, when there is one */
  url: z.optional(z.string()),
  status: z.optional(itemStatus),
})
export const calendarOutput = z.object({ month: z.string(), full: z.boolean(), entries: z.array(calendarEntry) })
export type CalendarOutput = z.infer<typeof calendarOutput>

/* ───────────── meetings ───────────── */

export const meetingTypes = ['党政工联席会', '教职工大会', '校情发布会', '工会委员会议', '教代会预备会', '其他会议'] as const
export const meetingType = z.enum(meetingTypes)
export type MeetingType = z.infer<typeof meetingType>

/**
 * 照片和附件 of a meeting: uploaded by the app to `uploads/plan/<random>.<ext>` (staging), checked by
 * their bytes and stored by the function at `meeting-files/<sha256>.<ext>` (functions only), named by
 * content. An edit sends back the sealed ids the meeting already holds (any other sealed id is refused).
 */
export const STAGED_PLAN_FILE = /^cloud:\/\/[^/\s]+\/uploads\/plan\/[A-Za-z0-9_-]{8,64}\.[a-z0-9]{1,5}$/
export const SEALED_MEETING_FILE = /^cloud:\/\/[^/\s]+\/meeting-files\/[0-9a-f]{64}\.(pdf|docx?|xlsx?|jpg|png)$/
export const MEETING_FILES_MAX = 9
export const MEETING_FILE_DOCUMENTS = ['pdf', 'doc', 'docx', 'xls', 'xlsx'] as const
export const meetingFileInput = z.strictObject({
  fileId: z.string().check(z.refine((v) => v.length <= 300 && (STAGED_PLAN_FILE.test(v) || SEALED_MEETING_FILE.test(v)), '照片和附件必须先通过小程序上传')),
  name: z.string().check(z.trim(), z.refine((v) => v.length >= 1 && v.length <= 80, '附件名应为 1 到 80 个字'),
    z.refine((v) => /\.(pdf|docx?|xlsx?|jpe?g|png)$/i.test(v), '附件只能是图片、PDF、Word 或 Excel 文件')),
  /** as the app measured it; the function records the real size */
  size: z.int().check(z.refine((v) => v >= 1, '附件是空文件'), z.refine((v) => v <= 20 * 1024 * 1024, '附件不能超过 20M')),
})
export type MeetingFileInput = z.infer<typeof meetingFileInput>

const decisionInput = z.strictObject({ text: text(200, '决定事项'), ownerId: docId, due: calendarDate })
const meetingFields = {
  type: meetingType,
  date: calendarDate,
  place: text(60, '地点'),
  attendeeIds: z.array(docId).check(z.maxLength(500, '参会人最多 500 人')),
  absent: z._default(z.array(z.strictObject({ memberId: docId, reason: text(60, '缺席原因') })).check(z.maxLength(500)), []),
  agenda: z._default(z.array(text(200, '议程')).check(z.maxLength(30, '议程最多 30 项')), []),
  minutes: optionalText(20000, '会议纪要'),
  decisions: z._default(z.array(decisionInput).check(z.maxLength(30, '决定事项最多 30 项')), []),
  files: z._default(z.array(meetingFileInput).check(z.maxLength(MEETING_FILES_MAX, `照片和附件最多 ${MEETING_FILES_MAX} 个`)), []),
}
export const meetingCreateInput = z.object({ requestId, ...meetingFields })
export const meetingEditInput = z.object({ id: docId, revision, ...meetingFields })
export const meetingIdInput = z.object({ id: docId })
export const meetingPublishInput = z.object({ id: docId, revision })
export const meetingsInput = z.object({ year: planYear, page: pageInput })

export const meetingView = z.object({
  id: z.string(),
  type: meetingType,
  title: z.string(),
  date: z.string(),
  place: z.string(),
  attendees: z.array(z.object({ memberId: z.string(), name: z.string() })),
  absent: z.array(z.object({ memberId: z.string(), name: z.string(), reason: z.string() })),
  agenda: z.array(z.string()),
  minutes: z.string(),
  decisions: z.array(z.object({ text: z.string(), ownerId: z.string(), ownerName: z.string(), due: z.string(), itemId: z.string() })),
  /** sealed files; `url` is a temporary link (null where the view is not for reading, e.g. the archive) */
  files: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.int(), url: z.nullable(z.string()) })),
  /** internal until the chair publishes its summary (议程, 决定事项, attendance count) to 校务公开 */
  visibility: z.enum(['internal', 'published']),
  noticeId: z.optional(z.string()),
  revision: z.int(),
})
export type MeetingView = z.infer<typeof meetingView>
export const meetingListItem = z.object({ id: z.string(), type: meetingType, title: z.string(), date: z.string(), place: z.string(), attendeeCount: z.int(), decisionCount: z.int() })
export const meetingList = paged(meetingListItem)

/* ───────────── the year-end summary ───────────── */

export const summaryFigures = z.object({
  activities: z.object({ held: z.int(), participants: z.int(), checkedIn: z.int(), /** percent, one decimal; 0 when nobody registered */ checkInRate: z.number() }),
  notices: z.object({ published: z.int(), publicity: z.int(), objections: z.int(), objectionsAnswered: z.int() }),
  opinions: z.object({ received: z.int(), answered: z.int(), /** days from receipt to first reply; null when none answered */ medianDays: z.nullable(z.number()) }),
  polls: z.object({ held: z.int() }),
  /** 教代会 提案 first submitted in the year; 满意率 over those closed with a final rating (percent, one decimal; null when none) */
  proposals: z.object({ submitted: z.int(), cases: z.int(), answered: z.int(), rated: z.int(), satisfiedRate: z.nullable(z.number()) }),
  visits: z.object({ count: z.int(), amountFen: z.int(), byReason: z.array(z.object({ reason: z.string(), count: z.int(), amountFen: z.int() })) }),
  members: z.object({ joined: z.int(), retired: z.int() }),
  plan: z.object({ planned: z.int(), done: z.int(), cancelled: z.int() }),
  meetings: z.object({ held: z.int() }),
})
export type SummaryFigures = z.infer<typeof summaryFigures>
export const summaryOutput = z.object({ year: z.int(), figures: summaryFigures, /** draft paragraphs the chair finishes */ text: z.array(z.string()) })
export type SummaryOutput = z.infer<typeof summaryOutput>
export const summaryExportInput = z.object({ year: planYear, text: z.optional(z.array(text(2000, '总结段落')).check(z.maxLength(60, '总结最多 60 段'))) })
export const fileOutput = z.object({ url: z.string(), fileName: z.string() })
export const archiveOutput = z.object({ url: z.string(), fileName: z.string(), fileId: z.string(), files: z.int(), bytes: z.int() })
/** plan.archive: the same request id carries one build forward across calls until it is ready. */
export const archiveInput = z.object({ year: planYear, requestId })
export const archiveProgress = z.discriminatedUnion('state', [
  z.object({ state: z.literal('building'), /** parts made so far, of `total` (the last is the zip itself) */ done: z.int(), total: z.int() }),
  z.extend(archiveOutput, { state: z.literal('ready') }),
])
export type ArchiveProgress = z.infer<typeof archiveProgress>
