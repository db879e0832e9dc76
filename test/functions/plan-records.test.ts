/**
 * Meetings, the year-end summary and the 台帐 archive, driven with records made through the
 * functions: a meeting's decisions become plan items in the same write; every summary figure equals
 * an independent count over the stored records (before and after new work is recorded through the
 * functions); the archive zip opens, holds the named tree, every docx/xlsx inside opens and an
 * anonymous opinion appears with no identity.
 */
import crypto from 'node:crypto'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { persona } from '../../emulator/seed/personas'
import { seededEnv } from './helpers'
import { createActivity } from './activity-support'
import { buildArchive, day, item, memberId, must, plan, rid } from './plan-support'
import { joinThroughApp, visitFor } from './welfare-support'

let env: string
let db: any
let committeeId: string
let chairId: string
beforeAll(async () => {
  ;({ env, db } = await seededEnv('plan-records'))
  committeeId = await memberId(env, 'committee')
  chairId = await memberId(env, 'chair')
})

const YEAR = Number(day(0).slice(0, 4))
const at = (ms: number) => new Date(Date.now() + ms).toISOString()

describe('meeting records', () => {
  it('records a meeting once per request, and each decision becomes a plan item with its owner and due date', async () => {
    const staff = await joinThroughApp(env, { name: '周老师' })
    const input = {
      requestId: rid(), type: '工会委员会议', date: day(-1), place: '会议室', attendeeIds: [committeeId, chairId], absent: [{ memberId: staff.id, reason: '外出培训' }],
      agenda: ['讨论三八节活动', '送温暖名单'], minutes: '会议讨论了……\n决定……',
      decisions: [{ text: '筹备三八节插花活动', ownerId: committeeId, due: `${YEAR}-03-05` }, { text: '核对送温暖名单', ownerId: chairId, due: day(10) }],
    }
    const [a, b] = await Promise.all([must(env, 'committee', 'plan', 'recordMeeting', input), must(env, 'committee', 'plan', 'recordMeeting', input)])
    expect(a.id).toBe(b.id)
    expect(a).toMatchObject({ title: `${day(-1)} 工会委员会议`, visibility: 'internal', absent: [{ name: '周老师', reason: '外出培训' }] })
    const items = (await must(env, 'committee', 'plan', 'items', { year: YEAR })).items.filter((i: any) => i.meetingId === a.id)
    expect(items.map((i: any) => [i.title, i.ownerName, i.date]).sort()).toEqual([['核对送温暖名单', '王建华', day(10)], ['筹备三八节插花活动', '李晓梅', `${YEAR}-03-05`]].sort())
    expect(a.decisions.map((d: any) => d.itemId).sort()).toEqual(items.map((i: any) => i.id).sort())

    // An edit adds a decision (a new item); a decision that became an item cannot be dropped.
    const edited = await must(env, 'committee', 'plan', 'editMeeting', { ...input, id: a.id, revision: a.revision, decisions: [...input.decisions, { text: '整理会议纪要', ownerId: committeeId, due: day(5) }] })
    expect(edited.decisions).toHaveLength(3)
    expect((await must(env, 'committee', 'plan', 'items', { year: YEAR })).items.filter((i: any) => i.meetingId === a.id)).toHaveLength(3)
    expect(await plan(env, 'committee', 'editMeeting', { ...input, id: a.id, revision: edited.revision, decisions: [] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await plan(env, 'committee', 'editMeeting', { ...input, id: a.id, revision: a.revision, decisions: edited.decisions.map((d: any) => ({ text: d.text, ownerId: d.ownerId, due: d.due })) }))
      .toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await plan(env, 'staff', 'meeting', { id: a.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses someone both present and absent, and a decision owner outside the committee, writing nothing', async () => {
    const staffId = await memberId(env, 'staff')
    const before = (await must(env, 'committee', 'plan', 'meetings', { year: YEAR, page: 1 })).total
    const base = { requestId: rid(), type: '教职工大会', date: day(0), place: '礼堂', attendeeIds: [staffId], agenda: [], minutes: '' }
    expect(await plan(env, 'committee', 'recordMeeting', { ...base, absent: [{ memberId: staffId, reason: '病假' }] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await plan(env, 'committee', 'recordMeeting', { ...base, decisions: [{ text: '事项', ownerId: staffId, due: day(3) }] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect((await must(env, 'committee', 'plan', 'meetings', { year: YEAR, page: 1 })).total).toBe(before)
  })
})

/* ───────────── independent counts, straight from the stored records ───────────── */

async function all(collection: string): Promise<any[]> {
  const out: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection(collection).skip(skip).limit(1000).get()).data
    out.push(...page)
    if (page.length < 1000) return out
  }
}
const shYear = (at: any) => new Date(new Date(at).getTime() + 8 * 3600_000).getUTCFullYear()

async function counted() {
  const [acts, notices, objections, opinions, polls, visits, members, audit, meetings, proposals] = await Promise.all(
    ['activities', 'notices', 'notice_objections', 'opinions', 'polls', 'welfare_visits', 'members', 'audit_log', 'plan_meetings', 'congress_proposals'].map(all))
  const held = acts.filter((a) => ['published', 'finished'].includes(a.state) && shYear(a.startAt) === YEAR)
  const participants = held.reduce((n, a) => n + Object.values(a.ledger ?? {}).filter((e: any) => e.s === 'c' || e.s === 'p').length, 0)
  const checkedIn = held.reduce((n, a) => n + Object.values(a.ledger ?? {}).filter((e: any) => (e.s === 'c' || e.s === 'p') && e.ci !== undefined).length, 0)
  const pub = notices.filter((n) => n.publishedAt && n.state !== 'draft' && shYear(n.publishedAt) === YEAR)
  const pubIds = new Set(pub.map((n) => n._id))
  const obj = objections.filter((o) => pubIds.has(o.noticeId))
  const ops = opinions.filter((o) => o.visibleOn?.startsWith(`${YEAR}-`))
  const days = ops.filter((o) => o.firstReplyDays !== undefined).map((o) => o.firstReplyDays).sort((x: number, y: number) => x - y)
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2) : null
  const vis = visits.filter((v) => v.state === 'done' && v.visitDate.startsWith(`${YEAR}-`))
  const props = proposals.filter((p) => p.submittedOn?.startsWith(`${YEAR}-`))
  const rated = props.filter((p) => p.state === 'closed' && p.finalRating)
  const satisfied = rated.filter((p) => p.finalRating !== 'unsatisfied').length
  const retired = new Set(audit.filter((e) => shYear(e.at) === YEAR && (e.action === 'member.update' || (e.action === 'member.decideChange' && e.after?.approved === true)) && e.after?.status === '离退休').map((e) => e.target.id))
  return {
    activities: { held: held.length, participants, checkedIn, checkInRate: participants ? Math.round((checkedIn / participants) * 1000) / 10 : 0 },
    notices: { published: pub.length, publicity: pub.filter((n) => n.publicityEnd).length, objections: obj.length, objectionsAnswered: obj.filter((o) => o.answered).length },
    opinions: { received: ops.length, answered: days.length, medianDays: median },
    polls: { held: polls.filter((p) => p.openedAt && p.state !== 'discarded' && shYear(p.openedAt) === YEAR).length },
    proposals: {
      submitted: props.length, cases: props.filter((p) => ['accepted', 'assigned', 'answered', 'rating', 'closed'].includes(p.state)).length,
      answered: props.filter((p) => p.answers?.length).length, rated: rated.length, satisfiedRate: rated.length ? Math.round((satisfied / rated.length) * 1000) / 10 : null,
    },
    visits: { count: vis.length, amountFen: vis.reduce((n, v) => n + v.cashFen + (v.giftFen ?? 0), 0) },
    members: { joined: members.filter((m) => m.approvedAt && shYear(m.approvedAt) === YEAR).length, retired: retired.size },
    meetings: { held: meetings.filter((m) => m.year === YEAR).length },
  }
}

const figures = async () => (await must(env, 'committee', 'plan', 'summary', { year: YEAR })).figures

describe('the year-end summary', () => {
  it('states figures that equal independent counts of the year’s records, before and after new work is recorded', async () => {
    const before = await figures()
    const { byReason: _r, ...visitsBefore } = before.visits
    expect({ ...before, visits: visitsBefore, plan: undefined }).toEqual({ ...(await counted()), plan: undefined })

    // New work, recorded through the functions as people record it.
    const activityId = await createActivity(env, { openid: persona('committee').openid }, {
      title: '年终联欢', signupStartAt: at(-3600_000), signupEndAt: at(1800_000), startAt: at(3600_000), endAt: at(7200_000),
    })
    for (const who of ['staff', 'retiree'] as const) await must(env, who, 'activity', 'register', { activityId })
    await must(env, 'committee', 'activity', 'checkinByRoster', { registrationId: `${activityId}_${await memberId(env, 'staff')}` })
    const notice = await must(env, 'committee', 'notice', 'createDraft', { requestId: rid(), title: '评优结果公示', category: '校务', visibility: 'internal', body: [{ type: 'paragraph', text: '公示名单' }], publicity: { startDate: day(0), endDate: day(5) } })
    await must(env, 'chair', 'notice', 'publish', { id: notice.id })
    await must(env, 'staff', 'notice', 'object', { id: notice.id, text: '名单中有一位老师的年限不对', requestId: rid() })
    const opinion = await must(env, 'staff', 'opinion', 'submit', { requestId: crypto.randomBytes(16).toString('hex'), category: '食堂', text: '食堂晚餐希望增加面食品种', anonymous: false })
    await must(env, 'chair', 'opinion', 'assign', { id: opinion.id, assigneeId: chairId })
    await must(env, 'chair', 'opinion', 'reply', { id: opinion.id, text: '已与食堂沟通，下周起增加' })
    await must(env, 'committee', 'welfare', 'record', visitFor(await memberId(env, 'retiree'), { reason: '生日', cashYuan: '200', visitDate: day(0) }))

    const after = await figures()
    const { byReason, ...visitsAfter } = after.visits
    expect({ ...after, visits: visitsAfter, plan: undefined }).toEqual({ ...(await counted()), plan: undefined })
    expect(after.activities.held).toBe(before.activities.held + 1)
    expect(after.activities.participants).toBe(before.activities.participants + 2)
    expect(after.activities.checkedIn).toBe(before.activities.checkedIn + 1)
    expect(after.notices).toMatchObject({ published: before.notices.published + 1, publicity: before.notices.publicity + 1, objections: before.notices.objections + 1 })
    expect(after.opinions).toMatchObject({ received: before.opinions.received + 1, answered: before.opinions.answered + 1 })
    expect(after.visits).toMatchObject({ count: before.visits.count + 1, amountFen: before.visits.amountFen + 20000 })
    expect(byReason.reduce((n: number, r: any) => n + r.amountFen, 0)).toBe(after.visits.amountFen)

    // Plan items: done vs planned, as the items list shows them.
    const items = (await must(env, 'committee', 'plan', 'items', { year: YEAR })).items
    expect(after.plan).toEqual({ planned: items.length, done: items.filter((i: any) => i.status === 'done').length, cancelled: items.filter((i: any) => i.status === 'cancelled').length })
    const text = (await must(env, 'committee', 'plan', 'summary', { year: YEAR })).text.join('\n')
    expect(text).toContain(`举办活动 ${after.activities.held} 次`)
    expect(text).toContain(`签到率 ${after.activities.checkInRate}%`)
  })

  it('exports the chair’s finished text as a Word document', async () => {
    const out = await must(env, 'chair', 'plan', 'exportSummary', { year: YEAR, text: ['第一段：全年工作回顾。', '第二段：来年打算。'] })
    expect(out.fileName).toBe(`${YEAR}年工会工作总结.docx`)
    const bytes = Buffer.from(await (await fetch(out.url)).arrayBuffer())
    const docXml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(docXml).toContain('第二段：来年打算。')
    expect(await plan(env, 'committee', 'exportSummary', { year: YEAR })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the 台帐 archive', () => {
  it('is one zip of person-named files; every docx and xlsx opens; anonymous opinions carry no identity', async () => {
    await must(env, 'committee', 'plan', 'addItem', item(YEAR, 12, committeeId, { title: '年终台帐整理' }))

    const { out } = await buildArchive(env, YEAR)
    expect(out.fileName).toBe(`${YEAR}年工会台帐.zip`)
    const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(out.url)).arrayBuffer()))
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir)
    const root = `${YEAR}年工会台帐/`
    expect(names.every((n) => n.startsWith(root))).toBe(true)
    expect(names).toEqual(expect.arrayContaining([
      `${root}00-目录.docx`, `${root}01-工作计划/${YEAR}年工会工作计划.docx`, `${root}02-工作总结/${YEAR}年工会工作总结.docx`,
      `${root}03-会议记录/${day(-1)} 工会委员会议.docx`, `${root}05-意见台账/${YEAR}年意见台账.xlsx`, `${root}07-慰问台账/${YEAR}年慰问台账.xlsx`,
      `${root}09-操作日志/${YEAR}年操作日志.xlsx`,
    ]))
    expect(names.some((n) => n.startsWith(`${root}04-校务公开/`) && n.endsWith('评优结果公示 备案.docx'))).toBe(true)
    expect(names.some((n) => n.startsWith(`${root}06-活动记录/`) && n.endsWith('年终联欢 签到表.xlsx'))).toBe(true)
    expect(out.files).toBe(names.length)

    for (const n of names) {
      const bytes = await zip.file(n)!.async('nodebuffer')
      if (n.endsWith('.docx')) expect((await JSZip.loadAsync(bytes)).file('word/document.xml')).not.toBeNull()
      else await new ExcelJS.Workbook().xlsx.load(bytes as any)
    }
    const ledger = new ExcelJS.Workbook()
    await ledger.xlsx.load((await zip.file(`${root}05-意见台账/${YEAR}年意见台账.xlsx`)!.async('nodebuffer')) as any)
    const rows = ledger.worksheets[0].getSheetValues().filter(Boolean).map((r: any) => r.slice(1))
    const named = rows.find((r: any) => r[3] === '食堂晚餐希望增加面食品种')
    expect(named?.[2]).toBe('张明')
    // Every anonymous opinion the union received this year is in the ledger as 匿名, and nothing else names anyone on its row.
    const anonymous = (await all('opinions')).filter((o) => o.anonymous && o.visibleOn?.startsWith(`${YEAR}-`))
    expect(anonymous.length).toBeGreaterThan(0)
    const people = (await all('members')).map((m) => m.name)
    for (const o of anonymous) {
      const row = rows.find((r: any) => r[3] === o.text)
      expect(row?.[2]).toBe('匿名')
      for (const name of people) expect(JSON.stringify(row)).not.toContain(name)
    }
    const minutes = await (await JSZip.loadAsync(await zip.file(`${root}03-会议记录/${day(-1)} 工会委员会议.docx`)!.async('nodebuffer'))).file('word/document.xml')!.async('string')
    expect(minutes).toContain('筹备三八节插花活动')
    expect(minutes).toContain('外出培训')
  })
})
