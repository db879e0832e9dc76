/**
 * The 教代会 domain's collections and document shapes (server side). Ids are written down in
 * types/congress.ts next to sessionIdOf. People are member `_id`s; days are Shanghai `YYYY-MM-DD`.
 */
import type { AnswerClass, DelegateKind, ProposalCategory, ProposalState, Rating } from '../../types/congress'

export const CONGRESS_COLLECTIONS = {
  sessions: 'congress_sessions',
  /** `<sessionId>_<memberId>`; the poll function reads the `active` ones as an electorate */
  delegates: 'congress_delegates',
  proposals: 'congress_proposals',
  /** `<proposalId>_<memberId>`: one 附议 invitation and its answer */
  invites: 'congress_invites',
  /** `<proposalId>_<round>_<memberId>`: one rating per person per round */
  ratings: 'congress_ratings',
  /** `<sessionId>_<n>`: claims proposal number n (unique by primary key) */
  numbers: 'congress_numbers',
  /** `<sessionId>_<memberId>`: congress-day sign-in */
  attendance: 'congress_attendance',
  /** `<YYYY-MM-DD>`: the day's overdue escalation ran (primary key = once a day) */
  escalations: 'congress_escalations',
  /** `<sessionId>_open` / `<sessionId>_close`: the collection-window reminder was sent (primary key = once) */
  reminders: 'congress_reminders',
  /** `<proposalId>_<round>_<memberId>`: a 协办人's opinion on the round's answer (one per person per round) */
  coNotes: 'congress_co_notes',
} as const

export interface SessionDoc {
  _id: string
  term: number
  meeting: number
  title: string
  meetingDate: string
  collectFrom: string
  collectTo: string
  reviewDays: number
  minSeconds: number
  agenda: string[]
  /** 提案工作委员会, chosen by the chair */
  committeeIds: string[]
  /** 会议文件: ids of published 校务公开 notices, in the chair's order */
  documentIds?: string[]
  revision: number
  /** createdId of the request that made it (a retry answers the same session) */
  requestKey: string
  createdAt: Date
  updatedAt: Date
}

export interface DelegateDoc {
  _id: string
  sessionId: string
  memberId: string
  name: string
  department: string
  constituency: string
  /** 'active' 代表 (the poll electorate), 'guest' 列席 (never in the electorate), 'removed' */
  state: 'active' | 'guest' | 'removed'
  kind: DelegateKind
  leader: boolean
  removeReason?: string
  updatedAt: Date
}

export interface AnswerEntry {
  round: number
  answerClass: AnswerClass
  text: string
  reason: string
  answeredOn: string
  onTime: boolean
  handlerId: string
  handlerName: string
  /** set when the committee sent this answer back (退回重办) */
  returnedReason?: string
  /** sealed at `congress-answers/<sha256>.<ext>` (answer-files.ts); absent on answers written before files */
  files?: AnswerFile[]
}

export interface AnswerFile { fileId: string; name: string; size: number; sha256: string }

export interface ProposalDoc {
  _id: string
  sessionId: string
  /** 提案号, claimed at the first submission */
  number: number | null
  title: string
  category: ProposalCategory
  reasons: string
  measures: string
  proposerId: string
  proposerName: string
  state: ProposalState
  /** accepted 附议: exact under concurrency (changed only in the accept transaction) */
  seconds: number
  seconderIds: string[]
  /** copied from the session when drafted */
  secondsNeeded: number
  /** people of proposals merged into this one (they rate its answer) */
  followerIds: string[]
  mergedFromIds: string[]
  mergedInto?: string
  decisionReason?: string
  submittedOn?: string
  reviewDue?: string
  decidedBy?: string
  handlerId?: string
  handlerName?: string
  office?: string
  /** 协办部门, as typed (cases assigned before 协办人 existed have only this) */
  coOffices?: string
  /** 协办人: members who see the case and add their opinion to the 主办's answer (never answer it) */
  coHandlers?: Array<{ memberId: string; name: string }>
  dueDate?: string
  round: number
  answers: AnswerEntry[]
  returnedAnswerReason?: string
  /** frozen when the answer goes to rating */
  raterIds: string[]
  /** last day of the current rating round (审核通过 + RATING_DAYS) */
  ratingDue?: string
  /** raters who had not rated when the committee closed a round after its deadline (未评价) */
  unrated?: Array<{ round: number; memberId: string; name: string }>
  /** absent when nobody rated the final round (closed as 未评价) */
  finalRating?: Rating
  /** the final round's ratings; `unrated` counts its raters recorded as 未评价 */
  ratingCounts?: Record<Rating, number> & { unrated?: number }
  fromOpinionId?: string
  searchTerms: string[]
  revision: number
  requestKey: string
  createdAt: Date
  updatedAt: Date
}

/**
 * A proposal as a list row, the board's figures and the caller's part in it read it (store.ts
 * PROPOSAL_ROW): no texts, answers without their text and files. A whole ProposalDoc is one too.
 */
export type ProposalRow = Pick<ProposalDoc, '_id' | 'number' | 'title' | 'category' | 'proposerId' | 'proposerName' | 'state' | 'seconds' | 'secondsNeeded'
  | 'seconderIds' | 'followerIds' | 'handlerId' | 'coHandlers' | 'office' | 'dueDate' | 'reviewDue' | 'ratingDue' | 'finalRating' | 'ratingCounts' | 'createdAt'>
  & { answers: Array<Pick<AnswerEntry, 'answerClass' | 'onTime' | 'returnedReason'>> }

export interface InviteDoc {
  _id: string
  proposalId: string
  sessionId: string
  memberId: string
  name: string
  state: 'invited' | 'accepted' | 'declined'
  at: Date
}

/** One person's entry on one round of a proposal (a rating, a 协办意见): one per person per round. */
interface RoundEntryDoc {
  _id: string
  proposalId: string
  sessionId: string
  round: number
  memberId: string
  name: string
}

export interface RatingDoc extends RoundEntryDoc {
  rating: Rating
  comment: string
  at: Date
}

export interface CoNoteDoc extends RoundEntryDoc {
  text: string
  /** 0 when written; each correction adds 1 and keeps the text it replaced in `history` */
  revision: number
  history: Array<{ text: string; at: Date }>
  at: Date
  updatedAt: Date
}
