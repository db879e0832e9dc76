import { MEMBERS } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  list: { allowed: MEMBERS, input: { page: 1 } },
}
