import * as z from 'zod/mini'
import { instant, pageInput, paged } from './common'

export const noticeCategories = ['校务', '财务', '人事', '工会经费', '教代会', '其他'] as const
export const noticeCategory = z.enum(noticeCategories)
export type NoticeCategory = z.infer<typeof noticeCategory>

/** internal = 对内公开 (members only); public = 对外公开 (everyone, visitors included). */
export const noticeVisibility = z.enum(['internal', 'public'])
export type NoticeVisibility = z.infer<typeof noticeVisibility>

/** 公示期 state, computed in Asia/Shanghai against the server's clock. */
export const publicityState = z.enum(['none', 'upcoming', 'active', 'ended'])
export type PublicityState = z.infer<typeof publicityState>

/**
 * Safe rich text: a notice body is a list of blocks, never HTML, so nothing a committee member
 * types can run in the reader's app.
 */
export const noticeBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), bold: z.optional(z.boolean()) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  z.object({ type: z.literal('image'), fileId: z.string(), caption: z.optional(z.string()) }),
])
export type NoticeBlock = z.infer<typeof noticeBlock>

/** notice.list — pinned first, then newest; visitors see only public notices. */
export const noticeListInput = z.object({
  category: z.optional(noticeCategory),
  keyword: z.optional(z.string().check(z.trim(), z.maxLength(30))),
  page: pageInput,
})
export type NoticeListInput = z.input<typeof noticeListInput>

export const noticeListItem = z.object({
  id: z.string(),
  title: z.string(),
  category: noticeCategory,
  visibility: noticeVisibility,
  pinned: z.boolean(),
  publishedAt: instant,
  publicityStart: z.optional(instant),
  publicityEnd: z.optional(instant),
  publicityState,
  /** 已更正 n 次 */
  correctionCount: z.int(),
  /** this member has opened it (always false for visitors) */
  read: z.boolean(),
})
export type NoticeListItem = z.infer<typeof noticeListItem>
export const noticeListOutput = paged(noticeListItem)
export type NoticeListOutput = z.infer<typeof noticeListOutput>

/* ───────────── writing notices (committee drafts, chair publishes) ───────────── */

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, '内容不能为空'), z.maxLength(max, `不能超过 ${max} 个字`))
const cell = z.string().check(z.trim(), z.maxLength(200, '表格单元格不能超过 200 个字'))

/** A cloud-storage fileID the app uploaded under notices/ (nothing else may be attached). */
export const noticeFileId = z.string().check(
  z.refine((v) => v.length <= 300 && /^cloud:\/\/[^/\s]+\/notices\/[^\s]+$/.test(v), '文件必须先通过小程序上传到公告目录'),
)

/**
 * The strict form of a body block for writing: unknown keys (e.g. an `html` field) are refused,
 * every text is bounded, images must be files uploaded for notices.
 */
export const noticeBlockInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: text(60) }),
  z.strictObject({ type: z.literal('paragraph'), text: text(2000), bold: z.optional(z.boolean()) }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(text(300)).check(z.minLength(1, '列表至少一项'), z.maxLength(50, '列表最多 50 项')) }),
  z.strictObject({
    type: z.literal('table'),
    header: z.array(cell).check(z.minLength(1, '表格至少一列'), z.maxLength(8, '表格最多 8 列')),
    rows: z.array(z.array(cell).check(z.maxLength(8, '表格最多 8 列'))).check(z.maxLength(100, '表格最多 100 行')),
  }),
  z.strictObject({ type: z.literal('image'), fileId: noticeFileId, caption: z.optional(z.string().check(z.trim(), z.maxLength(60))) }),
])
export const noticeBody = z.array(noticeBlockInput).check(z.minLength(1, '正文不能为空'), z.maxLength(200, '正文最多 200 段'))

