import { MEMBERS } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  listQa: { allowed: MEMBERS, input: { page: 1 } },
  mine: { allowed: MEMBERS, input: { page: 1 } },
}
