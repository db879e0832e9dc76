/**
 * 工作计划: the plan per year (copy from last year with re-dating, adopt → a published 校务公开
 * notice), items with revisions and history, status following the linked activity / notice / 慰问
 * plan, the 工作台 counts and the monthly reminder (once per owner per month).
 */
import { persona } from '../../emulator/seed/personas'
import { TEMPLATES } from '../../types/templates'
import { seededEnv } from './helpers'
import { createActivity } from './activity-support'
import { day, item, memberId, must, outbox, plan, rid, trigger } from './plan-support'
import { joinThroughApp, visitFor } from './welfare-support'
import { sdkFor } from '../support/cloud'

let env: string
let committeeId: string
let chairId: string
beforeAll(async () => {
  ;({ env } = await seededEnv('plan'))
  committeeId = await memberId(env, 'committee')
  chairId = await memberId(env, 'chair')
})

const committee = { openid: persona('committee').openid }

describe('the annual plan', () => {
  it('copies last year’s plan into a new year, moving every date into it (29 Feb → 28 Feb) and dropping links', async () => {
    await must(env, 'chair', 'plan', 'save', { year: 2032, guidance: [{ type: 'paragraph', text: '围绕学校中心工作' }], focus: [{ type: 'list', ordered: true, items: ['师德建设', '民主管理'] }] })
    const a = await must(env, 'committee', 'plan', 'addItem', item(2032, 2, committeeId, { title: '完善离退休人员台帐', date: '2032-02-29' }))
    await must(env, 'committee', 'plan', 'addItem', item(2032, 3, chairId, { title: '三八节活动', public: true }))
    const notice = await must(env, 'committee', 'notice', 'createDraft', { requestId: rid(), title: '提案征集', category: '教代会', visibility: 'internal', body: [{ type: 'paragraph', text: '征集' }] })
    await must(env, 'committee', 'plan', 'linkItem', { id: a.id, revision: a.revision, link: { kind: 'notice', id: notice.id } })

    const copied = await must(env, 'chair', 'plan', 'copy', { year: 2033, fromYear: 2032 })
    expect(copied).toMatchObject({ year: 2033, state: 'draft', guidance: [{ type: 'paragraph', text: '围绕学校中心工作' }] })
    expect(copied.items.map((i: any) => [i.month, i.date, i.title, i.ownerName, i.status, i.link])).toEqual([
      [2, '2033-02-28', '完善离退休人员台帐', '李晓梅', 'planned', undefined],
      [3, undefined, '三八节活动', '王建华', 'planned', undefined],
    ])
    // A second copy is refused: the year has its plan.
    expect(await plan(env, 'chair', 'copy', { year: 2033, fromYear: 2032 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await must(env, 'chair', 'plan', 'get', { year: 2033 })).items).toHaveLength(2)
  })

  it('adopts the plan and publishes it as a 校务公开 notice members can read', async () => {
    await must(env, 'chair', 'plan', 'save', { year: 2034, guidance: [{ type: 'paragraph', text: '指导思想正文' }], focus: [] })
    await must(env, 'committee', 'plan', 'addItem', item(2034, 6, committeeId, { title: '发放提案表' }))
    const p = await must(env, 'chair', 'plan', 'get', { year: 2034 })
    const adopted = await must(env, 'chair', 'plan', 'adopt', { year: 2034, revision: p.revision })
    expect(adopted).toMatchObject({ state: 'adopted', noticeId: expect.any(String) })
    const seen = await must(env, 'staff', 'notice', 'get', { id: adopted.noticeId })
    expect(seen).toMatchObject({ title: '2034年工会工作计划', state: 'published' })
    expect(JSON.stringify(seen.body)).toContain('发放提案表')
    expect(await plan(env, 'chair', 'adopt', { year: 2034, revision: adopted.revision })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await plan(env, 'committee', 'adopt', { year: 2034, revision: adopted.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses an owner who is not on the committee, and a date outside the item’s month, writing nothing', async () => {
    const staffId = await memberId(env, 'staff')
    const before = (await must(env, 'committee', 'plan', 'items', { year: 2035 })).items.length
    expect(await plan(env, 'committee', 'addItem', item(2035, 4, staffId))).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('负责人') })
    expect(await plan(env, 'committee', 'addItem', item(2035, 4, committeeId, { date: '2035-05-01' }))).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('4 月') })
    expect((await must(env, 'committee', 'plan', 'items', { year: 2035 })).items).toHaveLength(before)
  })
})

