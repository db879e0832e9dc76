import * as z from 'zod/mini'
import { calendarDate, docId, instant, pageInput, paged, requestId, revision } from './common'

export const noticeCategories = ['校务', '财务', '人事', '工会经费', '教代会', '其他'] as const
export const noticeCategory = z.enum(noticeCategories)
export type NoticeCategory = z.infer<typeof noticeCategory>

/** internal = 对内公开 (members only); public = 对外公开 (everyone, visitors included). */
export const noticeVisibility = z.enum(['internal', 'public'])
export type NoticeVisibility = z.infer<typeof noticeVisibility>

/**
 * 公示期 state, computed in Asia/Shanghai against the server's clock. `planned`: a draft's period
 * (nothing is 公示中 before the chair publishes it).
 */
export const publicityState = z.enum(['none', 'planned', 'upcoming', 'active', 'ended'])
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
  id: docId,
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
/**
 * `total` is exact when this page is the last one; otherwise it is "at least one more than shown so
 * far" — the board does not count every match (one database request fewer on every page), and the
 * app only needs it to know whether to load more.
 */
export const noticeListOutput = paged(noticeListItem)
export type NoticeListOutput = z.infer<typeof noticeListOutput>

/* ───────────── writing notices (committee drafts, chair publishes) ───────────── */

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, '内容不能为空'), z.maxLength(max, `不能超过 ${max} 个字`))
const cell = z.string().check(z.trim(), z.maxLength(200, '表格单元格不能超过 200 个字'))

/**
 * Where a notice's files live. The app uploads to `uploads/notice/<random>.<ext>` (staging: the
 * only place clients may write); the function checks each new file and copies it to
 * `notice-files/<sha256>.<ext>`, a path only functions write and whose name is its content. A
 * draft or a correction sends back the sealed ids of the files it keeps.
 */
export const STAGED_NOTICE_FILE = /^cloud:\/\/[^/\s]+\/uploads\/notice\/[A-Za-z0-9_-]{8,64}\.[a-z0-9]{1,5}$/
export const SEALED_NOTICE_FILE = /^cloud:\/\/[^/\s]+\/notice-files\/([0-9a-f]{64})\.(pdf|doc|docx|xls|xlsx|jpg|png)$/

/** A fileID the app uploaded for a notice, or one the notice already holds. */
export const noticeFileId = z.string().check(
  z.refine((v) => v.length <= 300 && (STAGED_NOTICE_FILE.test(v) || SEALED_NOTICE_FILE.test(v)), '文件必须先通过小程序上传'),
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
  z.strictObject({ type: z.literal('image'), fileId: noticeFileId, caption: z.optional(z.string().check(z.trim(), z.maxLength(60, '图片说明不能超过 60 个字'))) }),
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
    z.refine((v) => /\.(pdf|docx?|xlsx?|jpe?g|png)$/i.test(v), '附件只能是 PDF、Word、Excel 文件或图片'),
  ),
  /** as the app measured it; the function records the real size */
  size: z.int().check(z.refine((v) => v >= 1, '附件是空文件'), z.refine((v) => v <= ATTACHMENT_MAX_BYTES, '附件不能超过 20M')),
})
export type AttachmentInput = z.infer<typeof attachmentInput>

/** 公示期 as whole Shanghai days, both inclusive. */
export const publicityInput = z.strictObject({ startDate: calendarDate, endDate: calendarDate })

/**
 * What a notice announces and where "去报名" takes the reader: an activity (活动报名). The function
 * checks that it exists and records its title.
 */
export const noticeLinkKinds = ['activity'] as const
export const noticeLinkInput = z.strictObject({ kind: z.enum(noticeLinkKinds), id: docId })
export type NoticeLinkInput = z.infer<typeof noticeLinkInput>
export const noticeLink = z.object({ kind: z.enum(noticeLinkKinds), id: z.string(), title: z.string() })
export type NoticeLink = z.infer<typeof noticeLink>

/** Field names as the notice forms show them (BAD_INPUT messages name these). */
export const NOTICE_LABELS = {
  id: '公告', requestId: '请求编号', version: '版本', state: '状态', pinned: '置顶', publicity: '公示期',
  startDate: '公示开始日期', endDate: '公示结束日期', 'publicity.startDate': '公示开始日期', 'publicity.endDate': '公示结束日期',
  attachments: '附件', 'attachments.fileId': '附件', 'attachments.name': '附件名', 'attachments.size': '附件大小',
  'body.type': '正文段落类型', 'body.text': '正文文字', 'body.bold': '加粗', 'body.ordered': '列表编号', 'body.items': '列表',
  'body.header': '表头', 'body.rows': '表格', 'body.fileId': '正文图片', 'body.caption': '图片说明',
  revision: '修改版本', link: '关联活动', 'link.kind': '关联类型', 'link.id': '关联活动', objectionId: '异议', index: '附件', from: '开始日期', to: '结束日期',
} as const

export const noticeTitle = text(60)

