import { CONGRESS_PEOPLE, DEMO_SESSION_ID, demoProposalId as P } from '../../../emulator/seed/congress'
import { addDays, shanghaiDate } from '../../../cloudfunctions/_shared/time'
import { CHAIR, COMMITTEE, DELEGATES, MEMBERS, PROPOSAL_COMMITTEE, type CallerKind } from '../callers'
import type { AuthzRows } from './types'

/**
 * 教代会: every member reads the board and every proposal; the per-session and per-case roles are
 * checked inside the actions against the demo session's records (callers.ts names who holds which):
 * only 代表 draft, only the proposer invites and submits, only an invited 代表 seconds, only the
 * proposal's raters rate, only the case's 承办人 answers (its 协办人 adds an opinion, never the answer), only the 提案工作委员会 (and the chair)
 * decide, assign, review, close a round, sign in, export and convert an opinion; 代表 and 列席 get a
 * 签到码. People and the session are managed by the union committee and the chair; timers are timer-only.
 *
 * The inputs are complete, so an allowed caller passes the role check and meets the next refusal
 * that writes nothing — mostly a stale revision (the seed's proposals are at revision 3), a meeting
 * day still ahead or an opinion that does not exist: the rows prove who gets past the role check
 * without moving the demo cases.
 */
const SESSION = { sessionId: DEMO_SESSION_ID }
const STALE = 0
const inDays = (n: number) => addDays(shanghaiDate(new Date()), n)
const PROPOSER: CallerKind[] = ['member'] // 张明 drafted 'draft-ac'
const HANDLER: CallerKind[] = ['handler'] // 曹建国 handles 'assigned'
const OK: Array<'ok'> = ['ok']
const REFUSED: Array<'CONFLICT'> = ['CONFLICT']
const FIELDS = { title: '关于矩阵测试的建议', category: '后勤保障', reasons: '理由。', measures: '办法。' }

export const rows: AuthzRows = {
  // the board opens with one call; the desk with one call, for the 提案工作委员会 and the chair only (checked inside)
  board: { allowed: MEMBERS, input: {} },
  desk: { allowed: PROPOSAL_COMMITTEE, input: SESSION, passes: OK },
  sessions: { allowed: MEMBERS, input: {} },
  session: { allowed: MEMBERS, input: SESSION },
  delegates: { allowed: MEMBERS, input: SESSION },
  list: { allowed: MEMBERS, input: { ...SESSION, page: 1 } },
  detail: { allowed: MEMBERS, input: { id: P('assigned') }, passes: OK },
  // every member opens an answer's files (the seeded answers have none: NOT_FOUND after the case is read)
  answerFile: { allowed: MEMBERS, input: { id: P('closed'), round: 1, index: 0 }, passes: ['NOT_FOUND'] },
  similar: { allowed: MEMBERS, input: { ...SESSION, title: '食堂午餐' } },
  mine: { allowed: MEMBERS, input: {} },
  // another member's 履职档案: the committee's (one's own is every member's)
  dossier: { allowed: PROPOSAL_COMMITTEE, input: { ...SESSION, memberId: CONGRESS_PEOPLE.delegate }, passes: OK },
  attendance: { allowed: MEMBERS, input: SESSION },
  // the meeting is ahead: a 代表 or 列席 is told when (CONFLICT); anyone else may not have a code
  checkinToken: { allowed: [...DELEGATES, 'observer'], input: SESSION, passes: REFUSED },
  // a new draft: 代表 only (each allowed caller makes one draft in the matrix's own environment)
  saveProposal: { allowed: DELEGATES, input: { ...SESSION, ...FIELDS, requestId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' }, passes: OK },
  // re-inviting the one already invited writes nothing
  invite: { allowed: PROPOSER, input: { id: P('draft-ac'), memberIds: ['mem010'] }, passes: OK },
  // 赵磊 already seconded 'draft-ac' (CONFLICT); a 代表 not invited may not
  respond: { allowed: ['delegate'], input: { id: P('draft-ac'), accept: true }, passes: REFUSED },
  submit: { allowed: PROPOSER, input: { id: P('draft-ac'), revision: STALE }, passes: REFUSED },
  // 张明 is one of the raters of 'rating' (he rates once, the round stays open)
  rate: { allowed: PROPOSER, input: { id: P('rating'), rating: 'satisfied' }, passes: OK },
  // the 协办人 of 'assigned' corrects his opinion against a stale revision (CONFLICT); nobody else writes one
  coNote: { allowed: ['coHandler'], input: { id: P('assigned'), text: '矩阵测试的协办意见。', revision: 5 }, passes: REFUSED },
  answer: { allowed: HANDLER, input: { id: P('assigned'), revision: STALE, answerClass: 'A', text: '矩阵测试的答复。' }, passes: REFUSED },
  decide: { allowed: PROPOSAL_COMMITTEE, input: { id: P('submitted'), revision: STALE, decision: 'accept' }, passes: REFUSED },
  assign: { allowed: PROPOSAL_COMMITTEE, input: { id: P('accepted'), revision: STALE, handlerId: CONGRESS_PEOPLE.handler, office: '后勤处', dueDate: inDays(10) }, passes: REFUSED },
  reviewAnswer: { allowed: PROPOSAL_COMMITTEE, input: { id: P('answered'), revision: STALE, approve: true }, passes: REFUSED },
  // the round's deadline is ahead: CONFLICT
  closeRating: { allowed: PROPOSAL_COMMITTEE, input: { id: P('rating'), revision: STALE }, passes: REFUSED },
  checkin: { allowed: PROPOSAL_COMMITTEE, input: { ...SESSION, memberIds: [CONGRESS_PEOPLE.delegate] }, passes: OK },
  fromOpinion: { allowed: PROPOSAL_COMMITTEE, input: { ...SESSION, opinionId: 'ffffffffffffffffffffffffffffffff', requestId: 'b1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' }, passes: ['NOT_FOUND'] },
  exportRecords: { allowed: PROPOSAL_COMMITTEE, input: { ...SESSION, kind: 'ledger' }, passes: OK },
  // union committee and chair, or a 提案委员 of the latest session
  findMembers: { allowed: PROPOSAL_COMMITTEE, input: { query: '张' }, passes: OK },
  addDelegate: { allowed: COMMITTEE },
  removeDelegate: { allowed: COMMITTEE },
  saveSession: { allowed: CHAIR },
  setCommittee: { allowed: CHAIR },
  setDocuments: { allowed: CHAIR },
  escalate: { allowed: [] },
  remindCollection: { allowed: [] },
  closeExpiredRatings: { allowed: [] },
}
