import { COMMITTEE, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

/** 活动报名: members sign up and see their own; committee and chair organise; the reminder is timer-only. */
export const rows: AuthzRows = {
  list: { allowed: MEMBERS, input: { page: 1 } },
  detail: { allowed: MEMBERS, input: { id: 'act001' } },
  register: { allowed: MEMBERS },
  cancel: { allowed: MEMBERS },
  editAnswers: { allowed: MEMBERS },
  mine: { allowed: MEMBERS, input: { page: 1 } },
  checkinToken: { allowed: MEMBERS },
  manageList: { allowed: COMMITTEE, input: { page: 1 } },
  save: { allowed: COMMITTEE },
  editable: { allowed: COMMITTEE, input: { id: 'act001' } },
  publish: { allowed: COMMITTEE },
  cancelActivity: { allowed: COMMITTEE },
  finish: { allowed: COMMITTEE },
  roster: { allowed: COMMITTEE, input: { activityId: 'act001', page: 1 } },
  exportRoster: { allowed: COMMITTEE },
  decide: { allowed: COMMITTEE },
  message: { allowed: COMMITTEE },
  checkin: { allowed: COMMITTEE },
  registerFor: { allowed: COMMITTEE },
  checkinByRoster: { allowed: COMMITTEE },
  remind: { allowed: [] },
}
