import * as z from 'zod/mini'
import { calendarDate, docId, instant, pageInput, paged } from './common'

export const opinionCategories = ['教育教学', '后勤保障', '食堂', '福利待遇', '师德师风', '其他'] as const
export const opinionCategory = z.enum(opinionCategories)
export type OpinionCategory = z.infer<typeof opinionCategory>

/** 待受理 pending → 处理中 processing → 已答复 replied → 已办结 closed, or 不予受理 rejected. */
export const opinionStates = ['pending', 'processing', 'replied', 'closed', 'rejected'] as const
export const opinionState = z.enum(opinionStates)
export type OpinionState = z.infer<typeof opinionState>
export const opinionStateLabels: Record<OpinionState, string> = {
  pending: '待受理',
  processing: '处理中',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
}

/** 满意 / 基本满意 / 不满意 */
export const opinionRatings = ['satisfied', 'fair', 'dissatisfied'] as const
export const opinionRating = z.enum(opinionRatings)
export type OpinionRating = z.infer<typeof opinionRating>
export const opinionRatingLabels: Record<OpinionRating, string> = { satisfied: '满意', fair: '基本满意', dissatisfied: '不满意' }

/** Why an item waits for the chair before anyone handles it: msgSecCheck said review, or could not be reached. */
export const opinionHold = z.enum(['review', 'unavailable'])
export type OpinionHold = z.infer<typeof opinionHold>

/* ───────────── limits (shown in the app, enforced in the function) ───────────── */

export const OPINION_TEXT_MIN = 5
export const OPINION_TEXT_MAX = 1000
export const OPINION_MESSAGE_MAX = 500
export const OPINION_MAX_IMAGES = 3
/** bytes per image (the app compresses before uploading) */
export const OPINION_IMAGE_MAX_BYTES = 1024 * 1024
/** where the app uploads a photo before submitting (cloud storage rules let clients write only under uploads/) */
export const OPINION_STAGING_PREFIX = 'uploads/opinion/'
/** submissions per member per Shanghai day (anonymous and named together) */
export const OPINION_DAILY_LIMIT = 5
export const RECEIPT_CODE_LENGTH = 16
/** Crockford-style base32 without I, L, O, U: 16 characters = 80 bits */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max))

/**
 * A receipt code as typed or pasted: spaces and dashes are ignored, letters upper-cased, and
 * the look-alikes I/L → 1, O → 0 folded, so a code read aloud still works.
 */
export function normalizeReceiptCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
}
export const receiptCode = z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((s) => normalizeReceiptCode(s)),
).check(z.refine((s) => s.length === RECEIPT_CODE_LENGTH && [...s].every((c) => RECEIPT_ALPHABET.includes(c)), '回执码应为 16 位字母和数字，请核对后重试'))

/** Shows a code in groups of four: `ABCD-EFGH-JKMN-PQRS`. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-')
}

/** Which item the submitter means: anonymous ones by receipt code, named ones by id (owner only). */
export const opinionRef = z.union([z.object({ code: receiptCode }), z.object({ id: docId })])
export type OpinionRef = z.input<typeof opinionRef>

/* ───────────── public: Q&A and statistics ───────────── */

/** opinion.listQa — Q&A the chair published from opinions (explicit, edited text). */
export const opinionListQaInput = z.object({ page: pageInput })
export const qaItem = z.object({
  id: z.string(),
  category: opinionCategory,
  question: z.string(),
  answer: z.string(),
  publishedAt: instant,
})
export type QaItem = z.infer<typeof qaItem>
export const opinionListQaOutput = paged(qaItem)
export type OpinionListQaOutput = z.infer<typeof opinionListQaOutput>

/* ───────────── the submitter's side ───────────── */

/**
 * The submit form's request id. Stricter than the shared `requestId`: for an anonymous item the
 * function derives the item's id and receipt code from it under APP_SECRET (opinion/submit.ts), so
 * it must be unguessable — the app makes 128 random bits (src/components/opinion/request-id.ts).
 */
export const opinionRequestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, '请求编号不对，请刷新页面后重试'))

/**
 * A photo the app uploaded for this submission: `cloud://<env>.<bucket>/uploads/opinion/<random>.jpg|png`.
 * The function checks and strips it, keeps its own copy and deletes this staging file.
 */
const STAGED_IMAGE = /^cloud:\/\/[A-Za-z0-9_.-]+\/uploads\/opinion\/[A-Za-z0-9_-]{16,64}\.(jpg|jpeg|png)$/
export const opinionStagedImage = z.string().check(
  z.maxLength(300),
  z.refine((s) => STAGED_IMAGE.test(s), '图片没有上传成功，请重新选择图片'),
)

