/**
 * Demo activities and registrations, relative to `now`: open, full with a queue, waiting for
 * approval, not yet open, ended. Each activity's ledger and counters are built from the same
 * lists as its registration rows, so they agree exactly as the functions keep them.
 */
import type { ActivityDoc, LedgerEntry, MemberDoc, RegistrationDoc } from '../../cloudfunctions/_shared/documents'
import { searchTerms } from '../../cloudfunctions/_shared/search-terms'

interface Needs {
  now: Date
  /** a Shanghai wall-clock time `days` from today */
  at: (days: number, hhmm?: string) => Date
  members: MemberDoc[]
  approved: MemberDoc[]
  staff: MemberDoc
  retiree: MemberDoc
  committee: MemberDoc
  committee2: MemberDoc
}

type Seed = Omit<ActivityDoc, '_id' | 'confirmedCount' | 'seatsTaken' | 'pendingCount' | 'waitlistCount' | 'checkedInCount' | 'createdBy' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'state' | 'needsApproval' | 'fields' | 'audience' | 'cancelPolicy' | 'waitlist'> &
  Partial<Pick<ActivityDoc, 'fields' | 'audience' | 'cancelPolicy' | 'waitlist' | 'state' | 'needsApproval'>> & {
    confirmed: MemberDoc[]
    pending?: MemberDoc[]
    waiting?: MemberDoc[]
    answers?: (m: MemberDoc, k: number) => RegistrationDoc['answers']
    guestsOf?: (k: number) => number
    /** 代报名: members the committee signed up (retirees without a smartphone) */
    signedUpByCommittee?: MemberDoc[]
  }

const id = (n: number) => `act${String(n).padStart(3, '0')}`