describe('items', () => {
  it('creates once per request, refuses a stale revision and keeps every change in the history', async () => {
    const input = item(2035, 9, committeeId, { title: '教师节慰问' })
    const [a, b] = await Promise.all([must(env, 'committee', 'plan', 'addItem', input), must(env, 'committee', 'plan', 'addItem', input)])
    expect(a.id).toBe(b.id)
    const edited = await must(env, 'committee', 'plan', 'editItem', { ...input, id: a.id, revision: a.revision, title: '教师节慰问座谈', date: '2035-09-10' })
    expect(edited).toMatchObject({ title: '教师节慰问座谈', date: '2035-09-10', revision: 2 })
    expect(await plan(env, 'committee', 'editItem', { ...input, id: a.id, revision: a.revision, title: '旧版本上的修改' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    await must(env, 'committee', 'plan', 'cancelItem', { id: a.id, revision: 2, reason: '与学校安排冲突' })
    const history = (await must(env, 'committee', 'plan', 'itemHistory', { id: a.id })).items
    expect(history.map((h: any) => h.revision)).toEqual([1, 2, 3])
    expect(history[1].what).toContain('教师节慰问座谈')
    expect(history[2]).toMatchObject({ byName: '李晓梅', what: expect.stringContaining('与学校安排冲突') })
    const now = (await must(env, 'committee', 'plan', 'items', { year: 2035, month: 9 })).items.find((i: any) => i.id === a.id)
    expect(now).toMatchObject({ status: 'cancelled', cancelReason: '与学校安排冲突', title: '教师节慰问座谈' })
  })

  it('follows the linked activity: 计划中 while a draft, 进行中 once published, 已取消 with the organiser’s reason', async () => {
    const it1 = await must(env, 'committee', 'plan', 'addItem', item(2035, 3, committeeId, { title: '三八节活动' }))
    const activityId = await createActivity(env, committee, { title: '三八节插花' }, false)
    const linked = await must(env, 'committee', 'plan', 'linkItem', { id: it1.id, revision: it1.revision, link: { kind: 'activity', id: activityId } })
    expect(linked).toMatchObject({ status: 'planned', link: { kind: 'activity', id: activityId, title: '三八节插花' } })
    await must(env, 'committee', 'activity', 'publish', { id: activityId })
    const status = async () => (await must(env, 'committee', 'plan', 'items', { year: 2035, month: 3 })).items.find((i: any) => i.id === it1.id)
    expect(await status()).toMatchObject({ status: 'ongoing' })
    await must(env, 'committee', 'activity', 'cancelActivity', { id: activityId, reason: '天气原因改期' })
    expect(await status()).toMatchObject({ status: 'cancelled', cancelReason: '天气原因改期' })
    // Unlinked, it is the plan's own again; a date removed by an edit is gone.
    const now = await status()
    const unlinked = await must(env, 'committee', 'plan', 'linkItem', { id: it1.id, revision: now.revision, link: null })
    expect(unlinked).toMatchObject({ status: 'planned' })
    expect(unlinked.link).toBeUndefined()
    const dated = await must(env, 'committee', 'plan', 'editItem', { ...item(2035, 3, committeeId), id: it1.id, revision: unlinked.revision, title: '三八节活动', date: '2035-03-08' })
    const undated = await must(env, 'committee', 'plan', 'editItem', { ...item(2035, 3, committeeId), id: it1.id, revision: dated.revision, title: '三八节活动', date: null })
    expect(dated.date).toBe('2035-03-08')
    expect(undated.date).toBeUndefined()
  })

  it('follows the linked notice (draft → 进行中, published → 已完成, withdrawn → 已取消) and 慰问 plan (active → 进行中, closed → 已完成)', async () => {
    const n = await must(env, 'committee', 'plan', 'addItem', item(2035, 6, committeeId, { title: '发放提案表' }))
    const w = await must(env, 'committee', 'plan', 'addItem', item(2035, 1, committeeId, { title: '春节送温暖' }))
    const draft = await must(env, 'committee', 'notice', 'createDraft', { requestId: rid(), title: '提案征集通知', category: '教代会', visibility: 'internal', body: [{ type: 'paragraph', text: '请各位代表提交提案' }] })
    await must(env, 'committee', 'plan', 'linkItem', { id: n.id, revision: n.revision, link: { kind: 'notice', id: draft.id } })
    const holiday = await must(env, 'committee', 'welfare', 'planCreate', { requestId: rid(), title: '春节慰问', plannedDate: day(3), filter: { retirees: true }, cashYuan: '300', fund: '工会经费' })
    await must(env, 'committee', 'plan', 'linkItem', { id: w.id, revision: w.revision, link: { kind: 'welfare', id: holiday.id } })
    const of = async (id: string) => (await must(env, 'committee', 'plan', 'items', { year: 2035 })).items.find((i: any) => i.id === id)
    expect((await of(n.id)).status).toBe('ongoing')
    expect((await of(w.id)).status).toBe('ongoing')
    await must(env, 'chair', 'notice', 'publish', { id: draft.id })
    expect((await of(n.id)).status).toBe('done')
    await must(env, 'chair', 'notice', 'withdraw', { id: draft.id, reason: '内容有误，重新发布' })
    expect(await of(n.id)).toMatchObject({ status: 'cancelled', cancelReason: '内容有误，重新发布' })
    await must(env, 'committee', 'welfare', 'planClose', { id: holiday.id })
    expect((await of(w.id)).status).toBe('done')
  })

  it('refuses a link to a record that does not exist', async () => {
    const a = await must(env, 'committee', 'plan', 'addItem', item(2035, 5, committeeId))
    expect(await plan(env, 'committee', 'linkItem', { id: a.id, revision: a.revision, link: { kind: 'activity', id: 'f'.repeat(32) } })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})

describe('工作台 and the monthly reminder', () => {
  it('counts open items due this month and overdue ones (urgent) for the committee', async () => {
    const desk = async () => Object.fromEntries((await must(env, 'committee', 'member', 'desk')).items.map((i: any) => [i.key, i]))
    const before = await desk()
    const today = day(0)
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))]
    const last = m === 1 ? [y - 1, 12] : [y, m - 1]
    await must(env, 'committee', 'plan', 'addItem', item(y, m, committeeId, { title: '本月事项' }))
    const late = await must(env, 'committee', 'plan', 'addItem', item(last[0], last[1], committeeId, { title: '上月未完成' }))
    const after = await desk()
    expect(after['plan.month']).toMatchObject({ count: before['plan.month'].count + 1, url: '/packages/plan/pages/plan/index' })
    expect(after['plan.overdue']).toMatchObject({ count: before['plan.overdue'].count + 1, urgent: true })
    await must(env, 'committee', 'plan', 'markDone', { id: late.id, revision: late.revision, done: true })
    expect((await desk())['plan.overdue'].count).toBe(before['plan.overdue'].count)
  })

  it('tells each owner once a month, however often the timer runs', async () => {
    const owner = await joinThroughApp(env, { name: '孙委员' })
    await must(env, 'chair', 'member', 'setRole', { memberId: owner.id, role: 'committee' })
    const today = day(0)
    await must(env, 'committee', 'plan', 'addItem', item(Number(today.slice(0, 4)), Number(today.slice(5, 7)), owner.id, { title: '孙委员的事项' }))
    const first = await trigger(env, 'plan', 'remindOwners')
    expect(first.sent).toBeGreaterThan(0)
    const second = await trigger(env, 'plan', 'remindOwners')
    expect(second.sent).toBe(0)
    const mine = (await outbox(env, owner.openid)).filter((x) => x.templateId === TEMPLATES.planMonthly)
    expect(mine).toHaveLength(1)
    expect(mine[0].page).toBe('packages/plan/pages/plan/index')
    for (const who of ['committee', 'chair'] as const) {
      expect((await outbox(env, persona(who).openid)).filter((x) => x.templateId === TEMPLATES.planMonthly).length).toBeLessThanOrEqual(1)
    }
  })
})

describe('the 教代会 and 慰问 follow-ups in the plan', () => {
  it('an item follows a session’s 提案征集 window; members see the congress days in the calendar', async () => {
    const { db } = sdkFor(env)
    const s = (await db.collection('congress_sessions').doc('congress-5-3').get()).data
    const today = day(0)
    const expected = today < s.collectFrom ? 'planned' : today <= s.collectTo ? 'ongoing' : 'done'
    const year = Number(today.slice(0, 4))
    const a = await must(env, 'committee', 'plan', 'addItem', item(year, Number(today.slice(5, 7)), committeeId, { title: '发放提案表，征集提案' }))
    const candidates = (await must(env, 'committee', 'plan', 'linkCandidates', { kind: 'congress' })).items
    expect(candidates.map((c: any) => c.id)).toContain('congress-5-3')
    const linked = await must(env, 'committee', 'plan', 'linkItem', { id: a.id, revision: a.revision, link: { kind: 'congress', id: 'congress-5-3' } })
    expect(linked).toMatchObject({ link: { kind: 'congress', title: `${s.title}提案征集` }, status: expected })
    expect(await plan(env, 'committee', 'linkItem', { id: a.id, revision: linked.revision, link: { kind: 'congress', id: 'congress-9-9' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' })

    const closing = await must(env, 'staff', 'plan', 'calendar', { month: s.collectTo.slice(0, 7) })
    expect(closing.entries).toContainEqual(expect.objectContaining({ date: s.collectTo, kind: 'congress', title: `提案征集截止：${s.title}` }))
    const meeting = await must(env, 'staff', 'plan', 'calendar', { month: s.meetingDate.slice(0, 7) })
    expect(meeting.entries).toContainEqual(expect.objectContaining({ date: s.meetingDate, kind: 'congress', title: s.title }))
  })

  it('the committee’s calendar shows a due hospital 回访, members’ does not', async () => {
    const teacher = await joinThroughApp(env, { name: '郑老师' })
    await must(env, 'committee', 'welfare', 'record', visitFor(teacher.id, { reason: '生病住院', cashYuan: '300', followUpDays: 10 }))
    const due = day(10)
    const committeeView = await must(env, 'committee', 'plan', 'calendar', { month: due.slice(0, 7) })
    expect(committeeView.entries).toContainEqual(expect.objectContaining({ date: due, kind: 'followUp', title: '回访：郑老师' }))
    const staffView = await must(env, 'staff', 'plan', 'calendar', { month: due.slice(0, 7) })
    expect(staffView.entries.some((e: any) => e.kind === 'followUp')).toBe(false)
  })
})
