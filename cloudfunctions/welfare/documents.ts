/**
 * Welfare-only collections (the visits themselves are `welfare_visits`, WelfareVisitDoc in
 * _shared/documents.ts). Both are read and written by this function only.
 */
import type { WelfareFund, WelfareReason } from '../../types/welfare'

export const WELFARE_COLLECTIONS = {
  plans: 'welfare_plans',
  people: 'welfare_people',
} as const

/** A holiday plan (春节 / 中秋 …): its entries are welfare_visits with `planId` = this `_id`. */
export interface WelfarePlanDoc {
  _id: string
  title: string
  reason: WelfareReason
  plannedDate: string
  filter: { retirees: boolean; hardship: boolean; departments: string[] }
  cashFenEach: number
  gifts: Array<{ name: string; valueFen: number }>
  fund: WelfareFund
  /**
   * creating: the head is written, entries may be missing (hidden from every list; a retry with the
   * same requestId, or the next look at the plans, finishes it); active: its unvisited entries are on
   * the 待办 list; closed: no more reminders
   */
  state: 'creating' | 'active' | 'closed'
  /** = people.length = the number of entries once the plan is no longer `creating` */
  total: number
  /**
   * who the plan visits and who goes, fixed when it was asked for, so finishing it later makes exactly
   * these entries (plans made by planCreate always have them)
   */
  people?: Array<{ memberId: string; name: string; department: string }>
  visitors?: Array<{ memberId: string; name: string }>
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** Welfare facts about one member, `_id` = member `_id`. Hardship is sensitive: never disclosed. */
export interface WelfarePersonDoc {
  _id: string
  hardship: boolean
  note: string
  updatedAt: Date
  updatedBy: string
}
