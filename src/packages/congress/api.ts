import * as z from 'zod/mini'
import {
  answerFileOutput, attendanceOutput, boardOutput, congressCheckinTokenOutput, delegateListOutput, deskOutput, dossierOutput, exportOutput, membersOutput, myCongressOutput, proposalDetail, proposalListOutput, savedOutput,
  sessionView, similarOutput, stateOutput, type AnswerClass, type AnswerFileInput, type Decision, type ProposalCategory, type ProposalState, type Rating,
} from '../../../types/congress'
import { call } from '@/services/call'

const ok = z.object({ id: z.string(), state: z.string() })

export interface ProposalFields { title: string; category: ProposalCategory; reasons: string; measures: string }

/** The congress function's actions, each with the schema its answer is checked against. */
export const congressApi = {
  mine: () => call('congress', 'mine', {}, myCongressOutput),
  /** 教代会提案 opens with this one call: the session (the latest when none is named) and the first page under the filter */
  board: (sessionId: string | undefined, filter: { state?: ProposalState; mine?: boolean } = {}) =>
    call('congress', 'board', { ...(sessionId ? { sessionId } : {}), ...(filter.state ? { state: filter.state } : {}), ...(filter.mine ? { mine: true } : {}) }, boardOutput),
  /** 提案工作台 opens with this one call: the session, each queue's first page and total, the quorum */
  desk: (sessionId: string | undefined) => call('congress', 'desk', sessionId ? { sessionId } : {}, deskOutput),
  session: (sessionId: string) => call('congress', 'session', { sessionId }, sessionView),
  delegates: (sessionId: string) => call('congress', 'delegates', { sessionId }, delegateListOutput),
  list: (sessionId: string, page: number, filter: { state?: ProposalState; mine?: boolean } = {}) => call('congress', 'list', { sessionId, page, ...filter }, proposalListOutput),
  detail: (id: string) => call('congress', 'detail', { id }, proposalDetail),
  /** a link to one answer file (refused when its stored bytes no longer match the sealed hash) */
  answerFile: (id: string, round: number, index: number) => call('congress', 'answerFile', { id, round, index }, answerFileOutput),
  similar: (sessionId: string, title: string, excludeId?: string) => call('congress', 'similar', { sessionId, title, ...(excludeId ? { excludeId } : {}) }, similarOutput),
  save: (sessionId: string, fields: ProposalFields, at: { requestId: string } | { id: string; revision: number }) => call('congress', 'saveProposal', { sessionId, ...fields, ...at }, savedOutput),
  invite: (id: string, memberIds: string[]) => call('congress', 'invite', { id, memberIds }, z.object({ invited: z.int() })),
  respond: (id: string, accept: boolean) => call('congress', 'respond', { id, accept }, z.object({ seconds: z.int(), state: z.string() })),
  submit: (id: string, revision: number) => call('congress', 'submit', { id, revision }, stateOutput),
  decide: (id: string, revision: number, decision: Decision, reason: string, intoId?: string) => call('congress', 'decide', { id, revision, decision, reason, ...(intoId ? { intoId } : {}) }, ok),
  assign: (id: string, revision: number, input: { handlerId: string; office: string; coOffices: string; coHandlerIds: string[]; dueDate: string }) => call('congress', 'assign', { id, revision, ...input }, ok),
  /** a 协办人's opinion on the answer: first written (no revision) or corrected against the revision shown */
  coNote: (id: string, text: string, revision?: number) => call('congress', 'coNote', { id, text, ...(revision === undefined ? {} : { revision }) }, z.object({ id: z.string(), revision: z.int() })),
  answer: (id: string, revision: number, input: { answerClass: AnswerClass; text: string; reason: string; files: AnswerFileInput[] }) => call('congress', 'answer', { id, revision, ...input }, ok),
  reviewAnswer: (id: string, revision: number, approve: boolean, reason: string) => call('congress', 'reviewAnswer', { id, revision, approve, reason }, ok),
  closeRating: (id: string, revision: number) => call('congress', 'closeRating', { id, revision }, z.object({ state: z.string(), round: z.int(), unrated: z.int() })),
  rate: (id: string, rating: Rating, comment: string) => call('congress', 'rate', { id, rating, comment }, z.object({ state: z.string(), round: z.int() })),
  findMembers: (query: string) => call('congress', 'findMembers', { query }, membersOutput),
  saveSession: (input: Record<string, unknown>) => call('congress', 'saveSession', input, z.object({ id: z.string(), revision: z.int() })),
  setDocuments: (sessionId: string, revision: number, noticeIds: string[]) => call('congress', 'setDocuments', { sessionId, revision, noticeIds }, z.object({ id: z.string(), revision: z.int() })),
  setCommittee: (sessionId: string, revision: number, memberIds: string[]) => call('congress', 'setCommittee', { sessionId, revision, memberIds }, z.object({ id: z.string(), revision: z.int() })),
  addDelegate: (sessionId: string, memberId: string, constituency: string, kind: 'delegate' | 'guest', leader: boolean) => call('congress', 'addDelegate', { sessionId, memberId, constituency, kind, leader }, z.object({ memberId: z.string() })),
  removeDelegate: (sessionId: string, memberId: string, reason: string) => call('congress', 'removeDelegate', { sessionId, memberId, reason }, z.object({ memberId: z.string() })),
  checkin: (sessionId: string, memberIds: string[]) => call('congress', 'checkin', { sessionId, memberIds }, attendanceOutput),
  /** the committee scanned a 代表's 签到码 */
  checkinByToken: (sessionId: string, token: string) => call('congress', 'checkin', { sessionId, token }, attendanceOutput),
  /** 我的签到码 (代表 and 列席, on the meeting day) */
  checkinToken: (sessionId: string) => call('congress', 'checkinToken', { sessionId }, congressCheckinTokenOutput),
  attendance: (sessionId: string) => call('congress', 'attendance', { sessionId }, attendanceOutput),
  dossier: (sessionId: string) => call('congress', 'dossier', { sessionId }, dossierOutput),
  exportRecords: (sessionId: string, kind: 'compilation' | 'report' | 'ledger') => call('congress', 'exportRecords', { sessionId, kind }, exportOutput),
}