/** opinion.submit — photos as staged uploads, never bytes in the call. */
export const opinionSubmitInput = z.object({
  requestId: opinionRequestId,
  category: opinionCategory,
  text: trimmed(OPINION_TEXT_MIN, OPINION_TEXT_MAX),
  anonymous: z._default(z.boolean(), true),
  images: z._default(z.array(opinionStagedImage).check(z.maxLength(OPINION_MAX_IMAGES)), []),
  /** named only: the member accepted the one-time "notify me of the reply" subscription */
  notifyReply: z._default(z.boolean(), false),
})
export type OpinionSubmitInput = z.input<typeof opinionSubmitInput>
export const opinionSubmitOutput = z.object({
  /** anonymous: the receipt code — the same for every retry of one submission */
  code: z.optional(z.string()),
  /** named: the item's id (it is in 我的意见) */
  id: z.optional(z.string()),
  submittedOn: calendarDate,
  /** named only: an anonymous item gets its due date when the daily batch hands it to the union */
  dueOn: z.optional(calendarDate),
  /** the union's current answer period in days (for "一般 N 天内答复") */
  dueDays: z.int(),
  /** held for the chair (content check said review, or could not be reached) */
  held: z.boolean(),
})
export type OpinionSubmitOutput = z.infer<typeof opinionSubmitOutput>

export const opinionReply = z.object({ text: z.string(), on: calendarDate })
export const opinionFollowUp = z.object({ text: z.string(), on: calendarDate })

/**
 * The 教代会 proposal a committee member drafted from this item (congress.fromOpinion): its number,
 * 案由 and state label — nothing of when it was drafted, by whom, or who wrote the opinion.
 */
export const opinionProposalLink = z.object({ number: z.nullable(z.int()), title: z.string(), state: z.string() })
export type OpinionProposalLink = z.infer<typeof opinionProposalLink>

/** What the submitter sees of their item (by code or from 我的意见). No handler names, no staff ids. */
export const opinionView = z.object({
  id: z.optional(z.string()),
  anonymous: z.boolean(),
  category: opinionCategory,
  text: z.string(),
  imageUrls: z.array(z.string()),
  state: opinionState,
  submittedOn: calendarDate,
  /** absent while an anonymous item waits for the daily batch (the union has not received it yet) */
  dueOn: z.optional(calendarDate),
  overdue: z.boolean(),
  replies: z.array(opinionReply),
  followUps: z.array(opinionFollowUp),
  rating: z.optional(opinionRating),
  rejectReason: z.optional(z.string()),
  /** published as a public Q&A (with edited text) */
  qa: z.optional(z.object({ question: z.string(), answer: z.string(), publishedOn: calendarDate })),
  proposal: z.optional(opinionProposalLink),
})
export type OpinionView = z.infer<typeof opinionView>

export const opinionViewInput = opinionRef
export const opinionFollowUpInput = z.intersection(opinionRef, z.object({ text: trimmed(1, OPINION_MESSAGE_MAX) }))
export const opinionRateInput = z.intersection(opinionRef, z.object({ rating: opinionRating }))

/**
 * opinion.checkCode — one remembered code's state and reply count, for the "new reply" badge.
 * One code per call, like every look-up: the daily limit counts calls, so it cannot be multiplied.
 */
export const opinionCheckCodeInput = z.object({ code: receiptCode })
export const opinionCheckCodeOutput = z.object({ state: opinionState, replyCount: z.int() })
export type OpinionCheckCodeOutput = z.infer<typeof opinionCheckCodeOutput>

/** opinion.mine — the caller's NAMED opinions. Anonymous ones are linked to nobody. */
export const opinionMineInput = z.object({ page: pageInput })
export const myOpinionItem = z.object({
  id: z.string(),
  category: opinionCategory,
  text: z.string(),
  state: opinionState,
  submittedOn: calendarDate,
  dueOn: calendarDate,
  replyCount: z.int(),
  lastReply: z.optional(z.object({ text: z.string(), on: calendarDate })),
})
export type MyOpinionItem = z.infer<typeof myOpinionItem>
export const opinionMineOutput = paged(myOpinionItem)
export type OpinionMineOutput = z.infer<typeof opinionMineOutput>

/* ───────────── handling (committee: assigned items; chair: everything) ───────────── */

