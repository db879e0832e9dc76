/**
 * Demo 教代会: the 2026 session (第五届第三次, collecting now) with two 代表 per department (the first
 * the 代表团组长), a retired teacher as 列席, the 提案工作委员会 (李晓梅, 周志强 and 郑海涛, who is not a
 * union committee member), and proposals in every state — shaped exactly as the congress function
 * leaves them. 张明 (staff persona) is a 代表 with a draft, an invitation to second and an answer to
 * rate; 李晓梅 (committee persona) is also 承办人 of one overdue case; 曹建国 (后勤处) is 承办人 and no
 * 代表. One earlier session (第五届第二次) holds closed proposals for "similar proposals".
 * CONGRESS_PEOPLE names one person of each congress role (the authorization matrix calls as them).
 */
import crypto from 'node:crypto'
import type { MemberDoc } from '../../cloudfunctions/_shared/documents'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { searchTerms } from '../../cloudfunctions/_shared/search-terms'
import type { AnswerEntry, CoNoteDoc, DelegateDoc, InviteDoc, ProposalDoc, RatingDoc, SessionDoc } from '../../cloudfunctions/congress/documents'
import type { ProposalCategory, ProposalState, Rating } from '../../types/congress'

export interface CongressSeed {
  congress_sessions: SessionDoc[]
  congress_delegates: DelegateDoc[]
  congress_proposals: ProposalDoc[]
  congress_invites: InviteDoc[]
  congress_ratings: RatingDoc[]
  congress_numbers: Array<{ _id: string; sessionId: string; n: number; proposalId: string }>
  congress_co_notes: CoNoteDoc[]
}

export const DEMO_SESSION_ID = 'congress-5-3'
/**
 * One member of each per-session or per-case role of the demo session, and nothing else there:
 * 赵磊 a 代表 (proposer of 'submitted', 附议人 of 'draft-ac'); 石美华 (离退休) the 列席; 郑海涛 a 提案工作委员会
 * member who is neither 代表 nor union committee; 曹建国 承办人 of 'assigned' (and of cases already answered);
 * 邓宇 (教务处) its 协办人 (协办部门 教务处), who has written his 协办意见.
 */
export const CONGRESS_PEOPLE = { delegate: 'mem009', observer: 'mem037', proposalCommittee: 'mem011', handler: 'mem027', coHandler: 'mem026' } as const
/** 承办人 and 协办人 are office staff here, not 代表 (their kinds in the authorization matrix stay apart). */
const NOT_DELEGATES: readonly string[] = [CONGRESS_PEOPLE.handler, CONGRESS_PEOPLE.coHandler]
export const EARLIER_SESSION_ID = 'congress-5-2'
/** 32-hex ids, like the ones the function makes */
export const demoProposalId = (key: string) => crypto.createHash('sha256').update(`demo-proposal\n${key}`).digest('hex').slice(0, 32)

interface Spec {
  key: string
  session?: string
  state: ProposalState
  title: string
  category: ProposalCategory
  proposer: string
  seconders: string[]
  invited?: string[]
  declined?: string[]
  reason?: string
  mergedInto?: string
  handler?: [string, string]
  /** 协办人, 协办部门 and the 协办意见 he wrote */
  co?: [string, string, string]
  dueIn?: number
  answers?: Array<Pick<AnswerEntry, 'answerClass' | 'text' | 'reason'> & { daysAgo: number }>
  ratings?: Array<Array<[string, Rating, string?]>>
}

