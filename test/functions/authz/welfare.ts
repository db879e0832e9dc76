import { COMMITTEE } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  list: { allowed: COMMITTEE, input: { page: 1 } },
}
