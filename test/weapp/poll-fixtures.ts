/**
 * Realistic answers of the poll function for the page tests — each one parsed with the app's own
 * schemas here, so a fixture that drifts from types/poll.ts fails loudly instead of showing an
 * error state.
 */
import {
  ballotsOutput, nonVotersOutput, pollConsole, pollDetail, pollListOutput, pollResults,
} from '../../types/poll'
import { ok, type CloudAnswer } from './support/load-page'
import { people } from './support/fixtures'

const items = [
  { id: 'i1', name: '谢琳', note: '教务处主任' }, { id: 'i2', name: '曹建国', note: '后勤处主任' }, { id: 'i3', name: '冯雪', note: '办公室主任' },
]

export const list = pollListOutput.parse({
  page: 1, total: 2, items: [
    { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', title: '2026年度中层干部述职测评', kind: 'appraisal', state: 'open', round: 1, closesAt: '2026-12-05T10:00:00.000Z', openedAt: '2026-11-30T00:00:00.000Z', rosterSize: 38, voted: false },
    { id: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', title: '2026年优秀工会工作者评选', kind: 'election', state: 'published', round: 1, closesAt: '2026-11-12T09:00:00.000Z', closedAt: '2026-11-12T09:00:00.000Z', rosterSize: 28, outcome: 'valid', voted: true },
  ],
})

export const detail = pollDetail.parse({
  id: list.items[0].id, title: '2026年度中层干部述职测评', kind: 'appraisal', description: '请逐一评价。', state: 'open', round: 1, items,
  allowUnknown: true, criteria: false, comments: true, seats: 1, rule: { base: 'ballots', majority: 'half' }, quorum: 'half',
  closesAt: '2026-12-05T10:00:00.000Z', openedAt: '2026-11-30T00:00:00.000Z',
  electorate: { kind: 'all', label: '全体会员', size: 38, fingerprint: '4178 cdf3 bdb1 9581' }, turnout: { receipts: 21, rosterSize: 38 },
  me: { eligible: true, voted: false }, canManage: false,
})

export const consoleView = pollConsole.parse({
  ...detail, canManage: true, revision: 2, slips: { printed: 10, issued: 2, used: 1 }, electorateSetting: { kind: 'all', departments: [], memberIds: [] },
})

export const draftConsole = pollConsole.parse({ ...consoleView, state: 'draft', openedAt: undefined, electorate: { kind: 'all', label: '全体会员', size: 0 }, turnout: { receipts: 0, rosterSize: 0 } })

export const results = pollResults.parse({
  id: list.items[0].id, title: '2026年度中层干部述职测评', kind: 'appraisal', state: 'closed', round: 1, closedAt: '2026-12-05T10:00:00.000Z',
  rosterSize: 38, receipts: 30, ballots: 30, slipsUsed: 2, quorum: { rule: 'half', needed: 20, met: true }, outcome: 'valid',
  rule: { base: 'ballots', majority: 'half', needed: 16 }, seats: 1,
  appraisal: items.map((it, i) => ({
    itemId: it.id, name: it.name, note: it.note, counts: { excellent: 12 - i, competent: 14, basic: 2 + i, incompetent: 1, unknown: 1 },
    graded: 29, comments: i === 0 ? 6 : 0, commentsWithheld: false,
  })),
  canManage: true,
})

export const ballots = ballotsOutput.parse({
  page: 1, total: 2, pollItems: items,
  items: [
    { tracker: 'QALH7ER7', grades: ['excellent', 'competent', 'competent'], commented: 1 },
    { tracker: 'ZNYXMJ3A', grades: ['competent', 'basic', 'unknown'], commented: 0 },
  ],
})

export const nonVoters = nonVotersOutput.parse({
  page: 1, total: 2, items: [{ memberId: 'mem003', name: '张明', department: '数学组' }, { memberId: 'mem004', name: '陈桂兰', department: '语文组' }],
})

/** member.me as `who` (or the chair), `poll.<action>` from `answers`, everything else an empty page. */
export function pollCloud(who: 'member' | 'committee' | 'chair', answers: Record<string, unknown>): CloudAnswer {
  const me = who === 'chair'
    ? { role: 'chair', member: { id: 'm9', name: '王建华', department: '行政办公室', status: '在职', roleLabel: '主席' } }
    : people[who]
  return (name, data) => {
    if (name === 'member' && data.action === 'me') return ok(me)
    if (name === 'member' && data.action === 'departments') return ok({ departments: ['语文组', '数学组'] })
    const value = answers[`${name}.${String(data.action)}`]
    return ok(typeof value === 'function' ? value(data) : (value ?? { items: [], page: 1, total: 0 }))
  }
}
