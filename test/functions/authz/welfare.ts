import { CHAIR, COMMITTEE } from '../callers'
import type { AuthzRows } from './types'

/** 慰问记录: committee and chair only (经费公开: chair); members and visitors get nothing. */
export const rows: AuthzRows = {
  list: { allowed: COMMITTEE, input: { page: 1 } },
  summary: { allowed: COMMITTEE, input: {} },
  export: { allowed: COMMITTEE, input: { reason: '婚庆' } },
  record: { allowed: COMMITTEE },
  complete: { allowed: COMMITTEE },
  correct: { allowed: COMMITTEE },
  cancel: { allowed: COMMITTEE },
  get: { allowed: COMMITTEE, input: { id: 'wv001' } },
  people: { allowed: COMMITTEE, input: { keyword: '陈' } },
  setHardship: { allowed: COMMITTEE },
  planPreview: { allowed: COMMITTEE, input: { filter: { retirees: true } } },
  planCreate: { allowed: COMMITTEE },
  plans: { allowed: COMMITTEE, input: { page: 1 } },
  planClose: { allowed: COMMITTEE },
  todo: { allowed: COMMITTEE, input: {} },
  remind: { allowed: [] },
  disclosureDraft: { allowed: CHAIR },
}
