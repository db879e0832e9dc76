import * as z from 'zod/mini'
import { activityManageListOutput } from '../../../types/activity'
import {
  noticeDetail, noticeExportOutput, noticeFileOutput, noticeIdOutput, noticeManageListOutput, noticeObjectionsOutput, noticePendingObjectionsOutput,
  noticeReadersOutput, noticeRemindOutput, noticeVersionOutput, type NoticeBlock, type NoticeCategory, type NoticeLinkInput, type NoticeVisibility,
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
  link: NoticeLinkInput | null
}

const ok = z.object({ id: z.string() })

/** Every notice action beyond the list, each with the schema its answer is checked against. */
export const noticeApi = {
  get: (id: string, version?: number) => call('notice', 'get', version ? { id, version } : { id }, noticeDetail),
  /** a link to attachment `index` of the version shown, after the function has checked the file's hash */
  file: (id: string, index: number, version?: number) => call('notice', 'file', version ? { id, index, version } : { id, index }, noticeFileOutput),
  manageList: (state: 'draft' | 'published' | 'withdrawn', page: number) => call('notice', 'manageList', { state, page }, noticeManageListOutput),
  /** `requestId` is the form's (useRequestId): a retry or a double tap makes one draft */
  createDraft: (draft: NoticeDraftValue, requestId: string) => call('notice', 'createDraft', { ...draft, requestId }, noticeIdOutput),
  updateDraft: (id: string, revision: number, draft: NoticeDraftValue) => call('notice', 'updateDraft', { id, revision, ...draft }, noticeIdOutput),
  publish: (id: string) => call('notice', 'publish', { id }, noticeVersionOutput),
  correct: (input: { id: string; version: number; title: string; body: NoticeBlock[]; attachments: AttachmentValue[]; reason: string }) =>
    call('notice', 'correct', input, noticeVersionOutput),
  withdraw: (id: string, reason: string) => call('notice', 'withdraw', { id, reason }, ok),
  pin: (id: string, pinned: boolean) => call('notice', 'pin', { id, pinned }, ok),
  readers: (id: string, page: number) => call('notice', 'readers', { id, page }, noticeReadersOutput),
  remindUnread: (id: string) => call('notice', 'remindUnread', { id }, noticeRemindOutput),
  object: (id: string, text: string, requestId: string) => call('notice', 'object', { id, text, requestId }, ok),
  objections: (id: string, page: number) => call('notice', 'objections', { id, page }, noticeObjectionsOutput),
  pendingObjections: (page: number) => call('notice', 'pendingObjections', { page }, noticePendingObjectionsOutput),
  answerObjection: (objectionId: string, answer: string) => call('notice', 'answerObjection', { objectionId, answer }, ok),
  exportFiling: (id: string) => call('notice', 'exportFiling', { id }, noticeExportOutput),
  exportLedger: (from: string, to: string) => call('notice', 'exportLedger', { from, to }, noticeExportOutput),
  /** activities a notice can announce (去报名), for the editor's picker */
  activities: () => call('activity', 'manageList', { page: 1 }, activityManageListOutput),
}