export const inboxFilters = ['open', 'pending', 'processing', 'replied', 'closed', 'rejected', 'held', 'overdue'] as const
export const inboxFilter = z.enum(inboxFilters)
export type InboxFilter = z.infer<typeof inboxFilter>
export const opinionInboxInput = z.object({ filter: z._default(inboxFilter, 'open'), page: pageInput })
export const inboxItem = z.object({
  id: z.string(),
  category: opinionCategory,
  text: z.string(),
  anonymous: z.boolean(),
  state: opinionState,
  submittedOn: calendarDate,
  dueOn: calendarDate,
  overdue: z.boolean(),
  held: z.optional(opinionHold),
  assigneeName: z.optional(z.string()),
  replyCount: z.int(),
})
export type InboxItem = z.infer<typeof inboxItem>
export const opinionInboxOutput = paged(inboxItem)
export type OpinionInboxOutput = z.infer<typeof opinionInboxOutput>

export const opinionIdInput = z.object({ id: docId })

/** The handler's view: the submitter appears only for named items. */
export const opinionCase = z.object({
  id: z.string(),
  category: opinionCategory,
  text: z.string(),
  imageUrls: z.array(z.string()),
  anonymous: z.boolean(),
  submitter: z.optional(z.object({ name: z.string(), department: z.string() })),
  state: opinionState,
  submittedOn: calendarDate,
  dueOn: calendarDate,
  overdue: z.boolean(),
  held: z.optional(opinionHold),
  assignee: z.optional(z.object({ id: z.string(), name: z.string() })),
  replies: z.array(z.object({ text: z.string(), at: instant, byName: z.string() })),
  followUps: z.array(z.object({ text: z.string(), on: calendarDate, flagged: z.boolean() })),
  rating: z.optional(opinionRating),
  rejectReason: z.optional(z.string()),
  qaId: z.optional(z.string()),
  proposal: z.optional(opinionProposalLink),
  /** what the caller may do now */
  can: z.object({ assign: z.boolean(), reply: z.boolean(), close: z.boolean(), reject: z.boolean(), release: z.boolean(), publish: z.boolean() }),
})
export type OpinionCase = z.infer<typeof opinionCase>

export const opinionAssignInput = z.object({ id: docId, assigneeId: docId })
export const opinionReplyInput = z.object({ id: docId, text: trimmed(2, OPINION_TEXT_MAX) })
export const opinionRejectInput = z.object({ id: docId, reason: trimmed(5, 500) })
export const opinionPublishInput = z.object({
  id: docId,
  question: trimmed(5, OPINION_TEXT_MAX),
  answer: trimmed(2, OPINION_TEXT_MAX),
})
export const opinionAssigneesOutput = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['committee', 'chair']) })) })
export type OpinionAssigneesOutput = z.infer<typeof opinionAssigneesOutput>

export const opinionSettings = z.object({ dueDays: z.int().check(z.minimum(1), z.maximum(60)) })
export type OpinionSettings = z.infer<typeof opinionSettings>
export const OPINION_DEFAULT_DUE_DAYS = 7

/* ───────────── statistics ───────────── */

export const opinionStatsInput = z.object({ year: z.optional(z.int().check(z.minimum(2020), z.maximum(2100))) })
export const countRow = z.object({ key: z.string(), count: z.int() })
export const opinionStatsOutput = z.object({
  year: z.int(),
  total: z.int(),
  byCategory: z.array(countRow),
  byMonth: z.array(countRow),
  /** replied / closed items over all accepted items (rejected excluded), 0..1; null when none */
  replyRate: z.nullable(z.number()),
  /** days from submission to the first reply; null when nothing has been replied */
  medianDaysToReply: z.nullable(z.number()),
  satisfaction: z.array(z.object({ rating: opinionRating, count: z.int() })),
  overdue: z.int(),
  held: z.int(),
})
export type OpinionStatsOutput = z.infer<typeof opinionStatsOutput>

/** Members' view: a finer cell (a month of the year, a split of ratings) under 5 could point at someone. */
export const MIN_PUBLIC_GROUP = 5
const yearMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))
/** Consecutive months with at least 5 items together (one month when it has 5 on its own). */
export const monthRange = z.object({ from: yearMonth, to: yearMonth, count: z.int() })
export type MonthRange = z.infer<typeof monthRange>
export const opinionPublicStatsOutput = z.object({
  year: z.int(),
  total: z.int(),
  /** each category's exact total for the year (totals stay: they single nobody out) */
  byCategory: z.array(countRow),
  /** by month, a month under 5 merged with its neighbours (it could point at a person) */
  byMonth: z.array(monthRange),
  /** true when some months were merged (the page says so in one line) */
  monthsMerged: z.boolean(),
  replyRate: z.nullable(z.number()),
  medianDaysToReply: z.nullable(z.number()),
  /** share of 满意 + 基本满意 among ratings; null below 5 ratings */
  satisfiedShare: z.nullable(z.number()),
})
export type OpinionPublicStatsOutput = z.infer<typeof opinionPublicStatsOutput>
