/**
 * Demo polls, shaped as the poll function leaves them: an open 民主测评 of four 中层干部 with
 * part of the members' ballots in (张明, 陈桂兰 and the chair have not voted yet), a closed 评选
 * whose result waits to be published, and a 票决 draft the chair can open. Ballot slots have
 * random ids and carry no voter, exactly as casting leaves them.
 */
import crypto from 'node:crypto'
import type { MemberDoc } from '../../cloudfunctions/_shared/documents'
import type { BallotDoc, ElectorDoc, PollDoc, ReceiptDoc, RosterDoc, StoredChoices } from '../../cloudfunctions/poll/documents'
import type { ResultsDoc } from '../../cloudfunctions/poll/closing'
import { tally } from '../../cloudfunctions/poll/tally'
import { fingerprint } from '../../cloudfunctions/_shared/codes'
import { grades, type Grade } from '../../types/poll'
import { addDays, fromShanghai, shanghaiDate } from '../../cloudfunctions/_shared/time'

export interface PollSeed {
  polls: PollDoc[]
  poll_rosters: RosterDoc[]
  poll_electors: ElectorDoc[]
  poll_receipts: ReceiptDoc[]
  poll_ballots: BallotDoc[]
  poll_results: ResultsDoc[]
}

const hex = () => crypto.randomBytes(16).toString('hex')
const tracker = () => Array.from(crypto.randomBytes(8), (b) => '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[b & 31]).join('')

/** A fixed pseudo-random sequence: the demo's figures are the same on every seed. */
function sequence(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

export function demoPolls(members: MemberDoc[], now: Date): PollSeed {
  const day = 86_400_000
  const at = (days: number) => new Date(now.getTime() + days * day)
  const approved = members.filter((m) => m.membership === 'approved')
  const chair = approved.find((m) => m.role === 'chair')!
  const out: PollSeed = { polls: [], poll_rosters: [], poll_electors: [], poll_receipts: [], poll_ballots: [], poll_results: [] }

  const base = {
    description: '', allowUnknown: true, criteria: false, comments: true, seats: 1, rule: { base: 'ballots' as const, majority: 'half' as const },
    quorum: 'half' as const, round: 1, revision: 1, slipsPrinted: 0, slipsIssued: 0, slipsUsed: 0, slipFiles: [], createdBy: chair._id,
  }

  /** Freezes `roster`, writes its electors and slots, and casts `ballots` for the first voters listed in `voted`. */
  const open = (p: PollDoc, roster: MemberDoc[], voted: MemberDoc[], ballots: StoredChoices[]) => {
    const ids = roster.map((m) => m._id).sort()
    const rosterDoc: RosterDoc = { _id: p._id, pollId: p._id, memberIds: ids, fingerprint: fingerprint(ids), slotSeed: hex() }
    p.rosterSize = ids.length
    p.fingerprint = rosterDoc.fingerprint
    out.poll_rosters.push(rosterDoc)
    const votedIds = new Set(voted.map((m) => m._id))
    out.poll_electors.push(...roster.map((m) => ({ _id: `${p._id}_${m._id}`, pollId: p._id, memberId: m._id, name: m.name, department: m.department, voted: votedIds.has(m._id), openedAt: p.openedAt! })))
    out.poll_receipts.push(...voted.map((m) => ({ _id: `${p._id}_${m._id}`, pollId: p._id, memberId: m._id })))
    const slots: BallotDoc[] = ids.map(() => ({ _id: hex(), pollId: p._id, round: 1, state: 'empty' }))
    ballots.forEach((choices, i) => Object.assign(slots[i], { state: 'cast', choices, tracker: tracker() }))
    out.poll_ballots.push(...slots)
  }

  // ── an open 民主测评 ───────────────────────────────────────────────────────
  const appraisal: PollDoc = {
    ...base, _id: 'poll_demo_appraisal', title: '2026年度中层干部述职测评', kind: 'appraisal',
    description: '请根据各位中层干部本年度的述职报告和日常工作表现，逐一作出评价。不记名，投票后只显示核对码。',
    items: [
      { id: 'i1', name: '谢琳', note: '教务处主任' }, { id: 'i2', name: '曹建国', note: '后勤处主任' },
      { id: 'i3', name: '冯雪', note: '办公室主任' }, { id: 'i4', name: '高峰', note: '政教处主任' },
    ],
    electorate: { kind: 'all', departments: [], memberIds: [] }, closesAt: fromShanghai(`${addDays(shanghaiDate(now), 3)} 18:00`), state: 'open', openedAt: fromShanghai(`${addDays(shanghaiDate(now), -1)} 08:00`), remindedOpening: true,
    createdAt: at(-2), updatedAt: at(-1),
  }
  const notYet = new Set(['王建华', '张明', '陈桂兰', '李晓梅'])
  const appraisalVoters = approved.filter((m) => !notYet.has(m.name)).slice(0, 21)
  const r1 = sequence(2026)
  const pick = (weights: number[]): Grade => {
    let x = r1() * weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < weights.length; i++) { x -= weights[i]; if (x < 0) return grades[i] }
    return grades[0]
  }
  open(appraisal, approved, appraisalVoters, appraisalVoters.map((_m, i) => ({
    grades: appraisal.items.map(() => pick([6, 8, 2, 0.3, 1])),
    comments: appraisal.items.map((_it, k) => (i % 5 === k ? ['工作认真负责，服务意识强。', '希望多听取一线教师的意见。', '执行力强，沟通可以再耐心一些。', '后勤保障及时到位。'][k] : '')),
  })))
  out.polls.push(appraisal)

  // ── a closed 评选 (result not yet published) ─────────────────────────────────
  const election: PollDoc = {
    ...base, _id: 'poll_demo_election', title: '2026年优秀工会工作者评选', kind: 'election', seats: 2, comments: false, allowUnknown: false,
    description: '从候选人中选出不超过 2 人。得票超过实到选票半数者当选。',
    items: ['周志强', '刘芳', '赵磊', '徐婷婷'].map((name, i) => ({ id: `i${i + 1}`, name, note: ['工会文体委员，组织教职工运动会', '工会女工委员，组织三八节活动', '工会宣传委员，编辑工会简报', '青年教师联络员'][i] })),
    electorate: { kind: 'active', departments: [], memberIds: [] }, closesAt: fromShanghai(`${addDays(shanghaiDate(now), -20)} 17:00`), state: 'closed', openedAt: fromShanghai(`${addDays(shanghaiDate(now), -25)} 08:00`), closedAt: fromShanghai(`${addDays(shanghaiDate(now), -20)} 17:00`), outcome: 'valid',
    remindedOpening: true, remindedClosing: true, createdAt: at(-26), updatedAt: at(-20),
  }
  const active = approved.filter((m) => m.status === '在职')
  const electionVoters = active.slice(0, 24)
  const r2 = sequence(7)
  const electionBallots = electionVoters.map((): StoredChoices => {
    const chosen = election.items.filter((_it, k) => r2() < [0.8, 0.65, 0.3, 0.2][k]).slice(0, 2)
    return { picks: chosen.map((it) => it.id) }
  })
  open(election, active, electionVoters, electionBallots)
  out.polls.push(election)
  const t = tally(election, election.rosterSize!, electionVoters.length, electionBallots)
  out.poll_results.push({ _id: election._id, pollId: election._id, ...t, computedAt: at(-20) })

  // ── a 票决 draft ─────────────────────────────────────────────────────────────
  out.polls.push({
    ...base, _id: 'poll_demo_vote', title: '教职工绩效工资分配方案票决', kind: 'vote',
    description: '方案全文已在公开栏公示。请对以下事项逐项表决。',
    items: [{ id: 'i1', name: '绩效工资分配方案（修订稿）', note: '' }, { id: 'i2', name: '班主任津贴标准调整', note: '每月由 600 元调整为 800 元' }],
    electorate: { kind: 'all', departments: [], memberIds: [] }, closesAt: fromShanghai(`${addDays(shanghaiDate(now), 7)} 18:00`), state: 'draft', createdAt: at(-1), updatedAt: at(-1),
  })
  return out
}

/** The demo data with the polls added (the one line the seed index calls). */
export function withDemoPolls<T extends { members: MemberDoc[] }>(data: T, now: Date): T {
  return { ...data, ...demoPolls(data.members, now) }
}
