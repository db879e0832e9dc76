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
