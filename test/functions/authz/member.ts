import { CHAIR, COMMITTEE, EVERYONE, MEMBERS, type CallerKind } from '../callers'
import type { AuthzRows } from './types'

/** Anyone with a member record, pending or approved (their own profile). */
const HAS_RECORD: CallerKind[] = ['applicant', ...MEMBERS]

export const rows: AuthzRows = {
  me: { allowed: EVERYONE },
  setup: { allowed: EVERYONE },
  apply: { allowed: EVERYONE },
  departments: { allowed: EVERYONE },
  inviteInfo: { allowed: EVERYONE, input: { code: 'NOPE0000' } },
  myProfile: { allowed: HAS_RECORD },
  updateProfile: { allowed: HAS_RECORD },
  queue: { allowed: COMMITTEE, input: { page: 1 } },
  approve: { allowed: COMMITTEE },
  reject: { allowed: COMMITTEE },
  directory: { allowed: COMMITTEE, input: { page: 1 } },
  get: { allowed: COMMITTEE },
  exportDirectory: { allowed: COMMITTEE },
  update: { allowed: CHAIR },
  setRole: { allowed: CHAIR },
  handOver: { allowed: CHAIR },
  remove: { allowed: CHAIR },
  setDepartments: { allowed: CHAIR },
  joinSettings: { allowed: CHAIR },
  setJoinSettings: { allowed: CHAIR },
  bindGroup: { allowed: CHAIR },
  createInvite: { allowed: CHAIR },
  listInvites: { allowed: CHAIR },
  revokeInvite: { allowed: CHAIR },
  importRoster: { allowed: CHAIR },
  rosterStatus: { allowed: CHAIR },
  auditLog: { allowed: CHAIR, input: { page: 1 } },
  requestChange: { allowed: MEMBERS },
  changeRequests: { allowed: CHAIR, input: { page: 1 } },
  decideChange: { allowed: CHAIR },
  desk: { allowed: COMMITTEE },
  home: { allowed: EVERYONE },
}