const SPECS: Spec[] = [
  { key: 'draft-ac', state: 'draft', title: '关于教师办公室加装空调的建议', category: '后勤保障', proposer: 'mem003', seconders: ['mem009'], invited: ['mem010'] },
  { key: 'draft-yoga', state: 'draft', title: '关于开设教师瑜伽兴趣班的建议', category: '福利待遇', proposer: 'mem006', seconders: [], invited: ['mem003', 'mem007'] },
  { key: 'submitted', state: 'submitted', title: '关于优化课后服务排班的建议', category: '学校管理', proposer: 'mem009', seconders: ['mem003', 'mem010'] },
  { key: 'returned', state: 'returned', title: '关于改进教研活动的建议', category: '教育教学', proposer: 'mem013', seconders: ['mem012', 'mem014'], reason: '一事一案：请把教研时间和教研经费分成两件提案，并写明具体办法。' },
  { key: 'accepted', state: 'accepted', title: '关于更新理化生实验室设备的建议', category: '教育教学', proposer: 'mem015', seconders: ['mem016', 'mem017'] },
  { key: 'merged', state: 'merged', title: '关于实验室仪器维护的建议', category: '教育教学', proposer: 'mem018', seconders: ['mem032', 'mem016'], mergedInto: 'accepted', reason: '与第3号提案为同一事项' },
  { key: 'assigned', state: 'assigned', title: '关于改善教师食堂午餐的建议', category: '后勤保障', proposer: 'mem003', seconders: ['mem006', 'mem008'], handler: ['mem027', '后勤处'], dueIn: 10,
    co: ['mem026', '教务处', '午餐时段与课表错峰：教务处可把高一、高二午休下课时间错开 10 分钟，缓解排队。'] },
  { key: 'overdue', state: 'assigned', title: '关于工会经费使用情况定期公开的建议', category: '福利待遇', proposer: 'mem019', seconders: ['mem020', 'mem021'], handler: ['mem002', '工会办公室'], dueIn: -2 },
  { key: 'answered', state: 'answered', title: '关于减轻青年教师非教学负担的建议', category: '师资建设', proposer: 'mem019', seconders: ['mem020', 'mem033'], handler: ['mem025', '教务处'], dueIn: 5, answers: [{ answerClass: 'B', text: '已梳理非教学任务清单，下学期起每学期压减一次。', reason: '', daysAgo: 1 }] },
  { key: 'rating', state: 'rating', title: '关于增设教职工子女假期托管班的建议', category: '福利待遇', proposer: 'mem012', seconders: ['mem003', 'mem014'], handler: ['mem027', '后勤处'], dueIn: -1, answers: [{ answerClass: 'A', text: '暑假起在体艺馆开设托管班，由工会和后勤处共同组织。', reason: '', daysAgo: 3 }], ratings: [[['mem012', 'satisfied', '感谢']]] },
  { key: 'closed', state: 'closed', title: '关于更换教学楼饮水机滤芯的建议', category: '后勤保障', proposer: 'mem017', seconders: ['mem015', 'mem018'], handler: ['mem029', '后勤处'], dueIn: -10, answers: [{ answerClass: 'A', text: '已全部更换，并按月更换、张贴记录。', reason: '', daysAgo: 15 }], ratings: [[['mem017', 'satisfied'], ['mem015', 'satisfied'], ['mem018', 'basic']]] },
  { key: 'closed-twice', state: 'closed', title: '关于增加教师停车位的建议', category: '后勤保障', proposer: 'mem021', seconders: ['mem019', 'mem020'], handler: ['mem027', '后勤处'], dueIn: -5,
    answers: [{ answerClass: 'C', text: '校园面积有限，暂无法增加。', reason: '校内无可用场地', daysAgo: 20 }, { answerClass: 'B', text: '经面商，已与邻近公共停车场协商教师优惠月卡，下月起办理。', reason: '', daysAgo: 6 }],
    ratings: [[['mem021', 'unsatisfied', '希望再想办法'], ['mem019', 'basic'], ['mem020', 'basic']], [['mem021', 'basic'], ['mem019', 'satisfied'], ['mem020', 'satisfied']]] },
  { key: 'suggestion', state: 'suggestion', title: '关于调整体育馆开放时间的建议', category: '学校管理', proposer: 'mem023', seconders: ['mem022', 'mem036'], reason: '属日常管理事项，已转体艺组作为意见建议办理，一周内答复。' },
  // the earlier session
  { key: 'earlier-canteen', session: EARLIER_SESSION_ID, state: 'closed', title: '关于改善教师食堂伙食的建议', category: '后勤保障', proposer: 'mem008', seconders: ['mem006', 'mem007'], handler: ['mem027', '后勤处'], dueIn: -200, answers: [{ answerClass: 'A', text: '已增加菜品并公示菜单。', reason: '', daysAgo: 210 }], ratings: [[['mem008', 'satisfied'], ['mem006', 'satisfied'], ['mem007', 'basic']]] },
]

