import { CHAIR, COMMITTEE, MEMBERS } from '../callers'
import type { AuthzRows } from './types'

const open = { id: 'poll_demo_appraisal' }
const closed = { id: 'poll_demo_election' }

/**
 * Secret ballots: members vote and read results after the close (their own polls); the committee
 * drafts polls and reads the console and reports; only the chair opens, closes, publishes, prints
 * and issues 评议码, sees who has not voted and reminds them. No row reads a tally while a poll is
 * open — poll-secrecy.test.ts tries every action as every caller on an open poll.
 */
export const rows: AuthzRows = {
  list: { allowed: MEMBERS, input: { page: 1 } },
  detail: { allowed: MEMBERS, input: open },
  cast: { allowed: MEMBERS, input: open },
  checkSlip: { allowed: MEMBERS, input: { ...open, code: '2345-6789AB' } },
  castBySlip: { allowed: MEMBERS, input: open },
  results: { allowed: MEMBERS, input: open },
  comments: { allowed: MEMBERS, input: { ...open, itemId: 'i1', page: 1 } },
  ballots: { allowed: MEMBERS, input: { ...open, page: 1 } },
  findBallot: { allowed: MEMBERS, input: { ...open, tracker: 'ABCD-EFGH' } },
  manageList: { allowed: COMMITTEE, input: { page: 1 } },
  console: { allowed: COMMITTEE, input: open },
  save: { allowed: COMMITTEE },
  discard: { allowed: COMMITTEE },
  previewElectorate: { allowed: COMMITTEE, input: { electorate: { kind: 'active' } } },
  delegateSessions: { allowed: COMMITTEE, input: {} },
  report: { allowed: COMMITTEE },
  open: { allowed: CHAIR, input: { id: 'poll_demo_vote', revision: 99 } },
  close: { allowed: CHAIR, input: closed },
  publish: { allowed: CHAIR },
  runoff: { allowed: CHAIR, input: closed },
  printSlips: { allowed: CHAIR },
  issueSlip: { allowed: CHAIR },
  nonVoters: { allowed: CHAIR, input: { ...open, page: 1 } },
  remind: { allowed: CHAIR },
  sendReminders: { allowed: [] },
}
