/**
 * Demo data for one school union (a 中学 教育工会), built as plain documents relative to `now`
 * so the demo always looks current. Pure: the same `now` gives the same documents, except the
 * random `_id`s of anonymous opinions (which must not be predictable or ordered).
 */
import crypto from 'node:crypto'
import type {
  ActivityDoc, MemberDoc, NoticeDoc, NoticeObjectionDoc, NoticeReadDoc, NoticeVersionDoc, OpinionDoc, OpinionQaDoc, RegistrationDoc, WelfareVisitDoc,
} from '../../cloudfunctions/_shared/documents'
import type { NoticeBlock } from '../../types/notice'
import { addDays, fromShanghai, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { searchTerms } from '../../cloudfunctions/_shared/search-terms'
import { personas } from './personas'
import { memberExtras, type MemberExtras } from './member-extras'
import { demoActivities } from './activities'
import type { WelfarePersonDoc, WelfarePlanDoc } from '../../cloudfunctions/welfare/documents'

export interface DemoData extends MemberExtras {
  members: MemberDoc[]
  notices: NoticeDoc[]
  notice_versions: NoticeVersionDoc[]
  notice_reads: NoticeReadDoc[]
  notice_objections: NoticeObjectionDoc[]
  activities: ActivityDoc[]
  registrations: RegistrationDoc[]
  opinions: OpinionDoc[]
  opinion_qa: OpinionQaDoc[]
  welfare_visits: WelfareVisitDoc[]
  welfare_plans: WelfarePlanDoc[]
  welfare_people: WelfarePersonDoc[]
}

type Dept = '语文组' | '数学组' | '英语组' | '理化生组' | '政史地组' | '体艺组' | '行政办公室' | '后勤处' | '教务处'
type Row = [name: string, dept: Dept, status: '在职' | '离退休', gender: '男' | '女', role?: 'committee' | 'chair', openid?: string]

const openidOf = (key: string) => personas.find((p) => p.key === key)!.openid

/** 39 approved members (10 retirees), one applicant waiting, one removed (transferred away). */
const ROSTER: Row[] = [
  ['王建华', '行政办公室', '在职', '男', 'chair', openidOf('chair')],
  ['李晓梅', '语文组', '在职', '女', 'committee', openidOf('committee')],
  ['张明', '数学组', '在职', '男', undefined, openidOf('staff')],
  ['陈桂兰', '语文组', '离退休', '女', undefined, openidOf('retiree')],
  ['周志强', '体艺组', '在职', '男', 'committee'],
  ['刘芳', '语文组', '在职', '女'], ['孙丽娟', '语文组', '在职', '女'], ['黄俊', '语文组', '在职', '男'],
  ['赵磊', '数学组', '在职', '男'], ['吴静', '数学组', '在职', '女'], ['郑海涛', '数学组', '在职', '男'],
  ['徐婷婷', '英语组', '在职', '女'], ['何雨萱', '英语组', '在职', '女'], ['林楠', '英语组', '在职', '男'],
  ['马骏', '理化生组', '在职', '男'], ['胡晓燕', '理化生组', '在职', '女'], ['郭伟', '理化生组', '在职', '男'], ['罗敏', '理化生组', '在职', '女'],
  ['高峰', '政史地组', '在职', '男'], ['宋佳', '政史地组', '在职', '女'], ['唐文斌', '政史地组', '在职', '男'],
  ['许诺', '体艺组', '在职', '女'], ['韩冰', '体艺组', '在职', '男'],
  ['冯雪', '行政办公室', '在职', '女'], ['谢琳', '教务处', '在职', '女'], ['邓宇', '教务处', '在职', '男'],
  ['曹建国', '后勤处', '在职', '男'], ['彭秀英', '后勤处', '在职', '女'], ['董志刚', '后勤处', '在职', '男'],
  ['杨德明', '数学组', '离退休', '男'], ['朱秀兰', '英语组', '离退休', '女'], ['潘国庆', '理化生组', '离退休', '男'],
  ['沈玉珍', '政史地组', '离退休', '女'], ['蒋文华', '后勤处', '离退休', '男'], ['田淑芬', '语文组', '离退休', '女'],
  ['范长林', '体艺组', '离退休', '男'], ['石美华', '行政办公室', '离退休', '女'], ['姚振东', '数学组', '离退休', '男'],
  ['潘雨桐', '英语组', '在职', '女'],
]

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`
}

const p = (text: string, bold?: boolean): NoticeBlock => (bold ? { type: 'paragraph', text, bold } : { type: 'paragraph', text })
const h = (text: string): NoticeBlock => ({ type: 'heading', text })
const ol = (...items: string[]): NoticeBlock => ({ type: 'list', ordered: true, items })
const ul = (...items: string[]): NoticeBlock => ({ type: 'list', ordered: false, items })
const table = (header: string[], rows: string[][]): NoticeBlock => ({ type: 'table', header, rows })

export function buildDemoData(now: Date): DemoData {
  const today = shanghaiDate(now)
  /** a Shanghai wall-clock time `days` from today */
  const at = (days: number, hhmm = '09:00') => fromShanghai(`${addDays(today, days)} ${hhmm}`)
  const day = (days: number) => addDays(today, days)
  const yearsAgo = (years: number) => at(-365 * years, '10:00')

  // ── members ────────────────────────────────────────────────────────────────
  const members: MemberDoc[] = ROSTER.map(([name, department, status, gender, role, openid], i) => ({
    _id: id('mem', i + 1),
    openid: openid ?? `o_seed_${String(i + 1).padStart(3, '0')}`,
    name,
    department,
    status,
    membership: 'approved',
    role: role ?? 'member',
    gender,
    staffNo: `JG${String(2001 + i * 7).padStart(5, '0')}`,
    phone: `139${String(57120000 + i * 1733).padStart(8, '0')}`,
    birthday: `${String((i * 5) % 12 + 1).padStart(2, '0')}-${String((i * 11) % 28 + 1).padStart(2, '0')}`,
    birthYear: status === '离退休' ? 1948 + (i % 12) : 1970 + (i % 28),
    joinedVia: 'seed',
    createdAt: yearsAgo(2 + (i % 4)),
    updatedAt: yearsAgo(1),
    approvedAt: yearsAgo(2 + (i % 4)),
  }))
  // the last roster row is still waiting for approval; one more was removed when transferred away
  const applicant = members[members.length - 1]
  applicant.membership = 'pending'
  applicant.createdAt = at(-2, '20:15')
  applicant.updatedAt = applicant.createdAt
  delete applicant.approvedAt
  members.push({
    _id: id('mem', members.length + 1), openid: 'o_seed_removed', name: '贾涛', department: '理化生组', status: '在职',
    membership: 'removed', role: 'member', gender: '男', staffNo: 'JG01996', phone: '13957109999', birthday: '06-18',
    joinedVia: 'seed', createdAt: yearsAgo(4), updatedAt: at(-60, '16:00'), approvedAt: yearsAgo(4), removedAt: at(-60, '16:00'),
  })
  const byName = (name: string) => {
    const m = members.find((x) => x.name === name)
    if (!m) throw new Error(`seed: no member ${name}`)
    return m
  }
  const chair = byName('王建华')
  const committee = byName('李晓梅')
  const committee2 = byName('周志强')
  const staff = byName('张明')
  const retiree = byName('陈桂兰')
  const approved = members.filter((m) => m.membership === 'approved')

  // ── notices ────────────────────────────────────────────────────────────────
  type NoticeSeed = Omit<NoticeDoc, '_id' | 'attachments' | 'version' | 'revision' | 'correctionCount' | 'createdBy' | 'createdAt' | 'updatedAt' | 'searchTerms' | 'versionLog' | 'objectionCount' | 'answeredCount'> & {
    corrections?: Array<{ title?: string; body: NoticeBlock[]; reason: string; publishedAt: Date }>
  }
  const noticeSeeds: NoticeSeed[] = [
    {
      title: '关于2026年教职工健康体检安排的通知', category: '校务', visibility: 'internal', pinned: true, state: 'published', publishedAt: at(-12, '10:00'),
      body: [
        p('各位教职工：'),
        p('为关心教职工身体健康，经校务会研究，2026年度教职工健康体检定于下月上旬在市第一人民医院体检中心进行。现将有关事项通知如下：'),
        h('一、体检对象'),
        p('全体在职教职工及离退休教职工。'),
        h('二、体检安排'),
        table(['日期', '部门', '集合时间'], [['第一天', '语文组、数学组、英语组', '07:10 学校东门'], ['第二天', '理化生组、政史地组、体艺组', '07:10 学校东门'], ['第三天', '行政办公室、教务处、后勤处、离退休教职工', '07:10 学校东门']]),
        h('三、注意事项'),
        ol('体检前一天晚上 20:00 后禁食禁水，清淡饮食，勿饮酒。', '请携带身份证原件。', '女教职工的妇科套餐请在“活动报名”中选择。', '因故不能按时参加的，请提前向工会李晓梅老师说明。'),
        p('校工会', true),
      ],
    },
    {
      title: '2026年第三季度工会经费收支情况公示', category: '工会经费', visibility: 'public', pinned: true, state: 'published', publishedAt: at(-4, '09:00'),
      publicityStart: at(-4, '00:00'), publicityEnd: at(4, '00:00'),
      body: [
        p('根据《基层工会经费收支管理办法》，现将我校工会2026年第三季度经费收支情况公示如下，公示期7天。对公示内容有疑问的，请在公示期内向校工会财务委员咨询。'),
        table(['项目', '金额（元）'], [['上季度结余', '86,420.35'], ['会费收入', '12,360.00'], ['上级补助', '30,000.00'], ['教师节慰问', '-39,000.00'], ['困难帮扶', '-6,000.00'], ['文体活动', '-8,735.50'], ['本季度结余', '75,044.85']]),
        p('以上支出均经工会委员会集体研究，票据齐全。'),
      ],
    },
    {
      title: '关于征集第六届教职工代表大会第三次会议提案的通知', category: '教代会', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-6, '15:30'),
      body: [
        p('学校第六届教职工代表大会第三次会议拟于明年1月召开。为开好本次会议，现面向全体教职工征集提案。'),
        h('征集范围'),
        ul('学校发展规划与教育教学改革', '教职工切身利益相关事项（工资福利、职称评聘、绩效考核等）', '校园安全、后勤保障与食堂管理', '其他需要提交教代会审议的事项'),
        h('提交要求'),
        p('提案须一事一案，写明案由、理由和具体建议，由1名代表提出、2名以上代表附议。请于本月底前交至各代表团团长。'),
      ],
    },
    {
      title: '关于调整教工食堂冬季供餐时间的通知', category: '校务', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-9, '11:00'),
      body: [p('自下周一起，教工食堂执行冬季供餐时间：早餐 06:50—07:40，午餐 11:40—12:40，晚餐 17:30—18:20。'), p('后勤处')],
      corrections: [{
        body: [p('自下周一起，教工食堂执行冬季供餐时间：早餐 06:50—07:40，午餐 11:40—12:40，晚餐 17:10—18:00。'), p('后勤处')],
        reason: '晚餐时间有误，更正为 17:10—18:00，与晚自习时间衔接。',
        publishedAt: at(-8, '08:30'),
      }],
    },
    {
      title: '2026年度“优秀教职工”评选结果公示', category: '人事', visibility: 'public', pinned: false, state: 'published', publishedAt: at(-30, '16:00'),
      publicityStart: at(-30, '16:00'), publicityEnd: at(-23, '16:00'),
      body: [p('经各部门推荐、评审小组评议，拟评选以下同志为2026年度“优秀教职工”，现予公示：'), table(['姓名', '部门'], [['刘芳', '语文组'], ['郑海涛', '数学组'], ['胡晓燕', '理化生组'], ['曹建国', '后勤处']]), p('公示期内如有异议，请向校工会反映。')],
    },
    {
      title: '2027年职称评审推荐人选公示', category: '人事', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-1, '17:00'),
      publicityStart: at(2, '00:00'), publicityEnd: at(9, '00:00'),
      body: [p('根据市教育局职称评审工作要求，经学校评审推荐委员会评议，拟推荐以下人员参加2027年高级教师职称评审，公示期自后天起共7天。'), table(['姓名', '部门', '申报职称'], [['黄俊', '语文组', '高级教师'], ['吴静', '数学组', '高级教师'], ['宋佳', '政史地组', '高级教师']])],
    },
    {
      title: '关于冬季作息时间调整的通知', category: '校务', visibility: 'public', pinned: false, state: 'published', publishedAt: at(-20, '14:00'),
      body: [p('根据季节变化，经校务会研究，自本月起执行冬季作息时间：上午第一节课 08:00 开始，下午第一节课 14:00 开始，其余时间相应调整。'), p('请各位教职工相互转告。')],
    },
    {
      title: '工会会员会费收缴标准说明', category: '工会经费', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-40, '10:00'),
      body: [p('依据《中国工会章程》，会员每月按本人基本工资的 0.5% 缴纳会费，由财务室每月代扣。离退休会员免缴会费。'), p('会费全部用于会员活动和困难帮扶，收支情况每季度公示。')],
    },
    {
      title: '2026年教师节慰问活动情况通报', category: '工会经费', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-70, '09:30'),
      body: [p('教师节期间，校工会向全体在职教职工发放节日慰问品，并走访慰问了10位离退休教师。共支出工会经费 39,000.00 元，明细已在第三季度经费公示中列出。')],
    },
    {
      title: '2026年秋季学期膳食委员会成员名单', category: '校务', visibility: 'public', pinned: false, state: 'published', publishedAt: at(-80, '10:00'),
      body: [p('为加强食堂管理，听取师生意见，现公布本学期膳食委员会成员：'), table(['姓名', '部门', '职责'], [['曹建国', '后勤处', '召集人'], ['李晓梅', '语文组', '教工代表'], ['林楠', '英语组', '教工代表'], ['彭秀英', '后勤处', '食堂管理']])],
    },
    {
      title: '关于开展“冬季送温暖”活动的通知', category: '其他', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-2, '16:30'),
      body: [p('为把组织的关怀送到每位教职工心中，校工会将于元旦、春节前开展“冬季送温暖”走访慰问。'), p('请各部门在本月底前将本部门生病住院、家庭困难的教职工情况报工会，我们将逐一走访。')],
    },
    {
      title: '2026年上半年教职工福利费使用情况', category: '财务', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-100, '15:00'),
      body: [table(['项目', '金额（元）'], [['节日慰问', '58,500.00'], ['生日慰问', '7,800.00'], ['体检', '62,400.00'], ['合计', '128,700.00']]), p('财务室')],
    },
    {
      title: '关于元旦假期安排的通知', category: '校务', visibility: 'public', pinned: false, state: 'withdrawn', publishedAt: at(-3, '10:00'),
      withdrawnAt: at(-3, '15:20'), withdrawReason: '放假安排以区教育局正式文件为准，待文件下发后重新发布。',
      body: [p('元旦放假安排待定。')],
    },
    {
      title: '2027年校工会工作计划（征求意见稿）', category: '其他', visibility: 'internal', pinned: false, state: 'draft',
      body: [p('（草稿）一、加强会员服务；二、丰富文体活动；三、做好送温暖工作。')],
    },
    {
      title: '第六届教职工代表大会代表补选结果公示', category: '教代会', visibility: 'internal', pinned: false, state: 'published', publishedAt: at(-12, '08:30'),
      publicityStart: at(-12, '00:00'), publicityEnd: at(-5, '00:00'),
      body: [
        p('因工作调动，我校第六届教代会出缺代表 3 名。经各选区民主选举，补选以下同志为教代会代表，现予公示：'),
        table(['选区', '姓名', '得票'], [['语文组', '周丽', '18/21'], ['理化生组', '孙伟', '15/17'], ['后勤处', '彭秀英', '9/11']]),
        p('公示期内，会员如有异议，可在本页实名提出，由工会主席逐条答复。'),
      ],
    },
  ]

  const notices: NoticeDoc[] = []
  const noticeVersions: NoticeVersionDoc[] = []
  noticeSeeds.forEach((seed, i) => {
    const _id = id('ntc', i + 1)
    const { corrections = [], ...rest } = seed
    const first = { title: rest.title, body: rest.body }
    const latest = corrections.length ? { title: corrections[corrections.length - 1].title ?? rest.title, body: corrections[corrections.length - 1].body } : first
    const created = rest.publishedAt ? new Date(rest.publishedAt.getTime() - 3600_000) : at(-1, '18:00')
    const lastChange = corrections.length ? corrections[corrections.length - 1].publishedAt : rest.withdrawnAt ?? rest.publishedAt ?? created
    notices.push({
      ...rest, _id, title: latest.title, body: latest.body, attachments: [],
      version: 1 + corrections.length, revision: 0, correctionCount: rest.state === 'draft' ? 0 : corrections.length,
      // what the notice function keeps on every notice it writes (title search, version list, objection counts)
      searchTerms: searchTerms([latest.title]), objectionCount: 0, answeredCount: 0,
      versionLog: rest.state === 'draft' ? [] : [{ version: 1, publishedAt: rest.publishedAt! }, ...corrections.map((c, k) => ({ version: k + 2, publishedAt: c.publishedAt, reason: c.reason }))],
      createdBy: rest.category === '工会经费' || rest.category === '财务' ? chair._id : committee._id,
      createdAt: created, updatedAt: lastChange,
    })
    if (rest.state === 'draft') return
    noticeVersions.push({ _id: `${_id}_v1`, noticeId: _id, version: 1, title: first.title, body: first.body, attachments: [], publishedAt: rest.publishedAt!, publishedBy: chair._id })
    corrections.forEach((c, k) => noticeVersions.push({
      _id: `${_id}_v${k + 2}`, noticeId: _id, version: k + 2, title: c.title ?? rest.title, body: c.body, attachments: [], reason: c.reason, publishedAt: c.publishedAt, publishedBy: chair._id,
    }))
  })
  const published = notices.filter((n) => n.state === 'published')
  const noticeReads: NoticeReadDoc[] = []
  const read = (member: MemberDoc, notice: NoticeDoc, hoursAfter: number) =>
    noticeReads.push({ _id: `${notice._id}_${member._id}`, noticeId: notice._id, memberId: member._id, firstReadAt: new Date(notice.publishedAt!.getTime() + hoursAfter * 3600_000) })
  published.forEach((n, i) => {
    if (n.publishedAt! > now) return
    read(chair, n, 0.5)
    read(committee, n, 1)
    // a realistic spread: older notices were read by more people
    approved.slice(4, 4 + Math.max(3, 30 - i * 3)).forEach((m, k) => { if ((k + i) % 3 !== 0) read(m, n, 2 + k) })
  })
  for (const title of ['关于2026年教职工健康体检安排的通知', '关于冬季作息时间调整的通知', '工会会员会费收缴标准说明']) read(staff, published.find((n) => n.title === title)!, 3)
  read(retiree, published.find((n) => n.title === '关于2026年教职工健康体检安排的通知')!, 20)
  // 异议 raised during that (ended) 公示: one answered by the chair, one still waiting.
  const byElection = published.find((n) => n.title === '第六届教职工代表大会代表补选结果公示')!
  const [objector1, objector2] = [approved[10], approved[15]]
  const noticeObjections: NoticeObjectionDoc[] = [
    {
      _id: 'nob001', noticeId: byElection._id, memberId: objector1._id, name: objector1.name, department: objector1.department,
      text: '理化生组的选举会上有两位老师请假未参加，得票数 15/17 是否包含委托投票？请说明。', raisedAt: at(-10, '12:20'),
      answered: true, answer: '两位请假老师按选举办法书面委托投票，委托书已存档，得票数包含委托票。', answeredAt: at(-9, '17:05'), answeredBy: chair._id,
    },
    {
      _id: 'nob002', noticeId: byElection._id, memberId: objector2._id, name: objector2.name, department: objector2.department,
      text: '后勤处选区人数较少，建议公布参加投票的人员名单。', raisedAt: at(-7, '20:40'), answered: false,
    },
  ]
  for (const o of noticeObjections) {
    Object.assign(o, { noticeTitle: byElection.title, publicityEnd: byElection.publicityEnd })
    byElection.objectionCount += 1
    if (o.answeredAt) byElection.answeredCount += 1
  }

  // ── activities and registrations (./activities.ts) ─────────────────────────
  const { activities, registrations } = demoActivities({ now, at, members, approved, staff, retiree, committee, committee2 })
  // the 体检 notice announces the 体检 activity: 去报名 opens it
  const checkup = activities.find((a) => a.title === '2026年教职工健康体检')!
  notices.find((n) => n.title === '关于2026年教职工健康体检安排的通知')!.link = { kind: 'activity', id: checkup._id, title: checkup.title }

  // ── opinions (anonymous ones: no identity, no time of day, random _id) ───
  const randomId = () => crypto.randomBytes(16).toString('hex')
  const reply = (text: string, daysAfter: number, submittedOn: string, by: MemberDoc = chair) => ({
    text, repliedAt: fromShanghai(`${addDays(submittedOn, daysAfter)} 16:20`), by: by._id, byName: by.name,
  })
  // Anonymous items reach handlers in the next day's batch (dated from it); today's still wait
  // (no visibleOn, no dueOn — see cloudfunctions/opinion/batch.ts); named ones at once.
  const opinion = (o: Pick<OpinionDoc, 'category' | 'text' | 'state'> & Partial<OpinionDoc> & { daysAgo: number }): OpinionDoc => {
    const { daysAgo, ...rest } = o
    const submittedOn = day(-daysAgo)
    const anonymous = rest.anonymous ?? true
    const base = { _id: randomId(), images: [], anonymous, submittedOn, submittedMonth: submittedOn.slice(0, 7), replies: [], followUps: [] }
    if (anonymous && daysAgo === 0) return { ...base, awaitingRelease: true, ...rest }
    const visibleOn = anonymous ? addDays(submittedOn, 1) : submittedOn
    const replies = rest.replies ?? []
    const firstReplyDays = replies.length ? Math.round((Date.parse(shanghaiDateOf(replies[0].repliedAt)) - Date.parse(visibleOn)) / 86_400_000) : undefined
    return { ...base, visibleOn, dueOn: addDays(visibleOn, 7), ...(firstReplyDays === undefined ? {} : { firstReplyDays }), ...rest }
  }
  const shanghaiDateOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const assigned = (m: MemberDoc) => ({ assigneeId: m._id, assigneeName: m.name })
  const saltyOn = day(-25)
  const opinions: OpinionDoc[] = [
    opinion({
      category: '食堂', daysAgo: 25, state: 'closed', rating: 'satisfied', ...assigned(chair),
      text: '教工食堂午餐最近偏咸偏油，希望多提供一些清淡的蔬菜，照顾一下有高血压的老师。',
      replies: [reply('已请食堂调整：每天午餐增加两道少盐少油的蔬菜，窗口单独标注“清淡”。欢迎老师们继续提意见。', 3, saltyOn)],
    }),
    opinion({
      category: '后勤保障', daysAgo: 9, state: 'processing', ...assigned(committee2),
      text: '实验楼三楼教师办公室空调制热效果很差，上午基本不热，请尽快检修。',
    }),
    opinion({
      category: '教育教学', daysAgo: 3, state: 'pending',
      text: '期中考试后各类检查表格太多，能否精简重复填报的材料，减轻老师负担？',
    }),
    opinion({
      category: '师德师风', daysAgo: 11, state: 'pending', dueOn: day(-4),
      text: '建议组织一次师德师风专题讲座，邀请优秀退休教师分享带班经验。',
    }),
    opinion({
      category: '后勤保障', daysAgo: 2, state: 'pending', held: 'review',
      text: '教学楼饮水机很久没换滤芯了，水有怪味，加微信领红包的广告也贴到了饮水机上。',
    }),
    opinion({
      category: '其他', daysAgo: 0, state: 'pending',
      text: '今天刚提交的匿名意见：停车场晚上能否开灯到十点？',
    }),
    opinion({
      category: '福利待遇', daysAgo: 18, state: 'replied', anonymous: false, memberId: staff._id, ...assigned(chair),
      text: '建议今年体检增加甲状腺彩超和骨密度检测项目。',
      replies: [reply('已与体检中心沟通：今年女性套餐已含甲状腺彩超，50 岁以上教职工增加骨密度检测。谢谢您的建议！', 4, day(-18))],
    }),
    opinion({
      category: '后勤保障', daysAgo: 1, state: 'pending', anonymous: false, memberId: staff._id,
      text: '学校东门晚上有两盏路灯不亮，晚自习下班时很暗，请后勤处维修。',
    }),
    opinion({
      category: '福利待遇', daysAgo: 14, state: 'rejected',
      text: '希望节日福利改发购物卡，大家可以自己选。',
      rejectReason: '根据上级工会经费使用规定，工会不得发放购物卡、代金券，节日慰问只能发放实物。感谢理解。',
    }),
    opinion({
      category: '食堂', daysAgo: 10, state: 'replied', ...assigned(chair),
      followUps: [{ text: '谢谢！能否也提供一些无糖的点心？', on: day(-7) }],
      text: '周五下午教研活动结束较晚，食堂能否提供面包、牛奶等简餐？',
      replies: [reply('从下周五起，食堂在 16:30—17:30 提供面包、牛奶和水果，凭工作证领取。', 2, day(-10))],
    }),
    opinion({
      category: '其他', daysAgo: 12, state: 'closed', anonymous: false, memberId: retiree._id, rating: 'fair', ...assigned(committee),
      text: '退休教师活动室的报刊能否增订《中国老年报》和《健康时报》？',
      replies: [reply('已为退休教师活动室增订《中国老年报》《健康时报》，下月起到刊。', 5, day(-12), committee)],
    }),
  ]
  const qaSource = opinions[0]
  const qa: OpinionQaDoc = {
    _id: id('qa', 1), opinionId: qaSource._id, category: '食堂', state: 'published', publishedAt: at(-20, '10:00'), publishedBy: chair._id,
    question: '教工食堂午餐偏咸偏油，能否多提供清淡的菜？',
    answer: '食堂已调整：每天午餐增加两道少盐少油的蔬菜，窗口单独标注“清淡”。膳食委员会每月抽查一次口味，欢迎继续提意见。',
  }
  qaSource.qaId = qa._id

  // ── welfare visits (money in 分) ────────────────────────────────────────────
  const visitors = (...ms: MemberDoc[]) => ms.map((m) => ({ memberId: m._id, name: m.name }))
  const recipient = (m: MemberDoc) => ({ kind: 'member' as const, memberId: m._id, name: m.name, department: m.department })
  type VisitSeed = Omit<WelfareVisitDoc, '_id' | 'photos' | 'createdBy' | 'createdAt' | 'updatedAt' | 'state' | 'notes' | 'gifts' | 'fund' | 'giftFen' | 'month' | 'revision'> &
    Partial<Pick<WelfareVisitDoc, 'state' | 'notes' | 'gifts' | 'fund' | 'planId' | 'followUpOn'>>
  const springGift = [{ name: '大米、食用油、牛奶', valueFen: 15000 }]
  const visitSeeds: VisitSeed[] = [
    ...['陈桂兰', '杨德明', '朱秀兰', '潘国庆', '沈玉珍'].map((name): VisitSeed => ({
      recipient: recipient(byName(name)), reason: '节日慰问', visitDate: day(-285), visitors: visitors(chair, committee), cashFen: 50000, gifts: springGift,
      notes: '春节慰问退休教师，送上慰问金和年货。',
    })),
    { recipient: recipient(byName('郑海涛')), reason: '生病住院', visitDate: day(-220), visitors: visitors(committee, byName('赵磊')), cashFen: 50000, gifts: [{ name: '水果篮', valueFen: 20000 }], notes: '阑尾炎手术住院，已出院。' },
    { recipient: recipient(byName('蒋文华')), reason: '生病住院', visitDate: day(-16), visitors: visitors(chair, committee2), cashFen: 80000, gifts: [{ name: '营养品', valueFen: 30000 }], notes: '冠心病住院治疗，两周后回访。', followUpOn: day(-2) },
    { recipient: recipient(byName('徐婷婷')), reason: '生育', visitDate: day(-184), visitors: visitors(committee), cashFen: 50000, gifts: [], notes: '喜得千金，母女平安。' },
    { recipient: recipient(byName('韩冰')), reason: '婚庆', visitDate: day(-50), visitors: visitors(committee2), cashFen: 50000, gifts: [], notes: '新婚志喜。' },
    { recipient: recipient(byName('高峰')), reason: '丧葬', visitDate: day(-137), visitors: visitors(chair, committee), cashFen: 50000, gifts: [], notes: '父亲病故，送花圈并慰问家属。' },
    { recipient: recipient(byName('董志刚')), reason: '困难帮扶', visitDate: day(-163), visitors: visitors(chair), cashFen: 200000, gifts: [], notes: '家属患重病，医疗费负担重，经工会委员会研究给予困难帮扶。' },
    { recipient: recipient(byName('姚振东')), reason: '退休', visitDate: day(-73), visitors: visitors(chair, committee, committee2), cashFen: 0, gifts: [{ name: '荣休纪念相册', valueFen: 30000 }], notes: '教师节荣休欢送。' },
    { recipient: recipient(byName('沈玉珍')), reason: '生日', visitDate: day(-252), visitors: visitors(committee), cashFen: 0, gifts: [{ name: '生日蛋糕、鲜花', valueFen: 20000 }], notes: '八十寿辰。' },
    { recipient: { kind: 'other', name: '李秀英', relation: '已故退休教师李国栋的遗属' }, reason: '节日慰问', visitDate: day(-284), visitors: visitors(chair, committee), cashFen: 30000, gifts: springGift, notes: '春节慰问已故退休教师家属。' },
    ...['田淑芬', '范长林', '石美华', '董志刚'].map((name): VisitSeed => ({
      recipient: recipient(byName(name)), reason: '节日慰问', visitDate: day(24), visitors: visitors(chair, committee), cashFen: 50000, gifts: springGift,
      state: 'planned', planId: 'wplan001', notes: name === '田淑芬' ? '行动不便，需上门。' : '',
    })),
    { recipient: recipient(byName('杨德明')), reason: '节日慰问', visitDate: day(-419), visitors: visitors(chair), cashFen: 30000, gifts: [{ name: '月饼', valueFen: 10000 }], notes: '中秋慰问。' },
    { recipient: recipient(byName('罗敏')), reason: '生病住院', visitDate: day(-367), visitors: visitors(committee), cashFen: 50000, gifts: [], notes: '骨折住院。' },
  ]
  const welfareVisits: WelfareVisitDoc[] = visitSeeds.map((v, i) => {
    const recorded = fromShanghai(`${v.visitDate < today ? v.visitDate : today} 18:00`)
    const gifts = v.gifts ?? []
    return {
      fund: '工会经费', notes: '', state: 'done', ...v, gifts, giftFen: gifts.reduce((s, g) => s + g.valueFen, 0), month: v.visitDate.slice(0, 7),
      _id: v.planId ? `${v.planId}_${v.recipient.memberId}` : id('wv', i + 1), photos: [], revision: 1,
      createdBy: committee._id, createdAt: recorded, updatedAt: recorded,
    }
  })
  // an active plan for the coming holiday: retirees and staff marked 困难, the committee unticked those already visited this year
  const welfarePlans: WelfarePlanDoc[] = [{
    _id: 'wplan001', title: '元旦走访慰问', reason: '节日慰问', plannedDate: day(24), filter: { retirees: true, hardship: true, departments: [] },
    cashFenEach: 50000, gifts: springGift, fund: '工会经费', state: 'active', total: 4, createdBy: committee._id, createdAt: at(-3, '16:00'), updatedAt: at(-3, '16:00'),
  }]
  const welfarePeople: WelfarePersonDoc[] = [
    { _id: byName('董志刚')._id, hardship: true, note: '家属患重病，医疗费负担重。', updatedAt: at(-163, '17:00'), updatedBy: chair._id },
  ]

  return {
    ...memberExtras(members, now),
    members, notices, notice_versions: noticeVersions, notice_reads: noticeReads, notice_objections: noticeObjections, activities, registrations,
    opinions, opinion_qa: [qa], welfare_visits: welfareVisits, welfare_plans: welfarePlans, welfare_people: welfarePeople,
  }
}
