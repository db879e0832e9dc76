import { CHAIR, COMMITTEE, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

/** Timer-only actions (remindOverdue, purgeCounters, releaseBatch, demoRelease) allow no WeChat caller at all. */
export const rows: AuthzRows = {
  listQa: { allowed: MEMBERS, input: { page: 1 } },
  mine: { allowed: MEMBERS, input: { page: 1 } },
  submit: { allowed: MEMBERS },
  view: { allowed: MEMBERS },
  followUp: { allowed: MEMBERS },
  rate: { allowed: MEMBERS },
  checkCode: { allowed: MEMBERS },
  publicStats: { allowed: MEMBERS, input: {} },
  inbox: { allowed: COMMITTEE, input: { page: 1 } },
  case: { allowed: COMMITTEE },
  reply: { allowed: COMMITTEE },
  close: { allowed: COMMITTEE },
  assignees: { allowed: CHAIR, input: {} },
  assign: { allowed: CHAIR },
  reject: { allowed: CHAIR },
  release: { allowed: CHAIR },
  publishQa: { allowed: CHAIR },
  getSettings: { allowed: CHAIR, input: {} },
  setSettings: { allowed: CHAIR },
  stats: { allowed: CHAIR, input: {} },
  remindOverdue: { allowed: [] },
  purgeCounters: { allowed: [] },
  releaseBatch: { allowed: [] },
  demoRelease: { allowed: [] },
}
