/**
 * Realistic answers of the plan function for the page tests, each parsed with the app's own
 * schemas here (a fixture that drifts from types/plan.ts fails at its definition).
 */
import { calendarOutput, meetingList, meetingView, planItemView, planPeople, planView, summaryOutput, archiveProgress } from '../../types/plan'
import { checked, hexId } from './support/fixtures'

export const COMMITTEE_ID = 'm2'
export const CHAIR_ID = hexId('王建华')

const item = (n: number, over: Record<string, unknown>) => checked(planItemView, {
  id: hexId(`item${n}`), year: 2026, month: 3, title: '事项', category: '文体活动', ownerId: COMMITTEE_ID, ownerName: '李建国', note: '', public: false,
  status: 'planned', overdue: false, revision: 1, ...over,
}, `item ${n}`)

export const items = [
  item(1, { month: 2, title: '完善离退休人员台帐', status: 'done' }),
  item(2, { month: 3, date: '2026-03-08', title: '庆“三八”妇女节活动', status: 'done', public: true, link: { kind: 'activity', id: hexId('act'), title: '女教职工插花沙龙' } }),
  item(3, { month: 4, title: '教职工春季健步走', status: 'cancelled', cancelReason: '雨季场地不具备条件' }),
  item(4, { month: 11, title: '冬季羽毛球赛', status: 'ongoing', overdue: true, ownerId: CHAIR_ID, ownerName: '王建华' }),
]

export const plan2026 = checked(planView, {
  year: 2026, exists: true, state: 'draft', guidance: [{ type: 'paragraph', text: '围绕学校中心工作' }], focus: [], revision: 3, items, years: [2026, 2025],
})
export const noPlan2027 = checked(planView, { year: 2027, exists: false, state: 'none', guidance: [], focus: [], revision: 0, items: [], years: [2026, 2025] })

export const people = checked(planPeople, {
  items: [
    { id: CHAIR_ID, name: '王建华', department: '校办', committee: true },
    { id: COMMITTEE_ID, name: '李建国', department: '数学组', committee: true },
    { id: 'm1', name: '王芳', department: '语文组', committee: false },
  ],
})

export const calendar = checked(calendarOutput, {
  month: '2026-03', full: false,
  entries: [
    { kind: 'item', title: '庆“三八”妇女节活动', status: 'done', date: '2026-03-08' },
    { kind: 'activity', title: '女教职工插花沙龙', date: '2026-03-08', url: `/packages/activity/pages/detail/index?id=${hexId('act')}` },
    { kind: 'publicityEnd', title: '公示期满：评优结果公示', date: '2026-03-20', url: `/packages/notice/pages/detail/index?id=${hexId('n')}` },
  ],
})

export const meetings = checked(meetingList, {
  page: 1, total: 1, items: [{ id: hexId('meet'), type: '工会委员会议', title: '2026-03-05 工会委员会议', date: '2026-03-05', place: '行政楼会议室', attendeeCount: 5, decisionCount: 1 }],
})

export const meeting = checked(meetingView, {
  id: hexId('meet'), type: '工会委员会议', title: '2026-03-05 工会委员会议', date: '2026-03-05', place: '行政楼会议室',
  attendees: [{ memberId: CHAIR_ID, name: '王建华' }], absent: [], agenda: ['讨论三八节活动'], minutes: '会议决定……',
  decisions: [{ text: '筹备插花沙龙', ownerId: COMMITTEE_ID, ownerName: '李建国', due: '2026-03-08', itemId: `${hexId('meet')}_d1` }], files: [{ fileId: 'cloud://env/meeting-files/' + 'a'.repeat(64) + '.jpg', name: '会场.jpg', size: 52000, url: 'https://local.example/meeting-files/x.jpg' }], visibility: 'internal', revision: 1,
})

export const summary = checked(summaryOutput, {
  year: 2026,
  figures: {
    activities: { held: 8, participants: 120, checkedIn: 96, checkInRate: 80 }, notices: { published: 12, publicity: 4, objections: 2, objectionsAnswered: 2 },
    opinions: { received: 15, answered: 12, medianDays: 3 }, polls: { held: 2 }, proposals: { submitted: 12, cases: 9, answered: 8, rated: 6, satisfiedRate: 83.3 }, visits: { count: 30, amountFen: 1500000, byReason: [{ reason: '节日慰问', count: 30, amountFen: 1500000 }] },
    members: { joined: 3, retired: 2 }, plan: { planned: 14, done: 11, cancelled: 1 }, meetings: { held: 6 },
  },
  text: ['2026年，校工会……全年计划工作 14 项，已完成 11 项。', '五、存在的不足与来年打算。（请主席补充）'],
})

export const archive = checked(archiveProgress, { state: 'ready', url: 'https://local.example/plan-archives/x.zip', fileName: '2026年工会台帐.zip', fileId: 'cloud://env/plan-archives/x.zip', files: 14, bytes: 52000 })