export function demoActivities({ now, at, members, approved, staff, retiree, committee, committee2 }: Needs): { activities: ActivityDoc[]; registrations: RegistrationDoc[] } {
  const byName = (name: string) => members.find((m) => m.name === name)!
  const female = approved.filter((m) => m.gender === '女')
  const inService = approved.filter((m) => m.status === '在职')
  const sanatoriumConfirmed = approved.filter((m) => m !== staff).slice(4, 24)
  const sanatoriumWaiting = approved.filter((m) => m !== staff && !sanatoriumConfirmed.includes(m)).slice(-2)
  const seeds: Seed[] = [
    {
      title: '2026年教职工健康体检', category: '体检', description: '在市第一人民医院体检中心进行，按部门分三天安排，请选择体检套餐。空腹参加。',
      place: '市第一人民医院体检中心', startAt: at(8, '07:30'), endAt: at(10, '11:30'), signupStartAt: at(-10, '08:00'), signupEndAt: at(1, '18:00'), capacity: 0,
      fields: [{ key: 'package', label: '体检套餐', type: 'single', options: ['男性套餐', '女性套餐', '男性套餐+胃镜', '女性套餐+胃镜'], required: true }],
      confirmed: [staff, retiree, ...approved.filter((m) => m !== staff && m !== retiree).slice(0, 16), byName('杨德明')],
      answers: (m) => ({ package: m.gender === '女' ? '女性套餐' : '男性套餐' }),
      signedUpByCommittee: [byName('杨德明')],
    },
    {
      title: '庆“三八”国际妇女节 · 女教职工插花沙龙', category: '节日', description: '邀请花艺老师现场指导，作品可带回家。', audience: { kind: 'female' },
      place: '学校图书馆二楼多功能厅', startAt: at(-259, '14:00'), endAt: at(-259, '16:30'), signupStartAt: at(-270, '08:00'), signupEndAt: at(-261, '18:00'), capacity: 40,
      confirmed: female.slice(0, 14), state: 'finished',
    },
    {
      title: '2026年冬季教职工羽毛球赛', category: '文体', description: '设男单、女单、混双三个项目，按部门组队，欢迎踊跃报名。', waitlist: true,
      place: '学校体育馆', startAt: at(13, '13:30'), endAt: at(13, '17:30'), signupStartAt: at(-5, '08:00'), signupEndAt: at(6, '18:00'), capacity: 32,
      fields: [{ key: 'event', label: '参赛项目', type: 'single', options: ['男单', '女单', '混双'], required: true }],
      confirmed: [staff, committee2, ...inService.filter((m) => m !== staff && m !== committee2).slice(3, 13)],
      answers: (m, k) => ({ event: k % 3 === 2 ? '混双' : m.gender === '女' ? '女单' : '男单' }),
    },
    {
      title: '2026年教职工疗休养（浙江安吉 · 3天2晚）', category: '疗休养', description: '游览安吉竹博园、余村，入住度假酒店。每位会员每3年可参加一次，费用由工会经费承担，家属自费。', waitlist: true,
      place: '浙江安吉', startAt: at(20, '07:30'), endAt: at(22, '18:00'), signupStartAt: at(-15, '08:00'), signupEndAt: at(3, '18:00'), capacity: 20,
      frequency: { key: 'sanatorium', years: 3 }, cancelPolicy: 'untilSignupEnd', guests: { max: 2, countsTowardCapacity: false },
      fields: [{ key: 'room', label: '住宿安排', type: 'single', options: ['标准间（与同事合住）', '单间（补差价）'], required: true }],
      confirmed: sanatoriumConfirmed,
      waiting: [sanatoriumWaiting[0], staff, sanatoriumWaiting[1]],
      answers: (_m, k) => ({ room: k % 5 === 0 ? '单间（补差价）' : '标准间（与同事合住）' }),
      guestsOf: (k) => (k % 4 === 0 ? 1 : 0),
    },
    {
      title: '教职工书法兴趣班（第一期）', category: '培训', description: '每周三下午，共八次课，由美术组老师授课。名额有限，报名后由工会审核。', needsApproval: true,
      place: '学校艺术楼书法教室', startAt: at(10, '15:30'), endAt: at(10, '17:00'), signupStartAt: at(-3, '08:00'), signupEndAt: at(5, '18:00'), capacity: 15,
      confirmed: approved.filter((m) => m.status === '在职').slice(14, 19),
      pending: approved.filter((m) => m.status === '在职').slice(19, 22),
    },
    {
      title: '冬至包饺子 · 教工之家联谊', category: '节日', description: '冬至当天下午在食堂一起包饺子，离退休教职工欢迎参加。',
      place: '教工食堂二楼', startAt: at(29, '16:30'), endAt: at(29, '18:30'), signupStartAt: at(3, '08:00'), signupEndAt: at(26, '18:00'), capacity: 60,
      confirmed: [],
    },
    {
      title: '教师节座谈会暨荣休教师欢送会', category: '节日', description: '座谈交流，欢送今年光荣退休的老师。',
      place: '学校行政楼会议室', startAt: at(-40, '15:00'), endAt: at(-40, '17:00'), signupStartAt: at(-47, '08:00'), signupEndAt: at(-41, '18:00'), capacity: 0,
      confirmed: approved.slice(0, 24), state: 'finished',
    },
  ]
  const activities: ActivityDoc[] = []
  const registrations: RegistrationDoc[] = []
  seeds.forEach((seed, i) => {
    const _id = id(i + 1)
    const { confirmed, pending = [], waiting = [], answers, guestsOf, signedUpByCommittee = [], ...rest } = seed
    const holders = [...confirmed, ...pending]
    if (rest.capacity > 0 && holders.length > rest.capacity) throw new Error(`seed: ${rest.title} over capacity`)
    const created = new Date(rest.signupStartAt.getTime() - 2 * 86400_000)
    const guests = (k: number) => (k < confirmed.length ? guestsOf?.(k) ?? 0 : 0)
    const seats = (k: number) => 1 + (rest.guests?.countsTowardCapacity ? guests(k) : 0)
    const state = rest.state ?? 'published'
    const signedAt = (k: number) => new Date(Math.min(rest.signupStartAt.getTime() + (k + 1) * 1800_000, now.getTime()))
    const ended = rest.endAt < now
    const ledger: Record<string, LedgerEntry> = {}
    const everyone: Array<[MemberDoc, LedgerEntry['s']]> = [...confirmed.map((m) => [m, 'c'] as [MemberDoc, 'c']), ...pending.map((m) => [m, 'p'] as [MemberDoc, 'p']), ...waiting.map((m) => [m, 'w'] as [MemberDoc, 'w'])]
    everyone.forEach(([m, s], k) => {
      const checkedIn = ended && s === 'c' ? rest.startAt.getTime() - 600_000 : undefined
      ledger[`m${m._id}`] = { s, n: s === 'w' ? 1 : seats(k), g: guests(k), t: signedAt(k).getTime(), r: 1, ...(checkedIn ? { ci: checkedIn } : {}) }
      registrations.push({
        _id: `${_id}_${m._id}`, activityId: _id, memberId: m._id, memberName: m.name, department: m.department, answers: answers?.(m, k) ?? {}, answersRev: 0,
        guests: guests(k), ...(rest.frequency ? { seriesKey: rest.frequency.key, activityStartAt: rest.startAt } : {}),
        ...(signedUpByCommittee.includes(m) ? { signedUpBy: { id: committee._id, name: committee.name } } : {}),
        createdAt: signedAt(k), updatedAt: signedAt(k), ...(checkedIn ? { checkedInAt: new Date(checkedIn), checkedInBy: committee._id } : {}),
      })
    })
    activities.push({
      fields: [], audience: { kind: 'all' }, cancelPolicy: 'untilStart', waitlist: false, needsApproval: false, ...rest, _id, state,
      searchTerms: searchTerms([rest.title, rest.place]), revision: 0, v: 1, ledger, queue: waiting.map((m) => m._id),
      confirmedCount: holders.length, seatsTaken: holders.reduce((n, _m, k) => n + seats(k), 0), pendingCount: pending.length, waitlistCount: waiting.length,
      checkedInCount: Object.values(ledger).filter((e) => e.ci !== undefined).length,
      createdBy: committee._id, createdAt: created, updatedAt: created, ...(state === 'draft' ? {} : { publishedAt: created }),
    })
  })
  return { activities, registrations }
}
