/**
 * Collection names and document shapes — the server side of the data model. Handlers read
 * these and return explicit DTOs (types/); a document is never returned as is.
 *
 * Conventions: instants are UTC `Date`s; calendar days are `YYYY-MM-DD` strings in
 * Asia/Shanghai; money is integer 分 (`…Fen`); people are referred to by member `_id`, never by
 * openid (openid lives only on `members`). Published or recorded things are never deleted:
 * they change `state`.
 */
import type { MemberRole, MemberStatus, Membership } from '../../types/role'
import type { NoticeBlock, NoticeCategory, NoticeVisibility } from '../../types/notice'
import type { ActivityCategory } from '../../types/activity'
import type { OpinionCategory, OpinionState } from '../../types/opinion'
import type { WelfareFund, WelfareReason, WelfareVisitState } from '../../types/welfare'

export const COLLECTIONS = {
  members: 'members',
  notices: 'notices',
  noticeVersions: 'notice_versions',
  noticeReads: 'notice_reads',
  activities: 'activities',
  registrations: 'registrations',
  opinions: 'opinions',
  opinionQa: 'opinion_qa',
  welfareVisits: 'welfare_visits',
  appMeta: 'app_meta',
  auditLog: 'audit_log',
} as const

/** Hard ceiling for any one server query (design.md: never above 100 documents). */
export const MAX_QUERY = 100

export interface MemberDoc {
  _id: string
  /** WeChat identity (unique); the only place an openid is stored */
  openid: string
  name: string
  department: string
  /** 在职 / 离退休 */
  status: MemberStatus
  membership: Membership
  /** meaningful while membership is approved */
  role: MemberRole
  gender?: '男' | '女'
  staffNo?: string
  phone?: string
  /** MM-DD (the year is optional and separate) */
  birthday?: string
  birthYear?: number
  joinedVia?: 'seed' | 'setup' | 'group' | 'invite' | 'roster' | 'approval'
  createdAt: Date
  updatedAt: Date
  approvedAt?: Date
  removedAt?: Date
}

export interface Attachment {
  fileId: string
  name: string
  size: number
}

/** The current version of a notice; every published version is also in notice_versions. */
export interface NoticeDoc {
  _id: string
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  pinned: boolean
  state: 'draft' | 'published' | 'withdrawn'
  body: NoticeBlock[]
  attachments: Attachment[]
  /** 1-based number of the current version */
  version: number
  /** version - 1 once published: 已更正 n 次 */
  correctionCount: number
  publicityStart?: Date
  publicityEnd?: Date
  publishedAt?: Date
  withdrawnAt?: Date
  withdrawReason?: string
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** Append-only; `_id` is `${noticeId}_v${version}`. */
export interface NoticeVersionDoc {
  _id: string
  noticeId: string
  version: number
  title: string
  body: NoticeBlock[]
  attachments: Attachment[]
  /** required from version 2 on: why it was corrected */
  reason?: string
  publishedAt: Date
  publishedBy: string
}

/** First read only; `_id` is `${noticeId}_${memberId}`, so a second read writes nothing new. */
export interface NoticeReadDoc {
  _id: string
  noticeId: string
  memberId: string
  firstReadAt: Date
}

export interface ActivityField {
  key: string
  label: string
  type: 'text' | 'number' | 'single' | 'multi'
  options?: string[]
  required: boolean
}

export interface ActivityDoc {
  _id: string
  title: string
  category: ActivityCategory
  description: string
  coverFileId?: string
  place: string
  startAt: Date
  endAt: Date
  signupStartAt: Date
  signupEndAt: Date
  /** 0 = unlimited */
  capacity: number
  waitlist: boolean
  audience: { kind: 'all' | '在职' | '离退休' | 'female' | 'departments'; departments?: string[] }
  fields: ActivityField[]
  cancelPolicy: 'untilSignupEnd' | 'untilStart' | 'never'
  /** e.g. 疗休养: once per `years` years per member, across activities sharing `key` */
  frequency?: { key: string; years: number }
  needsApproval: boolean
  state: 'draft' | 'published' | 'cancelled'
  /** maintained by atomic conditional updates: never above capacity */
  confirmedCount: number
  waitlistCount: number
  /** next FIFO waitlist ticket */
  waitSeq: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date
}

/** `_id` is `${activityId}_${memberId}`: signing up twice finds the same registration. */
export interface RegistrationDoc {
  _id: string
  activityId: string
  memberId: string
  state: 'confirmed' | 'waitlisted' | 'cancelled'
  /** FIFO ticket while waitlisted */
  waitSeq?: number
  answers: Record<string, string | number | string[]>
  createdAt: Date
  updatedAt: Date
  checkedInAt?: Date
}

/**
 * Anonymous opinions (anonymous: true) carry NO identity: no openid, no memberId, no exact time
 * (only the Shanghai date), a random `_id`, and nothing the submitter does later adds a time.
 * Named opinions carry `memberId`.
 */
export interface OpinionDoc {
  _id: string
  category: OpinionCategory
  text: string
  images: string[]
  anonymous: boolean
  memberId?: string
  submittedOn: string
  dueOn: string
  state: OpinionState
  assigneeId?: string
  replies: Array<{ text: string; repliedAt: Date; by: string }>
  followUps: Array<{ text: string; on: string }>
  rating?: number
  rejectReason?: string
  /** set when published as a Q&A */
  qaId?: string
}

/** A Q&A the chair published from an opinion: explicit, edited text. */
export interface OpinionQaDoc {
  _id: string
  opinionId?: string
  category: OpinionCategory
  question: string
  answer: string
  state: 'published' | 'withdrawn'
  publishedAt: Date
  publishedBy: string
}

export interface WelfareVisitDoc {
  _id: string
  /** names are copied in so the ledger stays as recorded if a member later changes */
  recipient: { kind: 'member' | 'other'; memberId?: string; name: string; department?: string; relation?: string }
  reason: WelfareReason
  visitDate: string
  visitors: Array<{ memberId: string; name: string }>
  cashFen: number
  gifts: Array<{ name: string; valueFen: number }>
  fund: WelfareFund
  notes: string
  photos: string[]
  state: WelfareVisitState
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** Singleton documents by `_id` (e.g. 'seed': the demo-data marker). */
export interface AppMetaDoc {
  _id: string
  [key: string]: unknown
}

/** One admin action; append-only (recordAudit is the only writer). */
export interface AuditDoc {
  _id: string
  at: Date
  actorId: string
  actorName: string
  /** `<function>.<action>`, e.g. 'notice.publish' */
  action: string
  target: { kind: string; id: string; label?: string }
  before?: unknown
  after?: unknown
  note?: string
}
