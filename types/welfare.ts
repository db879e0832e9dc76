import * as z from 'zod/mini'
import { calendarDate, dateBetween, docId, instant, pageInput, paged, requestId, revision } from './common'
import { yuanInput } from './money'

/* ───────────── terms ───────────── */

export const welfareReasons = ['节日慰问', '生病住院', '生育', '婚庆', '丧葬', '困难帮扶', '退休', '生日', '其他'] as const
export const welfareReason = z.enum(welfareReasons)
export type WelfareReason = z.infer<typeof welfareReason>

/** Reasons whose recipients are never named in a fund disclosure, whatever the chair chooses. */
export const PRIVATE_REASONS: readonly WelfareReason[] = ['困难帮扶', '生病住院']

export const welfareFunds = ['工会经费', '行政', '其他'] as const
export const welfareFund = z.enum(welfareFunds)
export type WelfareFund = z.infer<typeof welfareFund>

/** planned → done; a planned visit that will not happen is cancelled with a reason (never deleted). */
export const welfareVisitStates = ['planned', 'done', 'cancelled'] as const
export const welfareVisitState = z.enum(welfareVisitStates)
export type WelfareVisitState = z.infer<typeof welfareVisitState>

// Refinements (not minLength/regex) so the person reads these exact Chinese sentences.
const rule = <T>(ok: (v: T) => boolean, message: string) => z.refine<T>(ok, message)
/** Every id the app sends back (visits, plan entries `<planId>_<memberId>` = 65 chars, members): see docId. */
const id = docId
const text = (max: number, what: string) => z.string().check(z.trim(), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`))
const needed = (max: number, what: string) => z.string().check(z.trim(), rule((s: string) => s.length > 0, `请填写${what}`), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`))
const atMost = (max: number, message: string) => rule((a: unknown[]) => a.length <= max, message)

/** The first day a visit may carry: older records are not this union's ledger (and no yearly view shows them). */
export const WELFARE_FIRST_DAY = '2000-01-01'

