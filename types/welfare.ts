import * as z from 'zod/mini'
import { calendarDate, pageInput, paged } from './common'

export const welfareReasons = ['节日慰问', '生病住院', '生育', '婚庆', '丧葬', '困难帮扶', '退休', '生日', '其他'] as const
export const welfareReason = z.enum(welfareReasons)
export type WelfareReason = z.infer<typeof welfareReason>

export const welfareFunds = ['工会经费', '行政', '其他'] as const
export const welfareFund = z.enum(welfareFunds)
export type WelfareFund = z.infer<typeof welfareFund>

export const welfareVisitState = z.enum(['planned', 'done'])
export type WelfareVisitState = z.infer<typeof welfareVisitState>

/** welfare.list — committee and chair only. `year` defaults to the current year in Asia/Shanghai. */
export const welfareListInput = z.object({
  year: z.optional(z.int().check(z.minimum(2000), z.maximum(2100))),
  page: pageInput,
})
export type WelfareListInput = z.input<typeof welfareListInput>

export const welfareVisitItem = z.object({
  id: z.string(),
  recipientName: z.string(),
  /** member: someone on the member list; other: a named non-member */
  recipientKind: z.enum(['member', 'other']),
  department: z.optional(z.string()),
  reason: welfareReason,
  visitDate: calendarDate,
  visitors: z.array(z.string()),
  /** money in 分 */
  cashFen: z.int(),
  gifts: z.array(z.object({ name: z.string(), valueFen: z.int() })),
  giftValueFen: z.int(),
  fund: welfareFund,
  state: welfareVisitState,
  notes: z.string(),
})
export type WelfareVisitItem = z.infer<typeof welfareVisitItem>
export const welfareListOutput = z.extend(paged(welfareVisitItem), { year: z.int() })
export type WelfareListOutput = z.infer<typeof welfareListOutput>
