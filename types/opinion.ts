import * as z from 'zod/mini'
import { calendarDate, instant, pageInput, paged } from './common'

export const opinionCategories = ['教育教学', '后勤保障', '食堂', '福利待遇', '师德师风', '其他'] as const
export const opinionCategory = z.enum(opinionCategories)
export type OpinionCategory = z.infer<typeof opinionCategory>

/** 待受理 pending → 处理中 processing → 已答复 replied → 已办结 closed, or 不予受理 rejected. */
export const opinionStates = ['pending', 'processing', 'replied', 'closed', 'rejected'] as const
export const opinionState = z.enum(opinionStates)
export type OpinionState = z.infer<typeof opinionState>

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
  lastReply: z.optional(z.object({ text: z.string(), repliedAt: instant })),
})
export type MyOpinionItem = z.infer<typeof myOpinionItem>
export const opinionMineOutput = paged(myOpinionItem)
export type OpinionMineOutput = z.infer<typeof opinionMineOutput>