/** Today one year from now (Asia/Shanghai), read at parse time: plans look ahead at most a year. */
export function oneYearAhead(now: Date = new Date()): string {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  return `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
}

/** A real calendar day between 2000-01-01 and one year from today (2026-02-30 and 0001-01-01 are refused). */
export const welfareDate = dateBetween(WELFARE_FIRST_DAY, () => oneYearAhead(), '日期应在 2000-01-01 到明年今天之间')

/**
 * A photo: either just uploaded by the app to its staging folder `uploads/welfare/<random>.<ext>`
 * (the function checks it, strips its metadata and keeps a copy under `welfare-photos/`), or a
 * photo the visit already has (`welfare-photos/…`, only when correcting or completing it).
 */
export const welfarePhotoId = z.string().check(
  rule((s: string) => s.length <= 300 && /^cloud:\/\/[^/\s]+\/(uploads\/welfare|welfare-photos)\/[A-Za-z0-9_-]+\.(jpg|jpeg|png)$/.test(s), '照片必须先通过小程序上传'),
)

export const giftInput = z.object({
  name: needed(30, '慰问品名称'),
  /** 元 as typed; parsed exactly to 分 */
  valueYuan: yuanInput,
})

export const recipientInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: id }),
  z.object({ kind: z.literal('other'), name: needed(20, '受慰问人姓名'), relation: z._default(text(40, '与学校的关系'), '') }),
])

const visitFields = {
  reason: welfareReason,
  visitDate: welfareDate,
  /** committee members who went (member ids; names are copied in by the function) */
  visitorIds: z._default(z.array(id).check(atMost(10, '看望人最多 10 位')), []),
  /** 元 as typed ('500', '12.50'); stored as integer 分 */
  cashYuan: yuanInput,
  gifts: z._default(z.array(giftInput).check(atMost(10, '慰问品最多 10 项')), []),
  fund: welfareFund,
  notes: z._default(text(500, '备注'), ''),
  photos: z._default(z.array(welfarePhotoId).check(atMost(9, '照片最多 9 张')), []),
  /** 生病住院: remind a follow-up visit this many days later */
  followUpDays: z.optional(z.int().check(z.minimum(1, '回访天数至少 1 天'), z.maximum(180, '回访天数最多 180 天'))),
}

/** welfare.record — a new visit, planned or already done. */
export const welfareRecordInput = z.object({ requestId, recipient: recipientInput, state: z._default(z.enum(['planned', 'done']), 'done'), ...visitFields })
export type WelfareRecordInput = z.input<typeof welfareRecordInput>

/**
 * welfare.correct — every field again, and the revision the form was filled from (a correction made
 * against an older revision is refused: somebody changed the visit meanwhile); a done visit needs
 * the reason for the correction.
 */
export const welfareCorrectInput = z.object({ id, revision, recipient: recipientInput, ...visitFields, correction: z._default(text(200, '更正原因'), '') })
export type WelfareCorrectInput = z.input<typeof welfareCorrectInput>

/** welfare.complete — tick a planned visit off (against the revision shown); without `gifts` the planned gifts stay. */
export const welfareCompleteInput = z.object({
  id,
  revision,
  visitDate: welfareDate,
  visitorIds: visitFields.visitorIds,
  cashYuan: yuanInput,
  gifts: z.optional(z.array(giftInput).check(atMost(10, '慰问品最多 10 项'))),
  photos: visitFields.photos,
  notes: z.optional(text(500, '备注')),
})
export type WelfareCompleteInput = z.input<typeof welfareCompleteInput>

export const welfareCancelInput = z.object({ id, revision, reason: needed(200, '取消原因') })
export const welfareIdInput = z.object({ id })

/* ───────────── reading the ledger ───────────── */

/**
 * Filters shared by the list, the totals and the export. Year defaults to this year (Shanghai),
 * except for one person's history (memberId / recipientName), which without a year spans every year.
 */
export const welfareFilter = {
  year: z.optional(z.int().check(z.minimum(2000), z.maximum(2100))),
  reason: z.optional(welfareReason),
  fund: z.optional(welfareFund),
  /** one person's history: a member id, or the name of a non-member recipient */
  memberId: z.optional(id),
  recipientName: z.optional(text(20, '姓名')),
}

export const welfareListInput = z.object({
  ...welfareFilter,
  state: z.optional(welfareVisitState),
  planId: z.optional(id),
  page: pageInput,
  /** 慰问台账's opening (page 1, no state or plan): the summary of the same filter too */
  withSummary: z.optional(z.boolean()),
})
export type WelfareListInput = z.input<typeof welfareListInput>

const fen = z.int()
export const welfareGift = z.object({ name: z.string(), valueFen: fen })

export const welfareVisitItem = z.object({
  id: z.string(),
  recipientName: z.string(),
  /** member: someone on the member list; other: a named non-member */
  recipientKind: z.enum(['member', 'other']),
  memberId: z.optional(z.string()),
  department: z.optional(z.string()),
  reason: welfareReason,
  visitDate: calendarDate,
  visitors: z.array(z.string()),
  /** money in 分 */
  cashFen: fen,
  gifts: z.array(welfareGift),
  giftValueFen: fen,
  fund: welfareFund,
  state: welfareVisitState,
  notes: z.string(),
  photoCount: z.int(),
  planId: z.optional(z.string()),
  /** 1 + number of corrections */
  revision: z.int(),
})
export type WelfareVisitItem = z.infer<typeof welfareVisitItem>
export const welfareListOutput = z.extend(paged(welfareVisitItem), { year: z.int() })
export type WelfareListOutput = z.infer<typeof welfareListOutput>

export const welfareHistoryEntry = z.object({
  at: instant,
  actorName: z.string(),
  /** 记录 / 更正 / 完成 / 取消 */
  what: z.string(),
  note: z.optional(z.string()),
  /** changed fields, already in words: 慰问金：500.00 → 600.00 */
  changes: z.array(z.string()),
})
export const welfareVisitDetail = z.extend(welfareVisitItem, {
  relation: z.optional(z.string()),
  visitorIds: z.array(z.string()),
  photos: z.array(z.object({ fileId: z.string(), url: z.string() })),
  followUpOn: z.optional(calendarDate),
  cancelReason: z.optional(z.string()),
  history: z.array(welfareHistoryEntry),
})
export type WelfareVisitDetail = z.infer<typeof welfareVisitDetail>

export const welfareSummaryInput = z.object(welfareFilter)
export type WelfareSummaryInput = z.input<typeof welfareSummaryInput>
export const welfareSummaryRow = z.object({ key: z.string(), count: z.int(), cashFen: fen, giftFen: fen, totalFen: fen })
export type WelfareSummaryRow = z.infer<typeof welfareSummaryRow>
/** Totals of done visits (planned ones are counted apart); exact integer sums in 分. */
export const welfareSummaryOutput = z.object({
  year: z.int(),
  /** one person's history over every year (byMonth still covers `year` only) */
  allYears: z.boolean(),
  count: z.int(),
  cashFen: fen,
  giftFen: fen,
  totalFen: fen,
  plannedCount: z.int(),
  byReason: z.array(welfareSummaryRow),
  /** 'YYYY-MM', all twelve months of the year */
  byMonth: z.array(welfareSummaryRow),
  byFund: z.array(welfareSummaryRow),
})
export type WelfareSummaryOutput = z.infer<typeof welfareSummaryOutput>
/** welfare.list with `withSummary`: the page and, on 慰问台账's opening, the summary of the same filter. */
export const welfareLedgerOutput = z.extend(welfareListOutput, { summary: z.optional(welfareSummaryOutput) })
export type WelfareLedgerOutput = z.infer<typeof welfareLedgerOutput>

export const welfareExportInput = z.object(welfareFilter)
export const welfareExportOutput = z.object({ url: z.string(), fileName: z.string(), rows: z.int() })
export type WelfareExportOutput = z.infer<typeof welfareExportOutput>

/* ───────────── people ───────────── */

export const welfarePeopleInput = z.object({
  keyword: z._default(text(20, '搜索词'), ''),
  /** visitors: committee members and the chair only; hardship: members marked 困难 */
  kind: z._default(z.enum(['recipient', 'visitor', 'hardship']), 'recipient'),
})
export const welfarePerson = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  status: z.enum(['在职', '离退休']),
  hardship: z.boolean(),
})
export type WelfarePerson = z.infer<typeof welfarePerson>
export const welfarePeopleOutput = z.object({ items: z.array(welfarePerson) })

export const welfareSetHardshipInput = z.object({ memberId: id, hardship: z.boolean(), note: z._default(text(200, '说明'), '') })
export const welfareSetHardshipOutput = z.object({ memberId: z.string(), hardship: z.boolean() })

/* ───────────── holiday plans ───────────── */

/** Who a plan visits: the union of the ticked groups. */
export const planFilter = z.object({
  retirees: z._default(z.boolean(), false),
  hardship: z._default(z.boolean(), false),
  departments: z._default(z.array(text(20, '部门')).check(atMost(20, '部门最多选 20 个')), []),
})
export type PlanFilter = z.input<typeof planFilter>
export const MAX_PLAN_PEOPLE = 300

export const welfarePlanPreviewInput = z.object({ filter: planFilter })
export const welfarePlanPreviewOutput = z.object({ people: z.array(welfarePerson), departments: z.array(z.string()) })

/** welfare.planCreate — `requestId` makes a retry (double tap, lost answer, crash half-way) finish the same plan. */
export const welfarePlanCreateInput = z.object({
  requestId,
  title: needed(30, '计划名称'),
  reason: z._default(welfareReason, '节日慰问'),
  plannedDate: welfareDate,
  filter: planFilter,
  /** people the committee unticked in the preview */
  excludeIds: z._default(z.array(id).check(atMost(MAX_PLAN_PEOPLE, `移出名单的人最多 ${MAX_PLAN_PEOPLE} 位`)), []),
  cashYuan: yuanInput,
  gifts: visitFields.gifts,
  fund: welfareFund,
  visitorIds: visitFields.visitorIds,
})
export type WelfarePlanCreateInput = z.input<typeof welfarePlanCreateInput>

export const welfarePlanItem = z.object({
  id: z.string(),
  title: z.string(),
  reason: welfareReason,
  plannedDate: calendarDate,
  state: z.enum(['active', 'closed']),
  filterLabel: z.string(),
  total: z.int(),
  done: z.int(),
  cancelled: z.int(),
  cashFenEach: fen,
  createdAt: instant,
})
export type WelfarePlanItem = z.infer<typeof welfarePlanItem>
export const welfarePlansInput = z.object({ page: pageInput })
export const welfarePlansOutput = paged(welfarePlanItem)
export const welfarePlanCloseInput = z.object({ id })

/* ───────────── reminders ───────────── */

export const welfareTodoOutput = z.object({
  today: calendarDate,
  birthdaysWeek: z.array(z.object({ id: z.string(), name: z.string(), department: z.string(), status: z.string(), birthday: z.string(), visited: z.boolean() })),
  birthdaysMonth: z.array(z.object({ id: z.string(), name: z.string(), department: z.string(), status: z.string(), birthday: z.string(), visited: z.boolean() })),
  followUps: z.array(z.object({ visitId: z.string(), name: z.string(), visitDate: calendarDate, dueOn: calendarDate })),
  plans: z.array(z.object({ id: z.string(), title: z.string(), plannedDate: calendarDate, remaining: z.int(), total: z.int() })),
  /** items needing action (week birthdays not yet visited + follow-ups + plans with remaining entries) */
  count: z.int(),
})
export type WelfareTodoOutput = z.infer<typeof welfareTodoOutput>

/* ───────────── 经费公开 ───────────── */

export const welfareDisclosureInput = z.object({
  from: welfareDate,
  to: welfareDate,
  title: z.optional(text(60, '标题')),
  visibility: z._default(z.enum(['internal', 'public']), 'internal'),
  /** the notice's 公示期 (members may raise 异议 during it); none: the notice mentions none */
  publicity: z.optional(z.object({ startDate: welfareDate, endDate: welfareDate })),
  /** reasons whose recipients may be named; 困难帮扶 and 生病住院 are never named whatever is sent */
  namedReasons: z._default(z.array(welfareReason).check(atMost(9, '公开姓名的事由最多 9 项')), []),
})
export type WelfareDisclosureInput = z.input<typeof welfareDisclosureInput>
export const welfareDisclosureOutput = z.object({
  noticeId: z.string(),
  title: z.string(),
  count: z.int(),
  totalFen: fen,
  /** names left out because of the reason or the person (困难/生病) */
  withheld: z.int(),
})
export type WelfareDisclosureOutput = z.infer<typeof welfareDisclosureOutput>

/** welfare.todo / welfare.remind take nothing. */
export const welfareTodoInput = z.object({})
