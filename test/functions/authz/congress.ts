import { COMMITTEE, CHAIR, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

/**
 * 教代会: every member reads the board and every proposal; 代表, 提案工作委员会 and 承办人 are per
 * session or per case, checked inside the actions (the matrix sees them as members); people and the
 * session are managed by the committee and the chair; the escalation is timer-only.
 */
const SESSION = { sessionId: 'congress-5-3' }
export const rows: AuthzRows = {
  sessions: { allowed: MEMBERS, input: {} },
  session: { allowed: MEMBERS, input: SESSION },
  delegates: { allowed: MEMBERS, input: SESSION },
  list: { allowed: MEMBERS, input: { ...SESSION, page: 1 } },
  detail: { allowed: MEMBERS },
  similar: { allowed: MEMBERS, input: { title: '食堂午餐' } },
  mine: { allowed: MEMBERS, input: {} },
  dossier: { allowed: MEMBERS, input: SESSION },
  attendance: { allowed: MEMBERS, input: SESSION },
  saveProposal: { allowed: MEMBERS },
  invite: { allowed: MEMBERS },
  respond: { allowed: MEMBERS },
  submit: { allowed: MEMBERS },
  rate: { allowed: MEMBERS },
  answer: { allowed: MEMBERS },
  decide: { allowed: MEMBERS },
  assign: { allowed: MEMBERS },
  reviewAnswer: { allowed: MEMBERS },
  closeRating: { allowed: MEMBERS },
  checkin: { allowed: MEMBERS },
  fromOpinion: { allowed: MEMBERS },
  exportRecords: { allowed: MEMBERS },
  findMembers: { allowed: MEMBERS },
  addDelegate: { allowed: COMMITTEE },
  removeDelegate: { allowed: COMMITTEE },
  saveSession: { allowed: CHAIR },
  setCommittee: { allowed: CHAIR },
  setDocuments: { allowed: CHAIR },
  escalate: { allowed: [] },
  remindCollection: { allowed: [] },
}
