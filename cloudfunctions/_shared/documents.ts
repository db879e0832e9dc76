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
import type { OpinionCategory, OpinionHold, OpinionRating, OpinionState } from '../../types/opinion'
import type { WelfareFund, WelfareReason, WelfareVisitState } from '../../types/welfare'

export const COLLECTIONS = {
  members: 'members',
  notices: 'notices',
  noticeVersions: 'notice_versions',
  noticeReads: 'notice_reads',
  noticeObjections: 'notice_objections',
  activities: 'activities',
  registrations: 'registrations',
  opinions: 'opinions',
  opinionQa: 'opinion_qa',
  opinionCounters: 'opinion_counters',
  welfareVisits: 'welfare_visits',
  appMeta: 'app_meta',
  auditLog: 'audit_log',
  invites: 'invites',
  roster: 'roster',
  setupAttempts: 'setup_attempts',
  memberClaims: 'member_claims',
  memberChanges: 'member_changes',
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
  /** why the application was not approved (the applicant sees it) */
  rejectReason?: string
  /** why the chair removed the member (audit log and the member's own view) */
  removeReason?: string
  /** +1 on every change of the record (a correction names the revision it was made against); absent = 0 */
  revision?: number
  /** name search index (2-character windows and single characters, see _shared/member-search.ts) */
  searchTerms?: string[]
  /** the request id of the application that made or reopened this record (a retry answers the same) */
  applyKey?: string
  /** a removed member applying again: their admission is a re-admission (audited as such, plain member) */
  returning?: boolean
}

