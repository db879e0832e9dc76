import { EVERYONE } from '../callers'
import type { AuthzRows } from './types'

export const rows: AuthzRows = {
  me: { allowed: EVERYONE },
}