/** Attachment types the board accepts, by file extension (the function also checks the bytes). */
export const ATTACHMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png'] as const
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
export const ATTACHMENTS_MAX = 9
export const attachmentInput = z.strictObject({
  fileId: noticeFileId,
  name: z.string().check(
    z.trim(),
    z.refine((v) => v.length >= 1 && v.length <= 80, '附件名应为 1 到 80 个字'),
    z.refine((v) => /\.(pdf|docx?|xlsx?|jpe?g|png)$/i.test(v), '附件只能是 PDF、Word、Excel 或图片（jpg/png）'),
  ),
  size: z.int().check(z.refine((v) => v >= 1, '附件是空文件'), z.refine((v) => v <= ATTACHMENT_MAX_BYTES, '附件不能超过 20 MB')),
})
export type AttachmentInput = z.infer<typeof attachmentInput>

/** 公示期 as whole Shanghai days, both inclusive. */
export const publicityInput = z.strictObject({
  startDate: z.string().check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), '公示开始日期格式应为 YYYY-MM-DD')),
  endDate: z.string().check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), '公示结束日期格式应为 YYYY-MM-DD')),
})

export const noticeTitle = text(60)

/** notice.createDraft (committee) — also the shape createNoticeDraft() takes, plus the optional parts. */
export const noticeDraftInput = z.object({
  title: noticeTitle,
  category: noticeCategory,
  visibility: noticeVisibility,
  body: noticeBody,
  attachments: z._default(z.array(attachmentInput).check(z.maxLength(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`)), []),
  pinned: z._default(z.boolean(), false),
  publicity: z.optional(z.nullable(publicityInput)),
})
export type NoticeDraftInput = z.input<typeof noticeDraftInput>

export const noticeIdInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) })
export const noticeUpdateDraftInput = z.extend(noticeDraftInput, { id: z.string().check(z.minLength(1), z.maxLength(64)) })
export const reasonText = z.string().check(z.trim(), z.minLength(2, '请填写原因（至少 2 个字）'), z.maxLength(200, '原因不能超过 200 个字'))
export const noticeCorrectInput = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** the version the chair is correcting: a correction made on a stale copy is refused */
  version: z.int().check(z.minimum(1)),
  title: noticeTitle,
  body: noticeBody,
  attachments: z._default(z.array(attachmentInput).check(z.maxLength(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`)), []),
  reason: reasonText,
})
export const noticeWithdrawInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)), reason: reasonText })
export const noticePinInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)), pinned: z.boolean() })
export const noticeGetInput = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** an earlier version to show; the current one when absent */
  version: z.optional(z.int().check(z.minimum(1), z.maximum(999))),
})
export const noticeManageListInput = z.object({
  state: z._default(z.enum(['draft', 'published', 'withdrawn']), 'draft'),
  page: pageInput,
})
export const noticeReadersInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)), page: pageInput })
export const noticeObjectInput = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.trim(), z.minLength(5, '异议内容至少 5 个字'), z.maxLength(500, '异议内容不能超过 500 个字')),
})
export const noticeObjectionsInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)), page: pageInput })
export const noticeAnswerInput = z.object({
  objectionId: z.string().check(z.minLength(1), z.maxLength(64)),
  answer: z.string().check(z.trim(), z.minLength(2, '答复至少 2 个字'), z.maxLength(500, '答复不能超过 500 个字')),
})
export const noticeLedgerInput = z.object({
  from: z.string().check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), '开始日期格式应为 YYYY-MM-DD')),
  to: z.string().check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), '结束日期格式应为 YYYY-MM-DD')),
})

/* ───────────── answers ───────────── */

export const attachmentOut = z.object({
  name: z.string(),
  size: z.int(),
  /** pdf / docx / xlsx / jpg … — picks openDocument or previewImage */
  kind: z.string(),
  /** temporary link, given only to callers allowed to read the notice */
  url: z.optional(z.string()),
})
export type AttachmentOut = z.infer<typeof attachmentOut>