/** A notice file: `fileId` is `notice-files/<sha256>.<ext>` (written only by the notice function). */
export interface Attachment {
  fileId: string
  name: string
  size: number
  /** SHA-256 of the bytes, checked again before a link is handed out */
  sha256: string
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
  /** draft edits so far: an edit names the revision it was made on (a stale one is refused) */
  revision: number
  /** version - 1 once published: 已更正 n 次 */
  correctionCount: number
  publicityStart?: Date
  publicityEnd?: Date
  publishedAt?: Date
  withdrawnAt?: Date
  withdrawReason?: string
  /** the chair's last 提醒未读 (reminders are spaced so nobody is messaged twice in a row) */
  lastRemindedAt?: Date
  /** the title's index terms (search-terms.ts), kept on every save, publish and correction */
  searchTerms: string[]
  /** every published version, oldest first — a copy of notice_versions' summaries, so the detail reads one document */
  versionLog: Array<{ version: number; publishedAt: Date; reason?: string }>
  /** objections raised / answered, kept in the same transaction as each objection and each answer */
  objectionCount: number
  answeredCount: number
  /** what the notice announces: 去报名 opens it */
  link?: { kind: 'activity'; id: string; title: string }
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

/**
 * A named objection (异议) raised during a notice's 公示期. Named by norm (anonymous objections
 * are not accepted); the name and department are copied in as they were. Only the chair reads
 * them; the answer is given once and never changed.
 */
export interface NoticeObjectionDoc {
  _id: string
  noticeId: string
  memberId: string
  name: string
  department: string
  text: string
  raisedAt: Date
  /** copied from the notice: the chair's list of waiting objections needs no second read */
  noticeTitle?: string
  /** the notice's 公示期 end: an objection unanswered after it is overdue */
  publicityEnd?: Date
  /** create-once key of the request that raised it (a retry answers with this objection) */
  requestKey?: string
  /** false until the chair answers (an indexed flag: the 工作台 counts the waiting ones) */
  answered: boolean
  answer?: string
  answeredAt?: Date
  answeredBy?: string
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
  /** 携带家属: up to `max` guests; they take places when `countsTowardCapacity` */
  guests?: { max: number; countsTowardCapacity: boolean }
  cancelPolicy: 'untilSignupEnd' | 'untilStart' | 'never'
  /** e.g. 疗休养: once per `years` years per member, across activities sharing `key` */
  frequency?: { key: string; years: number }
  needsApproval: boolean
  state: 'draft' | 'published' | 'cancelled' | 'finished'
  /** increases with every edit of a draft: an edit names the revision it was made from */
  revision?: number
  /** 2-character windows of the title and place (_shared/search-terms.ts), for indexed search */
  searchTerms?: string[]
  /**
   * Who holds a place or waits, per member (key `m<memberId>`) — the single authority for places
   * and the queue. Every change to it is ONE atomic update of this document (a conditional update,
   * a compare-and-set on `v`, or a transaction), so the counters below always equal the entries.
   * Registrations (rows) keep the details (answers, guests, check-in) and never a copy of the state.
   */
  ledger?: Record<string, LedgerEntry>
  /** member ids waiting, first in line first (FIFO: promotion takes from the front only) */
  queue?: string[]
  /** bumped by every change to the ledger: a compare-and-set on it sees any change since a read */
  v?: number
  /** places held by confirmed + pending entries (guests included when they count), never above capacity */
  seatsTaken: number
  /** confirmed + pending entries */
  confirmedCount: number
  pendingCount: number
  /** entries waiting (= queue length) */
  waitlistCount: number
  /** confirmed entries checked in */
  checkedInCount?: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date
  cancelledAt?: Date
  cancelReason?: string
  finishedAt?: Date
  /** Shanghai date the day-before reminder went out (sent once) */
  remindedOn?: string
}

/** One member's standing in an activity (ActivityDoc.ledger). Short keys: a large activity holds a thousand. */
export interface LedgerEntry {
  /** c confirmed, p pending (holds a place), w waitlisted, x cancelled, r rejected */
  s: 'c' | 'p' | 'w' | 'x' | 'r'
  /** places held while c/p: 1 + guests when they count */
  n: number
  /** guests brought */
  g: number
  /** signed up (ms): roster order */
  t: number
  /** revision of this entry, bumped by every change */
  r: number
  /** checked in (ms) */
  ci?: number
}

/**
 * `_id` is `${activityId}_${memberId}`: signing up twice finds the same registration. The row holds
 * what the member entered and the check-in; whether they hold a place is the activity's ledger.
 * A row is written BEFORE its ledger entry, so a row without an entry is a sign-up that never
 * completed and counts for nothing.
 */
export interface RegistrationDoc {
  _id: string
  activityId: string
  memberId: string
  /** copied in at sign-up so the roster stays as registered */
  memberName?: string
  department?: string
  answers: Record<string, string | number | string[]>
  /** bumped by every edit of the answers (an edit names the revision it corrects) */
  answersRev?: number
  guests?: number
  /** 代报名: the committee member who signed this member up */
  signedUpBy?: { id: string; name: string }
  /** for frequency rules: the activity's series key and start */
  seriesKey?: string
  activityStartAt?: Date
  createdAt: Date
  updatedAt: Date
  rejectReason?: string
  checkedInAt?: Date
  checkedInBy?: string
  /** the nonce of the check-in token that was used (a used token cannot be used again) */
  checkinNonce?: string
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
  /** fileIDs under a random name; anonymous images are stored with their metadata stripped */
  images: string[]
  anonymous: boolean
  memberId?: string
  submittedOn: string
  /** 'YYYY-MM': for statistics by month */
  submittedMonth: string
  /**
   * Anonymous only, until the daily batch (opinion/batch.ts) hands the item to the union: no
   * visibleOn, no dueOn, images still held in opinion_image_holds. Removed at release.
   */
  awaitingRelease?: true
  /**
   * First day handlers see it: the release day of its batch for anonymous items, the same day for
   * named ones. Absent while awaiting release — nothing counts or lists an item without it.
   */
  visibleOn?: string
  /** visibleOn + the due days set when it was released (so the setting's history dates nothing) */
  dueOn?: string
  state: OpinionState
  /** waiting for the chair: msgSecCheck said review, or could not be reached */
  held?: OpinionHold
  assigneeId?: string
  /** the handler's name, copied in so lists need no join */
  assigneeName?: string
  replies: Array<{ text: string; repliedAt: Date; by: string; byName: string }>
  /** days from visibleOn (the day the union received it) to the first reply (statistics) */
  firstReplyDays?: number
  followUps: Array<{ text: string; on: string; flagged?: boolean }>
  rating?: OpinionRating
  rejectReason?: string
  /** set when published as a Q&A */
  qaId?: string
  qaPublishedOn?: string
  /** anonymous only: where to find it by code (keyed hash), and the salted hash that proves the code */
  receipt?: { lookup: string; salt: string; hash: string }
  /** the 教代会 draft proposal a committee member made from it (congress.fromOpinion); one per item */
  proposalId?: string
  /** named only: the member asked to be told of the reply (one-time subscription) */
  notifyReply?: boolean
}

/**
 * Daily counters keyed by HMAC(APP_SECRET, kind + openid + date) — submissions and code-lookup
 * misses — or by a fixed name for global counters. They hold a count and the day only: nothing
 * joins them to an opinion, and each is deleted once its day has ended.
 */
export interface OpinionCounterDoc {
  _id: string
  day: string
  n: number
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
  /** sum of gifts[].valueFen and its 'YYYY-MM' month, kept on the document so totals aggregate in the database */
  giftFen: number
  month: string
  /** the holiday plan this entry belongs to */
  planId?: string
  /** 生病住院: the day a follow-up visit is due */
  followUpOn?: string
  cancelReason?: string
  /** 1 + number of corrections (each correction is in the audit log with before/after) */
  revision: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  updatedBy?: string
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

/** A chair's invite: `_id` is the code. `remaining` is decremented atomically, so uses never exceed maxUses. */
export interface InviteDoc {
  _id: string
  note: string
  expiresAt: Date
  maxUses: number
  remaining: number
  autoApprove: boolean
  revoked: boolean
  createdBy: string
  createdAt: Date
}

/** One roster row of one import; only the batch named in app_meta 'roster' is live. */
export interface RosterDoc {
  _id: string
  batchId: string
  name: string
  department: string
  staffNo: string
  status: MemberStatus
  gender?: '男' | '女'
  birthday?: string
  birthYear?: number
  phone?: string
}
