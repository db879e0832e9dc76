import { CHAIR, COMMITTEE, EVERYONE, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  list: { allowed: EVERYONE, input: { page: 1 } },
  get: { allowed: EVERYONE },
  file: { allowed: EVERYONE },
  manageList: { allowed: COMMITTEE, input: { state: 'draft' } },
  createDraft: { allowed: COMMITTEE },
  updateDraft: { allowed: COMMITTEE },
  publish: { allowed: CHAIR },
  correct: { allowed: CHAIR },
  withdraw: { allowed: CHAIR },
  pin: { allowed: CHAIR },
  readers: { allowed: CHAIR },
  remindUnread: { allowed: CHAIR },
  object: { allowed: MEMBERS },
  objections: { allowed: CHAIR },
  pendingObjections: { allowed: CHAIR },
  answerObjection: { allowed: CHAIR },
  exportFiling: { allowed: CHAIR },
  exportLedger: { allowed: CHAIR },
}