/** notice.createDraft (committee) — also the shape createNoticeDraft() takes, plus the optional parts. */
const draftFields = {
  title: noticeTitle,
  category: noticeCategory,
  visibility: noticeVisibility,
  body: noticeBody,
  attachments: z._default(z.array(attachmentInput).check(z.maxLength(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`)), []),
  pinned: z._default(z.boolean(), false),
  publicity: z.optional(z.nullable(publicityInput)),
  link: z.optional(z.nullable(noticeLinkInput)),
}

/** notice.createDraft (committee). `requestId` is made when the form opens: a retry or a double tap makes one draft. */
export const noticeDraftInput = z.object({ ...draftFields, requestId })
export type NoticeDraftInput = z.input<typeof noticeDraftInput>

export const noticeIdInput = z.object({ id: docId })
/** notice.updateDraft: `revision` is the draft's revision when the editor opened it (a stale edit is refused). */
export const noticeUpdateDraftInput = z.object({ ...draftFields, id: docId, revision })
export const reasonText = z.string().check(z.trim(), z.minLength(2, '请填写原因（至少 2 个字）'), z.maxLength(200, '原因不能超过 200 个字'))
const versionNumber = z.int().check(z.minimum(1), z.maximum(999))
export const noticeCorrectInput = z.object({
  id: docId,
  /** the version the chair is correcting: a correction made on a stale copy is refused */
  version: versionNumber,
  title: noticeTitle,
  body: noticeBody,
  attachments: z._default(z.array(attachmentInput).check(z.maxLength(ATTACHMENTS_MAX, `附件最多 ${ATTACHMENTS_MAX} 个`)), []),
  reason: reasonText,
})
export const noticeWithdrawInput = z.object({ id: docId, reason: reasonText })
export const noticePinInput = z.object({ id: docId, pinned: z.boolean() })
export const noticeGetInput = z.object({
  id: docId,
  /** an earlier version to show; the current one when absent */
  version: z.optional(versionNumber),
})
/** notice.file: a link to one attachment of the shown version, handed out only after its bytes match its hash. */
export const noticeFileInput = z.object({ id: docId, version: z.optional(versionNumber), index: z.int().check(z.minimum(0), z.maximum(ATTACHMENTS_MAX - 1)) })
export const noticeFileOutput = z.object({ url: z.string(), name: z.string(), kind: z.string() })
export const noticeManageListInput = z.object({
  state: z._default(z.enum(['draft', 'published', 'withdrawn']), 'draft'),
  page: pageInput,
})
export const noticeReadersInput = z.object({ id: docId, page: pageInput })
/** notice.object: `requestId` made when the box opens, so a double tap raises one objection. */
export const noticeObjectInput = z.object({
  id: docId,
  text: z.string().check(z.trim(), z.minLength(5, '异议内容至少 5 个字'), z.maxLength(500, '异议内容不能超过 500 个字')),
  requestId,
})
export const noticeObjectionsInput = z.object({ id: docId, page: pageInput })
export const noticePendingObjectionsInput = z.object({ page: pageInput })
export const noticeAnswerInput = z.object({
  objectionId: docId,
  answer: z.string().check(z.trim(), z.minLength(2, '答复至少 2 个字'), z.maxLength(500, '答复不能超过 500 个字')),
})
export const noticeLedgerInput = z.object({ from: calendarDate, to: calendarDate })

/* ───────────── answers ───────────── */

/** An attachment as listed; its link comes from notice.file (checked against its hash when opened). */
export const attachmentOut = z.object({
  name: z.string(),
  size: z.int(),
  /** pdf / docx / xlsx / jpg … — picks openDocument or previewImage */
  kind: z.string(),
})
export type AttachmentOut = z.infer<typeof attachmentOut>

/** Body blocks as shown: an image block carries its temporary URL instead of the fileID. */
export const noticeBlockOut = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), bold: z.optional(z.boolean()) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('table'), header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  /** `url` only when the image's bytes matched its hash; `damaged` when they did not (附件已损坏, reported) */
  z.object({ type: z.literal('image'), url: z.optional(z.string()), caption: z.optional(z.string()), damaged: z.optional(z.boolean()) }),
])
export type NoticeBlockOut = z.infer<typeof noticeBlockOut>

export const noticeVersionSummary = z.object({ version: z.int(), publishedAt: instant, reason: z.optional(z.string()) })
export const myObjection = z.object({ id: z.string(), text: z.string(), raisedAt: instant, answer: z.optional(z.string()), answeredAt: z.optional(instant) })
export type MyObjection = z.infer<typeof myObjection>

export const noticeDetail = z.object({
  id: docId,
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
  /** the activity this notice announces (去报名) */
  link: z.optional(noticeLink),
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
    link: z.optional(noticeLink),
    /** a draft's revision, sent back with the edit */
    revision: z.int(),
  })),
})
export type NoticeDetail = z.infer<typeof noticeDetail>

export const noticeIdOutput = z.object({ id: docId })
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

/** 待答复异议 across notices (the chair's desk opens this), oldest first. */
export const noticePendingObjection = z.object({
  id: z.string(), noticeId: z.string(), noticeTitle: z.string(), name: z.string(), department: z.string(), text: z.string(), raisedAt: instant,
  /** the 公示期 has ended and it is still not answered */
  overdue: z.boolean(),
})
export type NoticePendingObjection = z.infer<typeof noticePendingObjection>
export const noticePendingObjectionsOutput = paged(noticePendingObjection)

export const noticeExportOutput = z.object({ url: z.string(), fileName: z.string(), count: z.optional(z.int()) })
export type NoticeExportOutput = z.infer<typeof noticeExportOutput>
