import {
  activityDetail, activityListOutput, activityManageListOutput, cancelActivityOutput, checkinOutput, checkinTokenOutput, decideOutput, editableOutput,
  exportRosterOutput, messageOutput, mineOutput, myRegistration, rosterOutput, savedActivity, signupOutcome,
  type ActivityEditable, type Answers, type RegistrationState,
} from '../../../types/activity'
import { call } from '@/services/call'

/**
 * The activity function's actions, each with the schema its answer is checked against. Beside
 * the activity components (main package) because the 活动 tab and the subpackage both use it.
 */
export const activityApi = {
  list: (page: number, q = '') => call('activity', 'list', { page, ...(q ? { q } : {}) }, activityListOutput),
  detail: (id: string) => call('activity', 'detail', { id }, activityDetail),
  register: (input: { activityId: string; answers: Answers; guests: number }) => call('activity', 'register', input, signupOutcome),
  cancel: (activityId: string) => call('activity', 'cancel', { activityId }, myRegistration),
  editAnswers: (input: { activityId: string; answers: Answers; revision: number }) => call('activity', 'editAnswers', input, myRegistration),
  registerFor: (input: { activityId: string; memberId: string; answers: Answers; guests: number }) => call('activity', 'registerFor', input, signupOutcome),
  checkinByRoster: (registrationId: string) => call('activity', 'checkinByRoster', { registrationId }, checkinOutput),
  mine: (page: number) => call('activity', 'mine', { page }, mineOutput),
  checkinToken: (activityId: string) => call('activity', 'checkinToken', { activityId }, checkinTokenOutput),
  manageList: (page: number) => call('activity', 'manageList', { page }, activityManageListOutput),
  editable: (id: string) => call('activity', 'editable', { id }, editableOutput),
  save: (input: { id?: string; requestId?: string; revision?: number; activity: ActivityEditable }) => call('activity', 'save', input, savedActivity),
  publish: (id: string) => call('activity', 'publish', { id }, savedActivity),
  cancelActivity: (id: string, reason: string) => call('activity', 'cancelActivity', { id, reason }, cancelActivityOutput),
  finish: (id: string) => call('activity', 'finish', { id }, savedActivity),
  roster: (input: { activityId: string; state?: RegistrationState; checkedIn?: boolean; page: number }) => call('activity', 'roster', input, rosterOutput),
  exportRoster: (id: string) => call('activity', 'exportRoster', { id }, exportRosterOutput),
  decide: (registrationId: string, approve: boolean, reason?: string) => call('activity', 'decide', { registrationId, approve, ...(reason ? { reason } : {}) }, decideOutput),
  message: (activityId: string, text: string, requestId: string) => call('activity', 'message', { activityId, text, requestId }, messageOutput),
  checkin: (token: string) => call('activity', 'checkin', { token }, checkinOutput),
}