/** Body blocks as shown: an image block carries its temporary URL instead of the fileID. */
export const noticeBlockOut = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), bold: z.optional(z.boolean()) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  z.object({ type: z.literal('image'), url: z.optional(z.string()), caption: z.optional(z.string()) }),
])
export type NoticeBlockOut = z.infer<typeof noticeBlockOut>

export const noticeVersionSummary = z.object({ version: z.int(), publishedAt: instant, reason: z.optional(z.string()) })
export const myObjection = z.object({ id: z.string(), text: z.string(), raisedAt: instant, answer: z.optional(z.string()), answeredAt: z.optional(instant) })
export type MyObjection = z.infer<typeof myObjection>

export const noticeDetail = z.object({
  id: z.string(),
  title: z.string(),
  category: noticeCategory,
  visibility: noticeVisibility,
  pinned: z.boolean(),
  state: z.enum(['draft', 'published', 'withdrawn']),
  /** the version shown */
  version: z.int(),
  /** the current (latest) version */
  currentVersion: z.int(),
  correctionCount: z.int(),
  body: z.array(noticeBlockOut),
  attachments: z.array(attachmentOut),
  publishedAt: z.optional(instant),
  /** why the shown version was made (versions ≥ 2) */
  reason: z.optional(z.string()),
  withdrawnAt: z.optional(instant),
  withdrawReason: z.optional(z.string()),
  publicityStart: z.optional(instant),
  publicityEnd: z.optional(instant),
  publicityState,
  /** every published version, newest first */
  versions: z.array(noticeVersionSummary),
  /** after the 公示期: how many objections were raised and answered */
  objectionSummary: z.optional(z.object({ raised: z.int(), answered: z.int() })),
  /** may this caller raise an objection now */
  canObject: z.boolean(),
  /** the caller's own objections and their answers */
  myObjections: z.array(myObjection),
  /** chair only */
  readCount: z.optional(z.int()),
  /** for editing (committee on a draft, chair on the current published version): the stored body and files */
  source: z.optional(z.object({
    body: z.array(noticeBlock),
    attachments: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.int() })),
    publicity: z.optional(z.object({ startDate: z.string(), endDate: z.string() })),
  })),
})
export type NoticeDetail = z.infer<typeof noticeDetail>

export const noticeIdOutput = z.object({ id: z.string() })
export const noticeVersionOutput = z.object({ id: z.string(), version: z.int() })

export const noticeManageItem = z.object({
  id: z.string(), title: z.string(), category: noticeCategory, visibility: noticeVisibility,
  state: z.enum(['draft', 'published', 'withdrawn']), version: z.int(), updatedAt: instant, authorName: z.string(),
})
export const noticeManageListOutput = paged(noticeManageItem)
export type NoticeManageItem = z.infer<typeof noticeManageItem>

export const noticeReader = z.object({ name: z.string(), department: z.string() })
export const noticeReadersOutput = z.object({
  readCount: z.int(),
  unreadCount: z.int(),
  /** approved members now */
  memberCount: z.int(),
  /** a page of members who have not opened it yet */
  unread: paged(noticeReader),
  lastRemindedAt: z.optional(instant),
})
export type NoticeReadersOutput = z.infer<typeof noticeReadersOutput>
export const noticeRemindOutput = z.object({ sent: z.int(), failed: z.int() })

export const noticeObjectionItem = z.object({
  id: z.string(), name: z.string(), department: z.string(), text: z.string(), raisedAt: instant,
  answer: z.optional(z.string()), answeredAt: z.optional(instant),
})
export type NoticeObjectionItem = z.infer<typeof noticeObjectionItem>
export const noticeObjectionsOutput = z.object({ items: z.array(noticeObjectionItem), page: z.int(), total: z.int(), answered: z.int() })

export const noticeExportOutput = z.object({ url: z.string(), fileName: z.string(), count: z.optional(z.int()) })
export type NoticeExportOutput = z.infer<typeof noticeExportOutput>
