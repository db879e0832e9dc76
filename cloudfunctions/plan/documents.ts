/**
 * The plan function's own collections (read and written by this function only). Foreign
 * collections it reads for status and the summary are read-only, one file each (linked-*.ts).
 */
import type { NoticeBlock } from '../../types/notice'
import type { LinkKind, MeetingType, PlanCategory } from '../../types/plan'

export const PLAN_COLLECTIONS = {
  plans: 'plans',
  items: 'plan_items',
  history: 'plan_item_history',
  meetings: 'plan_meetings',
  reminded: 'plan_reminders',
} as const

/** `_id` = `plan_<year>`: one plan per year, so creating it twice lands on the same document. */
export interface PlanDoc {
  _id: string
  year: number
  state: 'draft' | 'adopted'
  guidance: NoticeBlock[]
  focus: NoticeBlock[]
  revision: number
  /** the 校务公开 notice the adopted plan was published as */
  noticeId?: string
  adoptedAt?: Date
  copiedFrom?: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export interface PlanItemDoc {
  _id: string
  planId: string
  year: number
  month: number
  date?: string
  title: string
  category: PlanCategory
  ownerId: string
  ownerName: string
  note: string
  public: boolean
  link?: { kind: LinkKind; id: string; title: string }
  /** marked done by hand (work with no record of its own, e.g. 完善台帐) */
  done?: boolean
  cancelReason?: string
  /** active; removed items are kept (soft delete) */
  state: 'active' | 'removed'
  /** a meeting decision made it */
  meetingId?: string
  revision: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** Append-only: one entry per change of an item, written in the change's transaction. */
export interface ItemHistoryDoc {
  _id: string
  itemId: string
  revision: number
  at: Date
  byId: string
  byName: string
  /** what changed, as Chinese text */
  what: string
}

export interface MeetingDoc {
  _id: string
  type: MeetingType
  date: string
  year: number
  place: string
  attendees: Array<{ memberId: string; name: string }>
  absent: Array<{ memberId: string; name: string; reason: string }>
  agenda: string[]
  minutes: string
  decisions: Array<{ text: string; ownerId: string; ownerName: string; due: string; itemId: string }>
  /** 照片和附件, sealed by content (meeting-files.ts); absent on meetings recorded before they existed */
  files?: Array<{ fileId: string; name: string; size: number; sha256: string }>
  /** internal until the chair publishes its summary to 校务公开 (noticeId) */
  visibility: 'internal' | 'published'
  noticeId?: string
  state: 'recorded'
  revision: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `<ownerId>_<YYYY-MM>`: the monthly reminder reaches each owner once a month. */
export interface ReminderDoc {
  _id: string
  ownerId: string
  month: string
  items: number
  at: Date
}
