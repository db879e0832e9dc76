/**
 * The ballot engine's collections. Who voted and what was voted are kept in different
 * collections that share nothing but the poll id:
 *
 *   poll_rosters   the frozen electorate of a poll (member ids), written once at opening
 *   poll_electors  one row per person on that roster (name for the chair's 未投票名单, `voted`)
 *   poll_receipts  `<pollId>_<memberId>`: this member has voted (unique — the one ballot rule)
 *   poll_ballots   ballot slots: created empty at opening (as many as the roster, random ids, in
 *                  one batch), filled at casting — so neither the ids, nor the database's own
 *                  insertion order, nor any field says who cast a ballot or when
 *   poll_slips     one-time 评议码 for voters without a phone (keyed hash of the code, no name)
 *   poll_results   the tally, computed once at closing
 *   poll_comments  the comments of subjects with enough ballots, copied out at closing
 */
import type { Electorate, Grade, Majority, PollKind, RuleBase, VoteChoice } from '../../types/poll'

export const POLL_COLLECTIONS = {
  polls: 'polls',
  rosters: 'poll_rosters',
  electors: 'poll_electors',
  receipts: 'poll_receipts',
  ballots: 'poll_ballots',
  slips: 'poll_slips',
  slipBatches: 'poll_slip_batches',
  results: 'poll_results',
  comments: 'poll_comments',
  /** owned by the 教代会 function (issue #16); read here for the 代表 electorate */
  delegates: 'congress_delegates',
} as const

/**
 * draft → opening → open → closing → closed → publishing → published; `discarded` drafts stay.
 * opening/closing/publishing are resumable steps: a retry of the same action finishes them.
 */
export type StoredPollState = 'draft' | 'opening' | 'open' | 'closing' | 'closed' | 'publishing' | 'published' | 'discarded'

export interface StoredItem {
  /** 'i1', 'i2' … in the order the organiser listed them */
  id: string
  name: string
  note: string
}

export interface PollDoc {
  _id: string
  title: string
  kind: PollKind
  description: string
  items: StoredItem[]
  allowUnknown: boolean
  criteria: boolean
  comments: boolean
  seats: number
  rule: { base: RuleBase; majority: Majority }
  quorum: Majority
  electorate: Electorate
  closesAt: Date
  state: StoredPollState
  /** +1 on every draft edit; opening and discarding name the revision they act on */
  revision: number
  /** 1 for a first round; a run-off is round + 1 with `parentId` */
  round: number
  parentId?: string
  runoffId?: string
  /** set at opening */
  rosterSize?: number
  fingerprint?: string
  openedAt?: Date
  /** set at closing */
  closedAt?: Date
  outcome?: 'valid' | 'void'
  /** 评议码: printed (codes exist), issued (a member's receipt was written for one), used (a ballot was cast with one) */
  slipsPrinted: number
  slipsIssued: number
  slipsUsed: number
  /** cloud paths of the printed slip files, overwritten at closing (the codes are worthless then) */
  slipFiles: string[]
  /** set once every slip file has been overwritten: until then a repeated close or the timer does it */
  slipFilesVoided?: boolean
  noticeId?: string
  /** publishing: who holds the step and since when (a stale claim may be taken over) */
  claim?: { token: string; at: Date }
  /** reminders: opening message sent to the roster; closing-soon sent; the chair's last manual reminder */
  remindedOpening?: boolean
  remindedClosing?: boolean
  lastRemindedAt?: Date
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** `_id` = pollId. The frozen electorate, written once (a retry of opening reuses it). */
export interface RosterDoc {
  _id: string
  pollId: string
  memberIds: string[]
  fingerprint: string
  /** seed of the slot ids: makes opening idempotent without any id recording an order */
  slotSeed: string
}

/** `_id` = `<pollId>_<memberId>`; `voted` turns true in the casting (or slip-issuing) transaction. */
export interface ElectorDoc {
  _id: string
  pollId: string
  memberId: string
  name: string
  department: string
  voted: boolean
  /** the poll's opening (the same for every elector): orders a member's list of polls */
  openedAt: Date
}

/** `_id` = `<pollId>_<memberId>`. No time, no ballot reference, no way to tell a phone vote from a slip. */
export interface ReceiptDoc {
  _id: string
  pollId: string
  memberId: string
}

/**
 * A ballot slot. `_id` is random-looking (HMAC of a per-poll seed and a slot number) and slots
 * are created together before anyone votes; casting fills a randomly chosen empty slot.
 * A cast ballot holds the choices and the tracker — nothing else.
 */
export interface BallotDoc {
  _id: string
  pollId: string
  round: number
  state: 'empty' | 'cast' | 'sealed'
  choices?: StoredChoices
  tracker?: string
}

/** Choices aligned with the poll's items (by index), so no key carries the voter's screen order. */
export interface StoredChoices {
  grades?: Grade[]
  criteria?: Grade[][]
  /** '' where no comment was written */
  comments?: string[]
  /** 评选: chosen item ids, sorted */
  picks?: string[]
  votes?: VoteChoice[]
}

/** `_id` = HMAC(APP_SECRET, pollId, code): the code cannot be read back from the database. */
export interface SlipDoc {
  _id: string
  pollId: string
  used: boolean
}

/** One printing (`_id` from the request id, so a retry hands back the same file). */
export interface SlipBatchDoc {
  _id: string
  pollId: string
  count: number
  fileId?: string
  fileName?: string
}

export interface CommentDoc {
  _id: string
  pollId: string
  itemId: string
  text: string
}

/** A 代表 of a 教代会 session (the 教代会 function writes these). */
export interface DelegateDoc {
  _id: string
  sessionId: string
  memberId: string
  name: string
  constituency: string
  state: 'active' | 'removed'
}
