import { EVERYONE } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  list: { allowed: EVERYONE, input: { page: 1 } },
}
