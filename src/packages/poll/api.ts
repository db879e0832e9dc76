import {
  ballotsOutput, castOutput, commentsOutput, delegateSessionsOutput, electoratePreviewOutput, fileOutput, findBallotOutput, nonVotersOutput,
  pollConsole, pollDetail, pollListOutput, pollRemindOutput, pollResults, pollSavedOutput, publishOutput, runoffOutput, slipStatusOutput,
  slipsPrintOutput, type BallotInput, type Electorate, type PollSaveInput,
} from '../../../types/poll'
import * as z from 'zod/mini'
import { call } from '@/services/call'

/** The poll function's actions, each with the schema its answer is checked against. */
export const pollApi = {
  list: (page: number) => call('poll', 'list', { page }, pollListOutput),
  detail: (id: string) => call('poll', 'detail', { id }, pollDetail),
  cast: (id: string, ballot: BallotInput) => call('poll', 'cast', { id, ballot }, castOutput),
  checkSlip: (id: string, code: string) => call('poll', 'checkSlip', { id, code }, slipStatusOutput),
  castBySlip: (id: string, code: string, ballot: BallotInput) => call('poll', 'castBySlip', { id, code, ballot }, castOutput),
  results: (id: string) => call('poll', 'results', { id }, pollResults),
  comments: (id: string, itemId: string, page: number) => call('poll', 'comments', { id, itemId, page }, commentsOutput),
  ballots: (id: string, page: number) => call('poll', 'ballots', { id, page }, ballotsOutput),
  findBallot: (id: string, tracker: string) => call('poll', 'findBallot', { id, tracker }, findBallotOutput),
  manageList: (page: number) => call('poll', 'manageList', { page }, pollListOutput),
  console: (id: string) => call('poll', 'console', { id }, pollConsole),
  save: (input: PollSaveInput) => call('poll', 'save', input, pollSavedOutput),
  discard: (id: string, revision: number) => call('poll', 'discard', { id, revision }, z.object({ id: z.string() })),
  previewElectorate: (electorate: Electorate) => call('poll', 'previewElectorate', { electorate }, electoratePreviewOutput),
  delegateSessions: () => call('poll', 'delegateSessions', {}, delegateSessionsOutput),
  report: (id: string, format: 'docx' | 'xlsx') => call('poll', 'report', { id, format }, fileOutput),
  open: (id: string, revision: number) => call('poll', 'open', { id, revision }, pollConsole),
  close: (id: string) => call('poll', 'close', { id }, pollConsole),
  publish: (id: string, publicityDays: number) => call('poll', 'publish', { id, publicityDays }, publishOutput),
  runoff: (id: string) => call('poll', 'runoff', { id }, runoffOutput),
  printSlips: (id: string, count: number, requestId: string) => call('poll', 'printSlips', { id, count, requestId }, slipsPrintOutput),
  issueSlip: (id: string, memberId: string) => call('poll', 'issueSlip', { id, memberId }, z.object({ issued: z.int(), name: z.string() })),
  nonVoters: (id: string, page: number) => call('poll', 'nonVoters', { id, page }, nonVotersOutput),
  remind: (id: string) => call('poll', 'remind', { id }, pollRemindOutput),
}
