/**
 * Realistic welfare answers for the page tests, each checked against the types/ schema the app
 * parses it with. Ids are what the functions make: 32-hex visits and members, plan entries
 * `<planId>_<memberId>` (65 characters).
 */
import {
  welfareDisclosureOutput, welfareListOutput, welfarePeopleOutput, welfarePlanItem, welfarePlanPreviewOutput, welfarePlansOutput,
  welfareSummaryOutput, welfareTodoOutput, welfareVisitDetail, welfareVisitItem, type WelfareVisitItem,
} from '../../../types/welfare'
import { checked, hexId } from '../support/fixtures'

export const PLAN_ID = hexId('春节慰问计划')
export const memberIds = { 陈桂兰: hexId('陈桂兰'), 杨德明: hexId('杨德明'), 蒋文华: hexId('蒋文华'), 董志刚: hexId('董志刚'), 李晓梅: hexId('李晓梅') }
export const entryId = (name: keyof typeof memberIds) => `${PLAN_ID}_${memberIds[name]}`

export const doneVisit: WelfareVisitItem = checked(welfareVisitItem, {
  id: hexId('蒋文华住院'), recipientName: '蒋文华', recipientKind: 'member', memberId: memberIds.蒋文华, department: '数学组', reason: '生病住院',
  visitDate: '2026-11-06', visitors: ['王建华', '李晓梅'], cashFen: 80000, gifts: [{ name: '营养品', valueFen: 30000 }], giftValueFen: 30000,
  fund: '工会经费', state: 'done', notes: '冠心病住院治疗，两周后回访。', photoCount: 1, revision: 1,
}, 'done visit')

export const plannedEntry: WelfareVisitItem = checked(welfareVisitItem, {
  id: entryId('陈桂兰'), recipientName: '陈桂兰', recipientKind: 'member', memberId: memberIds.陈桂兰, department: '语文组', reason: '节日慰问',
  visitDate: '2026-12-26', visitors: ['王建华'], cashFen: 50000, gifts: [{ name: '大米、食用油、牛奶', valueFen: 15000 }], giftValueFen: 15000,
  fund: '工会经费', state: 'planned', notes: '行动不便，需上门。', photoCount: 0, planId: PLAN_ID, revision: 2,
}, 'planned entry')

export const visitList = checked(welfareListOutput, { items: [doneVisit, plannedEntry], page: 1, total: 2, year: 2026 }, 'welfare.list')

const row = (key: string, count: number, cashFen: number, giftFen: number) => ({ key, count, cashFen, giftFen, totalFen: cashFen + giftFen })
export const summary = checked(welfareSummaryOutput, {
  year: 2026, allYears: false, count: 12, cashFen: 610000, giftFen: 165000, totalFen: 775000, plannedCount: 4,
  byReason: [row('节日慰问', 6, 280000, 90000), row('生病住院', 2, 130000, 50000), row('生育', 1, 50000, 0), row('婚庆', 1, 50000, 0), row('丧葬', 1, 50000, 0), row('困难帮扶', 1, 50000, 25000), row('退休', 0, 0, 0), row('生日', 0, 0, 0), row('其他', 0, 0, 0)],
  byMonth: Array.from({ length: 12 }, (_v, i) => row(`2026-${String(i + 1).padStart(2, '0')}`, i === 1 ? 6 : i === 10 ? 6 : 0, i === 1 ? 280000 : i === 10 ? 330000 : 0, i === 1 ? 90000 : i === 10 ? 75000 : 0)),
  byFund: [row('工会经费', 12, 610000, 165000), row('行政', 0, 0, 0), row('其他', 0, 0, 0)],
}, 'welfare.summary')

export const plannedDetail = checked(welfareVisitDetail, {
  ...plannedEntry, visitorIds: [hexId('王建华')], photos: [],
  history: [{ at: '2026-11-20T08:00:00.000Z', actorName: '李晓梅', what: '更正', note: '慰问品改为年货礼包', changes: ['慰问品：（空） → 大米、食用油、牛奶 150.00 元'] }],
}, 'welfare.get planned')

export const doneDetail = checked(welfareVisitDetail, {
  ...doneVisit, visitorIds: [hexId('王建华'), memberIds.李晓梅], followUpOn: '2026-11-20',
  photos: [{ fileId: `cloud://prod.7072-prod-1300000000/welfare-photos/${'a'.repeat(64)}.jpg`, url: 'https://example.tcb.qcloud.la/welfare-photos/a.jpg?sign=x' }],
  history: [{ at: '2026-11-06T10:00:00.000Z', actorName: '李晓梅', what: '记录', changes: [] }],
}, 'welfare.get done')

export const plan = checked(welfarePlanItem, {
  id: PLAN_ID, title: '元旦走访慰问', reason: '节日慰问', plannedDate: '2026-12-26', state: 'active', filterLabel: '全体离退休 + 困难职工',
  total: 4, done: 1, cancelled: 0, cashFenEach: 50000, createdAt: '2026-11-19T08:00:00.000Z',
}, 'plan')
export const plans = checked(welfarePlansOutput, { items: [plan], page: 1, total: 1 }, 'welfare.plans')

export const person = (name: keyof typeof memberIds, department: string, status: '在职' | '离退休', hardship = false) => ({ id: memberIds[name], name, department, status, hardship })
export const preview = checked(welfarePlanPreviewOutput, {
  people: [person('陈桂兰', '语文组', '离退休'), person('杨德明', '数学组', '离退休'), person('董志刚', '后勤处', '在职', true)],
  departments: ['语文组', '数学组', '后勤处', '体艺组'],
}, 'welfare.planPreview')

export const hardshipPeople = checked(welfarePeopleOutput, { items: [person('董志刚', '后勤处', '在职', true)] }, 'welfare.people hardship')
export const visitors = checked(welfarePeopleOutput, { items: [person('李晓梅', '语文组', '在职')] }, 'welfare.people visitors')

export const todo = checked(welfareTodoOutput, {
  today: '2026-11-22',
  birthdaysWeek: [{ id: memberIds.杨德明, name: '杨德明', department: '数学组', status: '离退休', birthday: '11-24', visited: false }],
  birthdaysMonth: [{ id: memberIds.杨德明, name: '杨德明', department: '数学组', status: '离退休', birthday: '11-24', visited: false }],
  followUps: [{ visitId: doneVisit.id, name: '蒋文华', visitDate: '2026-11-06', dueOn: '2026-11-20' }],
  plans: [{ id: PLAN_ID, title: '元旦走访慰问', plannedDate: '2026-12-26', remaining: 3, total: 4 }],
  count: 3,
}, 'welfare.todo')

export const disclosure = checked(welfareDisclosureOutput, {
  noticeId: hexId('经费公开草稿'), title: '2026年1月—10月工会经费慰问支出公示', count: 12, totalFen: 775000, withheld: 3,
}, 'welfare.disclosureDraft')