const WORST: Rating[] = ['unsatisfied', 'basic', 'satisfied']

export function demoCongress(members: MemberDoc[], now: Date): CongressSeed {
  const today = shanghaiDate(now)
  const byId = new Map(members.map((m) => [m._id, m]))
  const name = (id: string) => byId.get(id)?.name ?? id
  const session = (id: string, term: number, meeting: number, title: string, meetingIn: number, from: number, to: number): SessionDoc => ({
    _id: id, term, meeting, title, meetingDate: addDays(today, meetingIn), collectFrom: addDays(today, from), collectTo: addDays(today, to), reviewDays: 14, minSeconds: 2,
    agenda: ['听取和审议学校工作报告', '听取和审议财务工作报告', '审议绩效工资分配方案', '提案工作报告'], committeeIds: ['mem002', 'mem005', CONGRESS_PEOPLE.proposalCommittee], revision: 1,
    requestKey: `seed-${id}`, createdAt: now, updatedAt: now,
  })
  const sessions = [
    session(DEMO_SESSION_ID, 5, 3, '2026年第五届第三次教职工代表大会', 25, -30, 20),
    session(EARLIER_SESSION_ID, 5, 2, '2025年第五届第二次教职工代表大会', -300, -340, -310),
  ]

  // two 代表 per department (在职, approved), the first the 代表团组长; the chair and 李晓梅 among them
  const delegates: DelegateDoc[] = []
  const perDept = new Map<string, number>()
  for (const m of members) {
    if (m.membership !== 'approved' || NOT_DELEGATES.includes(m._id)) continue
    const n = perDept.get(m.department) ?? 0
    const named = ['mem001', 'mem002', 'mem003'].includes(m._id) || SPECS.some((s) => s.proposer === m._id || s.seconders.includes(m._id) || s.invited?.includes(m._id))
    const wanted = named || (n < 2 && m.status === '在职')
    if (!wanted) continue
    perDept.set(m.department, n + 1)
    delegates.push({ _id: `${DEMO_SESSION_ID}_${m._id}`, sessionId: DEMO_SESSION_ID, memberId: m._id, name: m.name, department: m.department, constituency: `${m.department}选区`, state: 'active', kind: 'delegate', leader: n === 0, updatedAt: now })
  }
  const guest = byId.get(CONGRESS_PEOPLE.observer)
  if (guest) delegates.push({ _id: `${DEMO_SESSION_ID}_${guest._id}`, sessionId: DEMO_SESSION_ID, memberId: guest._id, name: guest.name, department: guest.department, constituency: '离退休教师列席', state: 'guest', kind: 'guest', leader: false, updatedAt: now })

  const proposals: ProposalDoc[] = []
  const invites: InviteDoc[] = []
  const ratingDocs: RatingDoc[] = []
  const numbers: CongressSeed['congress_numbers'] = []
  const coNotes: CoNoteDoc[] = []
  const counters = new Map<string, number>()
  for (const s of SPECS) {
    const id = demoProposalId(s.key)
    const sessionId = s.session ?? DEMO_SESSION_ID
    const numbered = s.state !== 'draft'
    const number = numbered ? (counters.get(sessionId) ?? 0) + 1 : null
    if (number) {
      counters.set(sessionId, number)
      numbers.push({ _id: `${sessionId}_${number}`, sessionId, n: number, proposalId: id })
    }
    const answers: AnswerEntry[] = (s.answers ?? []).map((a, i) => ({
      round: i + 1, answerClass: a.answerClass, text: a.text, reason: a.reason, answeredOn: addDays(today, -a.daysAgo),
      onTime: addDays(today, -a.daysAgo) <= addDays(today, s.dueIn ?? 0), handlerId: s.handler![0], handlerName: name(s.handler![0]),
    }))
    const raterIds = ['rating', 'closed'].includes(s.state) ? [s.proposer, ...s.seconders] : []
    const rounds = s.ratings ?? []
    const last = rounds[rounds.length - 1]
    const counts = last ? { satisfied: 0, basic: 0, unsatisfied: 0 } as Record<Rating, number> : undefined
    if (counts && s.state === 'closed') for (const [, r] of last) counts[r]++
    const doc: ProposalDoc = {
      _id: id, sessionId, number, title: s.title, category: s.category,
      reasons: `${s.title.replace(/^关于|的建议$/g, '')}是老师们反映较多的问题，影响日常工作和生活。`,
      measures: '建议学校有关部门调研后制定方案，在本学期内落实，并向教代会报告办理情况。',
      proposerId: s.proposer, proposerName: name(s.proposer), state: s.state, seconds: s.seconders.length, seconderIds: s.seconders, secondsNeeded: 2,
      followerIds: [], mergedFromIds: [], round: Math.max(1, rounds.length, answers.length), answers, raterIds,
      searchTerms: searchTerms([s.title]), revision: 3, requestKey: id, createdAt: now, updatedAt: now,
      ...(numbered ? { submittedOn: addDays(today, -20), reviewDue: addDays(today, -6) } : {}),
      ...(s.reason ? { decisionReason: s.reason } : {}),
      ...(s.handler ? { handlerId: s.handler[0], handlerName: name(s.handler[0]), office: s.handler[1], coOffices: s.co?.[1] ?? '', dueDate: addDays(today, s.dueIn ?? 14) } : {}),
      ...(s.co ? { coHandlers: [{ memberId: s.co[0], name: name(s.co[0]) }] } : {}),
      ...(s.state === 'closed' && counts ? { finalRating: WORST.find((w) => counts[w] > 0)!, ratingCounts: counts } : {}),
      ...(s.state === 'submitted' ? { reviewDue: addDays(today, 8) } : {}),
      // passed on for rating when the last answer came (RATING_DAYS later the committee may close the round)
      ...(s.state === 'rating' ? { ratingDue: addDays(today, 15 - (s.answers?.at(-1)?.daysAgo ?? 0)) } : {}),
    }
    if (s.state !== 'draft' && s.state !== 'submitted' && s.state !== 'returned') doc.decidedBy = 'mem002'
    proposals.push(doc)
    for (const m of s.seconders) invites.push({ _id: `${id}_${m}`, proposalId: id, sessionId, memberId: m, name: name(m), state: 'accepted', at: now })
    for (const m of s.invited ?? []) invites.push({ _id: `${id}_${m}`, proposalId: id, sessionId, memberId: m, name: name(m), state: 'invited', at: now })
    if (s.co) coNotes.push({ _id: `${id}_1_${s.co[0]}`, proposalId: id, sessionId, round: 1, memberId: s.co[0], name: name(s.co[0]), text: s.co[2], revision: 0, history: [], at: now, updatedAt: now })
    rounds.forEach((round, i) => {
      for (const [m, r, comment] of round) ratingDocs.push({ _id: `${id}_${i + 1}_${m}`, proposalId: id, sessionId, round: i + 1, memberId: m, name: name(m), rating: r, comment: comment ?? '', at: now })
    })
  }
  // 并案: the case carries the merged proposal's people
  for (const s of SPECS.filter((x) => x.mergedInto)) {
    const src = proposals.find((p) => p._id === demoProposalId(s.key))!
    const into = proposals.find((p) => p._id === demoProposalId(s.mergedInto!))!
    src.mergedInto = into._id
    into.mergedFromIds.push(src._id)
    into.followerIds.push(...[src.proposerId, ...src.seconderIds].filter((x) => x !== into.proposerId && !into.seconderIds.includes(x) && !into.followerIds.includes(x)))
  }
  return { congress_sessions: sessions, congress_delegates: delegates, congress_proposals: proposals, congress_invites: invites, congress_ratings: ratingDocs, congress_numbers: numbers, congress_co_notes: coNotes }
}

export function withDemoCongress<T extends { members: MemberDoc[] }>(data: T, now: Date): T & CongressSeed {
  return { ...data, ...demoCongress(data.members, now) }
}
