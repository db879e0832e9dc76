import {
  archiveProgress, calendarOutput, fileOutput, itemHistory, linkCandidates, meetingList, meetingView, planItemView, planPeople, planView, summaryOutput,
  type LinkKind,
} from '../../../types/plan'
import { call } from '@/services/call'

type ItemFields = { year: number; month: number; date?: string | null; title: string; category: string; ownerId: string; note: string; public: boolean }
type MeetingFields = {
  type: string; date: string; place: string; attendeeIds: string[]; absent: Array<{ memberId: string; reason: string }>; agenda: string[]; minutes: string
  decisions: Array<{ text: string; ownerId: string; due: string }>
  files: Array<{ fileId: string; name: string; size: number }>
}

/** The plan function's actions, each with the schema its answer is checked against (main package: the 我的 entry uses it). */
export const planApi = {
  get: (year: number) => call('plan', 'get', { year }, planView),
  copy: (year: number, fromYear: number) => call('plan', 'copy', { year, fromYear }, planView),
  adopt: (year: number, revision: number) => call('plan', 'adopt', { year, revision }, planView),
  updateNotice: (year: number, noticeVersion: number) => call('plan', 'updateNotice', { year, noticeVersion }, planView),
  addItem: (input: ItemFields & { requestId: string }) => call('plan', 'addItem', input, planItemView),
  editItem: (input: ItemFields & { id: string; revision: number }) => call('plan', 'editItem', input, planItemView),
  linkItem: (id: string, revision: number, link: { kind: LinkKind; id: string } | null) => call('plan', 'linkItem', { id, revision, link }, planItemView),
  cancelItem: (id: string, revision: number, reason: string) => call('plan', 'cancelItem', { id, revision, reason }, planItemView),
  markDone: (id: string, revision: number, done: boolean) => call('plan', 'markDone', { id, revision, done }, planItemView),
  history: (id: string) => call('plan', 'itemHistory', { id }, itemHistory),
  candidates: (kind: LinkKind) => call('plan', 'linkCandidates', { kind }, linkCandidates),
  people: () => call('plan', 'people', {}, planPeople),
  calendar: (month: string) => call('plan', 'calendar', { month }, calendarOutput),
  meetings: (year: number, page: number) => call('plan', 'meetings', { year, page }, meetingList),
  meeting: (id: string) => call('plan', 'meeting', { id }, meetingView),
  recordMeeting: (input: MeetingFields & { requestId: string }) => call('plan', 'recordMeeting', input, meetingView),
  editMeeting: (input: MeetingFields & { id: string; revision: number }) => call('plan', 'editMeeting', input, meetingView),
  publishMeeting: (id: string, revision: number) => call('plan', 'publishMeeting', { id, revision }, meetingView),
  summary: (year: number) => call('plan', 'summary', { year }, summaryOutput),
  exportSummary: (year: number, text: string[]) => call('plan', 'exportSummary', { year, text }, fileOutput),
  archive: (year: number, requestId: string) => call('plan', 'archive', { year, requestId }, archiveProgress),
}
