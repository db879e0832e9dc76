import {
  opinionAssigneesOutput, opinionCase, opinionCheckCodeOutput, opinionInboxOutput, opinionListQaOutput, opinionMineOutput,
  opinionPublicStatsOutput, opinionSettings, opinionStatsOutput, opinionSubmitOutput, opinionView,
  type InboxFilter, type OpinionRating, type OpinionRef, type OpinionSubmitInput,
} from '../../../types/opinion'
import { call } from '@/services/call'

/**
 * Every opinion-function call the app makes, each checked against its schema. Photos travel as
 * staged uploads (photos.ts), never as bytes; nothing here logs an input (services/call logs only the action).
 */
export const opinionApi = {
  publicQa: (page: number) => call('opinion', 'listQa', { page }, opinionListQaOutput),
  mine: (page: number) => call('opinion', 'mine', { page }, opinionMineOutput),
  submit: (input: OpinionSubmitInput) => call('opinion', 'submit', input, opinionSubmitOutput),
  view: (ref: OpinionRef) => call('opinion', 'view', ref, opinionView),
  followUp: (ref: OpinionRef, text: string) => call('opinion', 'followUp', { ...ref, text }, opinionView),
  rate: (ref: OpinionRef, rating: OpinionRating) => call('opinion', 'rate', { ...ref, rating }, opinionView),
  checkCode: (code: string) => call('opinion', 'checkCode', { code }, opinionCheckCodeOutput),
  publicStats: () => call('opinion', 'publicStats', {}, opinionPublicStatsOutput),
  inbox: (filter: InboxFilter, page: number) => call('opinion', 'inbox', { filter, page }, opinionInboxOutput),
  case: (id: string) => call('opinion', 'case', { id }, opinionCase),
  assignees: () => call('opinion', 'assignees', {}, opinionAssigneesOutput),
  assign: (id: string, assigneeId: string) => call('opinion', 'assign', { id, assigneeId }, opinionCase),
  reply: (id: string, text: string) => call('opinion', 'reply', { id, text }, opinionCase),
  close: (id: string) => call('opinion', 'close', { id }, opinionCase),
  reject: (id: string, reason: string) => call('opinion', 'reject', { id, reason }, opinionCase),
  release: (id: string) => call('opinion', 'release', { id }, opinionCase),
  publishQa: (id: string, question: string, answer: string) => call('opinion', 'publishQa', { id, question, answer }, opinionCase),
  stats: (year?: number) => call('opinion', 'stats', year ? { year } : {}, opinionStatsOutput),
  getSettings: () => call('opinion', 'getSettings', {}, opinionSettings),
  setSettings: (dueDays: number) => call('opinion', 'setSettings', { dueDays }, opinionSettings),
}

