import { CHAIR, COMMITTEE, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

/** 工作计划: members read the calendar; the committee keeps items and meetings; the chair edits, adopts and archives the plan. */
export const rows: AuthzRows = {
  calendar: { allowed: MEMBERS, input: { month: '2026-03' } },
  get: { allowed: COMMITTEE, input: { year: 2026 } },
  items: { allowed: COMMITTEE, input: { year: 2026 } },
  addItem: { allowed: COMMITTEE },
  editItem: { allowed: COMMITTEE },
  linkItem: { allowed: COMMITTEE },
  cancelItem: { allowed: COMMITTEE },
  markDone: { allowed: COMMITTEE },
  itemHistory: { allowed: COMMITTEE },
  linkCandidates: { allowed: COMMITTEE, input: { kind: 'activity' } },
  people: { allowed: COMMITTEE, input: {} },
  meetings: { allowed: COMMITTEE, input: { year: 2026, page: 1 } },
  meeting: { allowed: COMMITTEE },
  recordMeeting: { allowed: COMMITTEE },
  editMeeting: { allowed: COMMITTEE },
  summary: { allowed: COMMITTEE, input: { year: 2026 } },
  save: { allowed: CHAIR },
  copy: { allowed: CHAIR },
  adopt: { allowed: CHAIR },
  updateNotice: { allowed: CHAIR },
  publishMeeting: { allowed: CHAIR },
  exportSummary: { allowed: CHAIR },
  archive: { allowed: CHAIR },
  remindOwners: { allowed: [] },
}
