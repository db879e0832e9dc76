/**
 * Plan records on the 校务公开 board: the adopted plan's later changes are published as a correction
 * (a new version with its reason) of its notice, and a meeting's summary can be published — its agenda
 * and decisions, never the minutes or who was absent and why. Everything is made through the functions.
 */
import { seededEnv } from './helpers'
import { day, item, memberId, must, plan, rid } from './plan-support'
import { joinThroughApp } from './welfare-support'

let env: string
let committeeId: string
let chairId: string
beforeAll(async () => {
  ;({ env } = await seededEnv('plan-notices'))
  committeeId = await memberId(env, 'committee')
  chairId = await memberId(env, 'chair')
})

describe('the adopted plan’s notice follows the plan', () => {
  it('publishes added, re-dated and cancelled items as a correction, once, at the version the chair saw', async () => {
    await must(env, 'chair', 'plan', 'save', { year: 2036, guidance: [{ type: 'paragraph', text: '指导思想' }], focus: [] })
    const first = await must(env, 'committee', 'plan', 'addItem', item(2036, 3, committeeId, { title: '三八节活动' }))
    const p = await must(env, 'chair', 'plan', 'get', { year: 2036 })
    const adopted = await must(env, 'chair', 'plan', 'adopt', { year: 2036, revision: p.revision })
    expect(adopted.notice).toEqual({ id: adopted.noticeId, version: 1, behind: false })

    // Work getting done is not a change of plan: the notice is not behind.
    await must(env, 'committee', 'plan', 'markDone', { id: first.id, revision: first.revision, done: true })
    expect((await must(env, 'chair', 'plan', 'get', { year: 2036 })).notice.behind).toBe(false)

    await must(env, 'committee', 'plan', 'addItem', item(2036, 6, chairId, { title: '发放提案表' }))
    const dropped = await must(env, 'committee', 'plan', 'addItem', item(2036, 9, committeeId, { title: '教师节座谈' }))
    await must(env, 'committee', 'plan', 'cancelItem', { id: dropped.id, revision: dropped.revision, reason: '与学校安排冲突' })
    const behind = await must(env, 'chair', 'plan', 'get', { year: 2036 })
    expect(behind.notice).toMatchObject({ version: 1, behind: true })

    expect(await plan(env, 'committee', 'updateNotice', { year: 2036, noticeVersion: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Two taps at once: one correction.
    const taps = await Promise.all([plan(env, 'chair', 'updateNotice', { year: 2036, noticeVersion: 1 }), plan(env, 'chair', 'updateNotice', { year: 2036, noticeVersion: 1 })])
    expect(taps.filter((r) => r.ok)).toHaveLength(1)
    expect(taps.find((r) => !r.ok)).toMatchObject({ code: expect.stringMatching(/CONFLICT|BAD_INPUT/) })

    const seen = await must(env, 'staff', 'notice', 'get', { id: adopted.noticeId })
    expect(seen).toMatchObject({ version: 2, correctionCount: 1 })
    expect(JSON.stringify(seen.body)).toContain('发放提案表')
    expect(JSON.stringify(seen.body)).toContain('已取消：与学校安排冲突')
    const after = await must(env, 'chair', 'plan', 'get', { year: 2036 })
    expect(after.notice).toMatchObject({ version: 2, behind: false })
    expect(await plan(env, 'chair', 'updateNotice', { year: 2036, noticeVersion: 2 })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('一致') })
    expect(await plan(env, 'chair', 'updateNotice', { year: 2036, noticeVersion: 1 })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已被他人修改') })
  })

  it('refuses to update the notice of a plan not yet adopted', async () => {
    await must(env, 'chair', 'plan', 'save', { year: 2037, guidance: [], focus: [] })
    expect(await plan(env, 'chair', 'updateNotice', { year: 2037, noticeVersion: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('a meeting’s summary on 校务公开', () => {
  it('publishes the agenda, decisions and attendance count once — never the minutes or absence reasons', async () => {
    const teacher = await joinThroughApp(env, { name: '吴老师' })
    const m = await must(env, 'committee', 'plan', 'recordMeeting', {
      requestId: rid(), type: '党政工联席会', date: day(-2), place: '三楼会议室', attendeeIds: [committeeId, chairId], absent: [{ memberId: teacher.id, reason: '家中老人住院' }],
      agenda: ['讨论校服采购'], minutes: '内部讨论细节不公开', decisions: [{ text: '成立校服采购监督小组', ownerId: committeeId, due: day(20) }],
    })
    expect(await plan(env, 'committee', 'publishMeeting', { id: m.id, revision: m.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const taps = await Promise.all([plan(env, 'chair', 'publishMeeting', { id: m.id, revision: m.revision }), plan(env, 'chair', 'publishMeeting', { id: m.id, revision: m.revision })])
    const done = taps.filter((r) => r.ok).map((r) => r.data)
    expect(done.length).toBeGreaterThanOrEqual(1)
    const published = await must(env, 'committee', 'plan', 'meeting', { id: m.id })
    expect(published).toMatchObject({ visibility: 'published', noticeId: expect.any(String) })
    for (const d of done) expect(d.noticeId).toBe(published.noticeId)

    const notice = await must(env, 'staff', 'notice', 'get', { id: published.noticeId })
    const text = JSON.stringify(notice)
    expect(notice.title).toBe(`${day(-2)} 党政工联席会纪要`)
    expect(text).toContain('讨论校服采购')
    expect(text).toContain('成立校服采购监督小组')
    expect(text).toContain('出席 2 人，缺席 1 人')
    expect(text).not.toContain('内部讨论细节')
    expect(text).not.toContain('家中老人住院')
    expect(text).not.toContain('吴老师')
    // Exactly one notice with that title, however many taps.
    const board = await must(env, 'staff', 'notice', 'list', { page: 1, keyword: '党政工联席会纪要' })
    expect(board.items.filter((n: any) => n.title === notice.title)).toHaveLength(1)
    expect(await plan(env, 'chair', 'publishMeeting', { id: m.id, revision: published.revision })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('refuses to publish a meeting from a stale copy', async () => {
    const m = await must(env, 'committee', 'plan', 'recordMeeting', { requestId: rid(), type: '工会委员会议', date: day(-1), place: '会议室', attendeeIds: [committeeId], agenda: ['议题'], minutes: '' })
    await must(env, 'committee', 'plan', 'editMeeting', { id: m.id, revision: m.revision, type: '工会委员会议', date: day(-1), place: '二楼会议室', attendeeIds: [committeeId], agenda: ['议题'], minutes: '' })
    expect(await plan(env, 'chair', 'publishMeeting', { id: m.id, revision: m.revision })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已被他人修改') })
  })
})
