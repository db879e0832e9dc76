/**
 * Demo 工作计划: last year's plan (adopted, every item done or cancelled) and this year's (adopted,
 * items month by month like the real plans in the reference folder — some linked to the demo
 * activities, some done by hand, one cancelled, a few still open), and three meetings whose
 * decisions are plan items. Shaped exactly as the plan function leaves them.
 */
import type { ActivityDoc, MemberDoc } from '../../cloudfunctions/_shared/documents'
import type { MeetingDoc, PlanDoc, PlanItemDoc } from '../../cloudfunctions/plan/documents'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import type { PlanCategory } from '../../types/plan'

export interface PlanSeed {
  plans: PlanDoc[]
  plan_items: PlanItemDoc[]
  plan_meetings: MeetingDoc[]
}

type Row = [month: number, title: string, category: PlanCategory, owner: 'chair' | 'committee', extra?: Partial<PlanItemDoc>]

const ROWS: Row[] = [
  [1, '春节送温暖走访慰问离退休教职工', '送温暖', 'committee'],
  [2, '完善离退休人员台帐', '自身建设', 'committee'],
  [3, '庆“三八”妇女节活动', '文体活动', 'committee', { public: true }],
  [3, '召开教代会预备会议', '民主管理', 'chair'],
  [4, '教职工春季健步走', '文体活动', 'committee', { public: true }],
  [5, '教职工健康体检', '维权关爱', 'committee', { public: true }],
  [6, '发放提案表，征集教代会提案', '民主管理', 'chair'],
  [9, '教师节座谈会暨荣休教师欢送会', '师德师能', 'chair', { public: true }],
  [10, '中层干部民主测评', '民主管理', 'chair'],
  [11, '冬季教职工羽毛球赛', '文体活动', 'committee', { public: true }],
  [12, '冬至包饺子联谊', '文体活动', 'committee', { public: true }],
  [12, '年终工会工作总结与台帐整理', '自身建设', 'chair'],
]

const GUIDANCE = [{ type: 'paragraph' as const, text: '以习近平新时代中国特色社会主义思想为指导，紧紧围绕学校中心工作，切实履行维护、建设、参与、教育四项职能，推进民主管理，关心教职工生活，建设温馨和谐的教工之家。' }]
const FOCUS = [{ type: 'list' as const, ordered: true, items: ['加强师德师风建设，开展师德主题活动', '推进校务公开和教代会制度建设', '开展丰富多彩的文体活动', '做好困难帮扶和送温暖工作', '加强工会自身建设，完善工会台帐'] }]

export function demoPlans(members: MemberDoc[], activities: ActivityDoc[], now: Date): PlanSeed {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const month = Number(shanghaiDate(now).slice(5, 7))
  const chair = members.find((m) => m.role === 'chair' && m.membership === 'approved')!
  const committee = members.find((m) => m.role === 'committee' && m.membership === 'approved')!
  const owner = (k: 'chair' | 'committee') => (k === 'chair' ? chair : committee)
  const byTitle = (part: string) => activities.find((a) => a.title.includes(part))
  const at = new Date(`${year - 1}-01-05T02:00:00Z`)
  const plans: PlanDoc[] = [year - 1, year].map((y) => ({
    _id: `plan_${y}`, year: y, state: 'adopted', guidance: GUIDANCE, focus: FOCUS, revision: 2, adoptedAt: new Date(`${y}-01-10T02:00:00Z`),
    ...(y === year ? { copiedFrom: year - 1 } : {}), createdBy: chair._id, createdAt: at, updatedAt: at,
  }))
  const items: PlanItemDoc[] = []
  for (const y of [year - 1, year]) {
    ROWS.forEach(([m, title, category, who, extra], n) => {
      const past = y < year || m < month
      const link = y === year ? linkFor(title) : undefined
      items.push({
        _id: `plan_${y}_seed${String(n + 1).padStart(2, '0')}`, planId: `plan_${y}`, year: y, month: m, title, category, ownerId: owner(who)._id, ownerName: owner(who).name,
        note: '', public: false, state: 'active', revision: 1, createdBy: chair._id, createdAt: at, updatedAt: at,
        ...(link ? { link } : past ? (title.includes('健步走') && y === year ? { cancelReason: '雨季场地不具备条件，改为秋季' } : { done: true }) : {}),
        ...extra,
      })
    })
  }
  function linkFor(title: string): PlanItemDoc['link'] {
    const a = title.includes('三八') ? byTitle('三八') : title.includes('羽毛球') ? byTitle('羽毛球') : title.includes('饺子') ? byTitle('饺子') : title.includes('体检') ? byTitle('体检') : title.includes('教师节') ? byTitle('教师节') : undefined
    return a ? { kind: 'activity', id: a._id, title: a.title } : undefined
  }
  const approved = members.filter((m) => m.membership === 'approved')
  const committeeMembers = approved.filter((m) => m.role !== 'member')
  const meeting = (id: string, type: MeetingDoc['type'], date: string, place: string, attendees: MemberDoc[], decisions: Array<[string, MemberDoc, string]>): MeetingDoc => ({
    _id: id, type, date, year: Number(date.slice(0, 4)), place, attendees: attendees.map((m) => ({ memberId: m._id, name: m.name })), absent: [],
    agenda: ['通报近期工作', '研究部署下阶段工作'], minutes: `${type}于${date}在${place}召开。会议通报了近期工会工作，研究部署了下阶段工作。`,
    decisions: decisions.map(([text, who, due], n) => ({ text, ownerId: who._id, ownerName: who.name, due, itemId: `${id}_d${n + 1}` })),
    visibility: 'internal', state: 'recorded', revision: 1, createdBy: committee._id, createdAt: at, updatedAt: at,
  })
  const today = shanghaiDate(now)
  const meetings = [
    meeting('meet_seed01', '工会委员会议', `${year}-03-05`, '行政楼会议室', committeeMembers, [['筹备三八节插花沙龙', committee, `${year}-03-08`]]),
    meeting('meet_seed02', '教职工大会', `${year}-09-01`, '学校礼堂', approved.filter((m) => m.status === '在职'), []),
    meeting('meet_seed03', '党政工联席会', addDays(today, -7), '校长室', [chair, committee], [['落实冬季送温暖名单', committee, addDays(today, 10)]]),
  ]
  for (const m of meetings) {
    m.decisions.forEach((d) => items.push({
      _id: d.itemId, planId: `plan_${m.year}`, year: Number(d.due.slice(0, 4)), month: Number(d.due.slice(5, 7)), date: d.due, title: d.text, category: '其他',
      ownerId: d.ownerId, ownerName: d.ownerName, note: `${m.date} ${m.type}决定`, public: false, state: 'active', meetingId: m._id, revision: 1,
      createdBy: committee._id, createdAt: at, updatedAt: at, ...(d.due < today ? { done: true } : {}),
    }))
  }
  return { plans, plan_items: items, plan_meetings: meetings }
}

export function withDemoPlans<T extends { members: MemberDoc[]; activities: ActivityDoc[] }>(data: T, now: Date): T & PlanSeed {
  return { ...data, ...demoPlans(data.members, data.activities, now) }
}
