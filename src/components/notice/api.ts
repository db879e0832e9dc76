import * as z from 'zod/mini'
import {
  noticeDetail, noticeExportOutput, noticeIdOutput, noticeManageListOutput, noticeObjectionsOutput, noticeReadersOutput,
  noticeRemindOutput, noticeVersionOutput, type NoticeBlock, type NoticeCategory, type NoticeVisibility,
} from '../../../types/notice'
import { call } from '@/services/call'

export interface AttachmentValue { fileId: string; name: string; size: number }

export interface NoticeDraftValue {
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  pinned: boolean
  body: NoticeBlock[]
  attachments: AttachmentValue[]
  publicity: { startDate: string; endDate: string } | null
}

const ok = z.object({ id: z.string() })

/** Every notice action beyond the list, each with the schema its answer is checked against. */
export const noticeApi = {
  get: (id: string, version?: number) => call('notice', 'get', version ? { id, version } : { id }, noticeDetail),
  manageList: (state: 'draft' | 'published' | 'withdrawn', page: number) => call('notice', 'manageList', { state, page }, noticeManageListOutput),
  createDraft: (draft: NoticeDraftValue) => call('notice', 'createDraft', draft, noticeIdOutput),
  updateDraft: (id: string, draft: NoticeDraftValue) => call('notice', 'updateDraft', { id, ...draft }, noticeIdOutput),
  publish: (id: string) => call('notice', 'publish', { id }, noticeVersionOutput),
  correct: (input: { id: string; version: number; title: string; body: NoticeBlock[]; attachments: AttachmentValue[]; reason: string }) =>
    call('notice', 'correct', input, noticeVersionOutput),
  withdraw: (id: string, reason: string) => call('notice', 'withdraw', { id, reason }, ok),
  pin: (id: string, pinned: boolean) => call('notice', 'pin', { id, pinned }, ok),
  readers: (id: string, page: number) => call('notice', 'readers', { id, page }, noticeReadersOutput),
  remindUnread: (id: string) => call('notice', 'remindUnread', { id }, noticeRemindOutput),
  object: (id: string, text: string) => call('notice', 'object', { id, text }, ok),
  objections: (id: string, page: number) => call('notice', 'objections', { id, page }, noticeObjectionsOutput),
  answerObjection: (objectionId: string, answer: string) => call('notice', 'answerObjection', { objectionId, answer }, ok),
  exportFiling: (id: string) => call('notice', 'exportFiling', { id }, noticeExportOutput),
  exportLedger: (from: string, to: string) => call('notice', 'exportLedger', { from, to }, noticeExportOutput),
}
