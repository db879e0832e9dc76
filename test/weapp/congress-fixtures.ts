/**
 * Realistic answers of the congress function for the page tests — each parsed with the app's own
 * schemas, so a fixture that drifts from types/congress.ts fails here instead of showing an error.
 */
import { boardOutput, deskOutput, myCongressOutput, proposalDetail, proposalListOutput, sessionListOutput, sessionView, similarOutput, delegateListOutput, attendanceOutput, membersOutput } from '../../types/congress'
import { checked, hexId } from './support/fixtures'

export const SESSION = 'congress-5-3'
const figures = { submitted: 11, decided: 9, accepted: 7, suggestions: 1, answered: 4, answeredOnTime: 3, closed: 2, ratingsGood: 5, ratingsTotal: 6, ratingsMissing: 1, overdue: 1, acceptRate: 78, onTimeRate: 75, satisfactionRate: 83 }

export const sessions = checked(sessionListOutput, { items: [{ id: SESSION, title: '2026年第五届第三次教职工代表大会', term: 5, meeting: 3, meetingDate: '2026-12-27', collectFrom: '2026-11-02', collectTo: '2026-12-22', collecting: true, delegates: 20 }] })

export function session(me: Partial<{ delegate: boolean; guest: boolean; committee: boolean; chair: boolean; handler: boolean }> = {}, congressDay = false) {
  return checked(sessionView, {
    ...sessions.items[0], revision: 1, reviewDays: 14, minSeconds: 2, agenda: ['听取和审议学校工作报告'], documents: [{ noticeId: hexId('notice'), title: '学校工作报告' }], polls: [{ id: hexId('poll'), title: '绩效工资分配方案票决', state: '已结束', closesOn: '2026-12-27', done: true }],
    committee: [{ memberId: 'm2', name: '李晓梅' }], delegates: 20, guests: 1,
    me: { delegate: false, guest: false, committee: false, chair: false, handler: false, ...me }, congressDay, figures,
  }, 'congress.session')
}

const item = (key: string, over: Record<string, unknown>): any => ({
  id: hexId(key), number: 3, title: '关于改善教师食堂午餐的建议', category: '后勤保障', proposerName: '张明', state: 'assigned', seconds: 2, secondsNeeded: 2,
  office: null, dueDate: null, overdue: false, answerClass: null, finalRating: null, ratingClosable: false, ...over,
})

export const list = checked(proposalListOutput, {
  page: 1, total: 4, items: [
    item('a', { number: 1, title: '关于优化课后服务排班的建议', state: 'submitted' }),
    item('b', { number: 3, state: 'assigned', office: '后勤处', dueDate: '2026-12-12' }),
    item('c', { number: 4, title: '关于更换教学楼饮水机滤芯的建议', state: 'closed', answerClass: 'A', finalRating: 'satisfied' }),
    item('d', { number: 5, title: '关于增设教职工子女假期托管班的建议', state: 'rating', answerClass: 'A', ratingClosable: true }),
  ],
}, 'congress.list')

const can = { edit: false, invite: false, submit: false, respond: false, decide: false, assign: false, answer: false, coNote: false, review: false, rate: false, closeRating: false }
export function proposal(key: string, over: Record<string, unknown> = {}, canOver: Partial<typeof can> = {}) {
  return checked(proposalDetail, {
    ...item(key, {}), sessionId: SESSION, revision: 4, reasons: '午餐菜品单一，排队时间长。', measures: '增加窗口，每周公示菜单。', proposerId: 'm7',
    invites: [{ memberId: 'm8', name: '刘芳', state: 'accepted' }, { memberId: 'm9', name: '黄俊', state: 'accepted' }],
    decisionReason: null, mergedInto: null, mergedFrom: [], handlerName: null, coOffices: '', coHandlers: [], coNotes: [], myCoNote: null, round: 1, answers: [], ratings: [], raterNames: ['张明', '刘芳', '黄俊'], ratingDue: null, unrated: [],
    returnedAnswerReason: null, fromOpinion: false, ...over, can: { ...can, ...canOver },
  }, `congress.detail ${key}`)
}

export const answered = { office: '后勤处', handlerName: '曹建国', dueDate: '2026-12-12', answerClass: 'B', answers: [{ round: 1, answerClass: 'B', text: '下学期增加两个窗口。', reason: '', answeredOn: '2026-12-01', onTime: true, handlerName: '曹建国', files: [{ name: '增设窗口方案.pdf', size: 20480, kind: 'pdf' }] }] }

export const mine = (over: Record<string, unknown> = {}) => checked(myCongressOutput, { sessionId: SESSION, title: '2026年第五届第三次教职工代表大会', delegate: true, committee: false, handlerCases: 0, invitations: 1, toRate: 1, ...over })
export const similar = checked(similarOutput, { items: [{ id: hexId('s'), sessionTitle: '2025年第五届第二次教职工代表大会', title: '关于改善教师食堂伙食的建议', state: 'closed' }] })
export const delegates = checked(delegateListOutput, { items: [{ memberId: 'm8', name: '刘芳', department: '语文组', constituency: '语文组选区', kind: 'delegate', leader: true }, { memberId: 'm10', name: '赵磊', department: '数学组', constituency: '数学组选区', kind: 'delegate', leader: false }] })
export const attendance = checked(attendanceOutput, { present: 14, delegates: 20, quorum: 14, reached: true, items: [] })
export const members = checked(membersOutput, { items: [{ memberId: 'm27', name: '曹建国', department: '后勤处' }] })

/** `board`: the session and the first page of the list under the filter the call names. */
export function board(me: Parameters<typeof session>[0] = {}, congressDay = false) {
  const s = session(me, congressDay)
  return (data: any) => checked(boardOutput, {
    session: s,
    list: data.state ? { ...list, items: list.items.filter((i) => i.state === data.state), total: list.items.filter((i) => i.state === data.state).length } : list,
  }, 'congress.board')
}

/** `desk`: the session, the five queues (first page and total), the quorum. */
export function desk(me: Parameters<typeof session>[0] = {}, totals: Record<string, number> = {}) {
  return checked(deskOutput, {
    session: session(me),
    queues: (['submitted', 'accepted', 'answered', 'assigned', 'rating'] as const).map((state) => {
      const items = list.items.filter((i) => i.state === state)
      return { state, items, total: totals[state] ?? items.length }
    }),
    attendance: { present: attendance.present, delegates: attendance.delegates, quorum: attendance.quorum, reached: attendance.reached },
  }, 'congress.desk')
}
