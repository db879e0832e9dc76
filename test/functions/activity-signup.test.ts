/** Sign-up, waitlist, cancellation, promotion and answer corrections through the runner and the real SDK. */
import { activityDetail, mineOutput, myRegistration, signupOutcome } from '../../types/activity'
import { result } from '../../types/result'
import { newEnvName, sdkFor } from '../support/cloud'
import {
  activity, addMembers, addOrganiser, call, createActivity, expectConsistent, outbox, registrations, shiftTimes, snapshot, type TestMember,
} from './activity-support'

jest.setTimeout(120_000)

const env = newEnvName('act-signup')
const { db } = sdkFor(env)
let m: TestMember[]
let retired: TestMember
let org: TestMember
const create = (over: Parameters<typeof createActivity>[2] = {}) => createActivity(env, org, over)

beforeAll(async () => {
  org = await addOrganiser(db, 'su')
  m = await addMembers(db, 'su', 12)
  ;[retired] = await addMembers(db, 'retired', 1, { status: '离退休', gender: '女', department: '语文组' })
}, 60_000)

describe('activity.register', () => {
  it('confirms a member while places are left, with the 65-character registration id', async () => {
    const id = await create({ capacity: 2 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    const r = await call(env, m[0].openid, 'register', { activityId: id })
    expect(result(signupOutcome).safeParse(r).success).toBe(true)
    expect(r.data).toEqual({ id: `${id}_${m[0].id}`, activityId: id, state: 'confirmed' })
    expect(r.data.id).toHaveLength(65)
    const detail = await call(env, m[0].openid, 'detail', { id })
    expect(result(activityDetail).safeParse(detail).success).toBe(true)
    expect(detail.data.registration).toMatchObject({ id: r.data.id, state: 'confirmed', canCancel: true })
    expect(detail.data.mine).toEqual({ state: 'confirmed', checkedIn: false })
    await expectConsistent(db, id)
  })

  it('gives one registration for a repeated tap', async () => {
    const id = await create({ capacity: 2 })
    const first = await call(env, m[0].openid, 'register', { activityId: id })
    const second = await call(env, m[0].openid, 'register', { activityId: id })
    expect(second.data).toEqual(first.data)
    expect((await registrations(db, id)).length).toBe(1)
    await expectConsistent(db, id)
  })

  it('puts the third member on the waitlist as 候补第 1 位 when two places are taken', async () => {
    const id = await create({ capacity: 2 })
    for (const who of m.slice(0, 2)) expect((await call(env, who.openid, 'register', { activityId: id })).data.state).toBe('confirmed')
    expect((await call(env, m[2].openid, 'register', { activityId: id })).data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    expect((await call(env, m[3].openid, 'register', { activityId: id })).data).toMatchObject({ state: 'waitlisted', waitPosition: 2 })
    // A repeated tap answers the same place in the queue.
    expect((await call(env, m[3].openid, 'register', { activityId: id })).data).toMatchObject({ state: 'waitlisted', waitPosition: 2 })
    await expectConsistent(db, id)
  })

  it('promotes the first waiting member when a confirmed one cancels, and notifies them', async () => {
    const id = await create({ capacity: 2 })
    for (const who of m.slice(0, 4)) await call(env, who.openid, 'register', { activityId: id })
    const cancelled = await call(env, m[0].openid, 'cancel', { activityId: id })
    expect(result(myRegistration).safeParse(cancelled).success).toBe(true)
    expect(cancelled.data.state).toBe('cancelled')
    expect((await call(env, m[2].openid, 'detail', { id })).data.registration).toMatchObject({ state: 'confirmed' })
    expect((await call(env, m[3].openid, 'detail', { id })).data.registration).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    const [msg] = await outbox(env, m[2].openid)
    expect(msg).toMatchObject({ templateId: 'tpl_activity_result', data: { phrase2: { value: '候补转正' } } })
    expect(msg.page).toContain(id)
    await expectConsistent(db, id)
  })

  it('lets a waiting member leave the queue, moving those behind up', async () => {
    const id = await create({ capacity: 1, cancelPolicy: 'never' })
    for (const who of m.slice(0, 3)) await call(env, who.openid, 'register', { activityId: id })
    expect((await call(env, m[1].openid, 'cancel', { activityId: id })).data.state).toBe('cancelled')
    expect((await call(env, m[2].openid, 'detail', { id })).data.registration.waitPosition).toBe(1)
    await expectConsistent(db, id)
  })

  it('lets a member sign up again after cancelling, at the back of the queue', async () => {
    const id = await create({ capacity: 1 })
    await call(env, m[0].openid, 'register', { activityId: id })
    await call(env, m[1].openid, 'register', { activityId: id })
    await call(env, m[0].openid, 'cancel', { activityId: id })
    expect((await call(env, m[0].openid, 'register', { activityId: id })).data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    await expectConsistent(db, id)
  })

  it('ignores the row of a sign-up killed before it took a place, and completes on the retry', async () => {
    // The row is written first and the ledger entry last: a sign-up that died in between left a row
    // that counts for nothing (no place, not in 我的报名) until the member taps again.
    const id = await create({ capacity: 2, fields: [{ key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true }] })
    const at = new Date(Date.now() - 60_000)
    await db.collection('registrations').doc(`${id}_${m[6].id}`).set({ data: { activityId: id, memberId: m[6].id, memberName: '会员su6', department: '数学组', answers: { size: 'M' }, answersRev: 0, guests: 0, createdAt: at, updatedAt: at } })
    expect((await call(env, m[6].openid, 'detail', { id })).data.registration).toBeUndefined()
    expect((await call(env, m[6].openid, 'mine', { page: 1 })).data.items.map((x: any) => x.activity.id)).not.toContain(id)
    expect((await activity(db, id)).seatsTaken).toBe(0)
    const r = await call(env, m[6].openid, 'register', { activityId: id, answers: { size: 'L' } })
    expect(r.data).toMatchObject({ state: 'confirmed', id: `${id}_${m[6].id}` })
    expect((await call(env, m[6].openid, 'detail', { id })).data.registration.answers).toEqual({ size: 'L' })
    await expectConsistent(db, id)
  })

  it('counts guests toward the capacity when the organiser says so', async () => {
    const id = await create({ capacity: 3, guests: { max: 2, countsTowardCapacity: true } })
    expect((await call(env, m[0].openid, 'register', { activityId: id, guests: 2 })).data.state).toBe('confirmed')
    expect((await call(env, m[1].openid, 'register', { activityId: id, guests: 1 })).data.state).toBe('waitlisted')
    // Strict order: the next member would fit in the last place, but the one ahead of them does not.
    expect((await call(env, m[2].openid, 'register', { activityId: id })).data.state).toBe('waitlisted')
    const { a } = await expectConsistent(db, id)
    expect(a.seatsTaken).toBe(3)
    await call(env, m[0].openid, 'cancel', { activityId: id })
    const after = (await expectConsistent(db, id)).a
    expect(after.seatsTaken).toBe(3)
    expect(after.queue).toEqual([])
  })

  it('holds a place as 待审核 when approval is on', async () => {
    const id = await create({ capacity: 1, needsApproval: true })
    expect((await call(env, m[0].openid, 'register', { activityId: id })).data.state).toBe('pending')
    expect((await call(env, m[1].openid, 'register', { activityId: id })).data.state).toBe('waitlisted')
    await expectConsistent(db, id)
  })

  it('stores answers checked against the activity’s own fields', async () => {
    const id = await create({
      fields: [
        { key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true },
        { key: 'events', label: '项目', type: 'multi', options: ['跑步', '跳绳'], required: false },
        { key: 'age', label: '年龄', type: 'number', required: false },
      ],
    })
    await call(env, m[0].openid, 'register', { activityId: id, answers: { size: 'L', events: ['跳绳'], age: '45' } })
    expect((await call(env, m[0].openid, 'detail', { id })).data.registration.answers).toEqual({ size: 'L', events: ['跳绳'], age: 45 })
  })
})

describe('activity.editAnswers: corrections while sign-up is open keep the place', () => {
  const fields = [{ key: 'room', label: '住宿', type: 'single' as const, options: ['标准间', '单间'], required: true }]

  it('changes the answers against the revision shown, without losing the place in the queue', async () => {
    const id = await create({ capacity: 1, fields })
    await call(env, m[0].openid, 'register', { activityId: id, answers: { room: '标准间' } })
    await call(env, m[1].openid, 'register', { activityId: id, answers: { room: '标准间' } })
    await call(env, m[2].openid, 'register', { activityId: id, answers: { room: '标准间' } })
    const before = await snapshot(db, id)
    const r = await call(env, m[1].openid, 'editAnswers', { activityId: id, answers: { room: '单间' }, revision: 0 })
    expect(result(myRegistration).safeParse(r).success).toBe(true)
    expect(r.data).toMatchObject({ state: 'waitlisted', waitPosition: 1, answers: { room: '单间' }, revision: 1, canEdit: true })
    // The ledger (places, queue) is untouched: only the row changed.
    expect(JSON.parse(await snapshot(db, id)).a).toEqual(JSON.parse(before).a)
    await expectConsistent(db, id)
  })

  it('refuses a correction made on an older revision (someone changed them since)', async () => {
    const id = await create({ fields })
    await call(env, m[3].openid, 'register', { activityId: id, answers: { room: '标准间' } })
    expect((await call(env, m[3].openid, 'editAnswers', { activityId: id, answers: { room: '单间' }, revision: 0 })).ok).toBe(true)
    const stale = await call(env, m[3].openid, 'editAnswers', { activityId: id, answers: { room: '标准间' }, revision: 0 })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect((await call(env, m[3].openid, 'detail', { id })).data.registration.answers).toEqual({ room: '单间' })
  })

  it('refuses after sign-up closed, answers the form does not ask, and people not registered', async () => {
    const id = await create({ fields })
    await call(env, m[4].openid, 'register', { activityId: id, answers: { room: '标准间' } })
    expect(await call(env, m[4].openid, 'editAnswers', { activityId: id, answers: { room: '豪华间' }, revision: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '“住宿”请从给出的选项中选择一项。' })
    expect(await call(env, m[5].openid, 'editAnswers', { activityId: id, answers: { room: '单间' }, revision: 0 })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '您还没有报名这个活动。' })
    await shiftTimes(db, id, { signupEndAt: new Date(Date.now() - 1000) })
    const closed = await call(env, m[4].openid, 'editAnswers', { activityId: id, answers: { room: '单间' }, revision: 0 })
    expect(closed).toMatchObject({ ok: false, code: 'CONFLICT', message: '报名已经截止，报名信息不能再修改；如需调整，请联系组织者。' })
    expect((await call(env, m[4].openid, 'detail', { id })).data.registration).toMatchObject({ answers: { room: '标准间' }, canEdit: false })
  })
})

describe('refusals: each with its own message, writing nothing', () => {
  async function refused(over: Parameters<typeof createActivity>[2], input: Record<string, unknown>, who: string, message: string | RegExp, code = 'CONFLICT', prepare?: (id: string) => Promise<void>) {
    const id = await create(over)
    if (prepare) await prepare(id)
    const before = await snapshot(db, id)
    const r = await call(env, who, 'register', { activityId: id, ...input })
    expect(r).toMatchObject({ ok: false, code })
    expect(r.message).toMatch(message)
    expect(await snapshot(db, id)).toBe(before)
    return id
  }
  const now = Date.now()

  it('before the window opens', () => refused({ signupStartAt: new Date(now + 3600_000).toISOString() }, {}, m[0].openid, /^报名还没有开始，\d{4}-\d\d-\d\d \d\d:\d\d 开始报名。$/))
  it('after the window closes', () => refused({}, {}, m[0].openid, '报名已经截止了。', 'CONFLICT', (id) => shiftTimes(db, id, { signupEndAt: new Date(Date.now() - 60_000) })))
  it('outside the audience (在职 only)', () => refused({ audience: { kind: '在职' } }, {}, retired.openid, '这个活动只面向在职教职工。'))
  it('outside the audience (女教职工)', () => refused({ audience: { kind: 'female' } }, {}, m[0].openid, '这个活动只面向女教职工。'))
  it('outside the audience (departments)', () => refused({ audience: { kind: 'departments', departments: ['语文组', '英语组'] } }, {}, m[0].openid, '这个活动只面向语文组、英语组的教职工。'))
  it('a draft', async () => {
    const id = await createActivity(env, org, {}, false)
    const r = await call(env, m[0].openid, 'register', { activityId: id })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '这个活动还没有发布，暂时不能报名。' })
    expect(await registrations(db, id)).toEqual([])
  })
  it('a cancelled activity', () => refused({}, {}, m[0].openid, '这个活动已经取消了。', 'CONFLICT', async (id) => {
    await call(env, org.openid, 'cancelActivity', { id, reason: '场地有变' })
  }))
  it('full without a waitlist', () => refused({ capacity: 1, waitlist: false }, {}, m[1].openid, '名额已满，这个活动不设候补。', 'CONFLICT', async (id) => {
    await call(env, m[0].openid, 'register', { activityId: id })
  }))
  it('a missing required answer', () => refused({ fields: [{ key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true }] }, {}, m[0].openid, '请填写“尺码”。', 'BAD_INPUT'))
  it('a choice not among the options', () => refused({ fields: [{ key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true }] }, { answers: { size: 'XXL' } }, m[0].openid, '“尺码”请从给出的选项中选择一项。', 'BAD_INPUT'))
  it('an answer to a question the form does not ask', () => refused({}, { answers: { extra: 'x' } }, m[0].openid, '提交了报名表里没有的项目，请刷新后重新填写。', 'BAD_INPUT'))
  it('guests where none are allowed', () => refused({}, { guests: 1 }, m[0].openid, '这个活动不能携带家属。', 'BAD_INPUT'))
  it('bad input shape, in Chinese', () => refused({}, { guests: -1 }, m[0].openid, /^输入有误：携带家属人数不能小于 0/, 'BAD_INPUT'))

  it('an id the functions never made', async () => {
    expect(await call(env, m[0].openid, 'register', { activityId: 'act/../x' })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '输入有误：活动的格式不对。请修改后重试。' })
    expect(await call(env, m[0].openid, 'register', { activityId: 'f'.repeat(32) })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '活动不存在或已被删除' })
  })

  it('the frequency rule: once per 3 years in the same series', async () => {
    const earlier = await create({ title: '2026年疗休养（安吉）', frequency: { key: 'sanatorium-t', years: 3 } })
    expect((await call(env, m[5].openid, 'register', { activityId: earlier })).data.state).toBe('confirmed')
    await refused({ frequency: { key: 'sanatorium-t', years: 3 }, startAt: new Date(now + 90 * 86400_000).toISOString(), endAt: new Date(now + 91 * 86400_000).toISOString() }, {}, m[5].openid, '同类活动每 3 年只能参加一次，您已参加过“2026年疗休养（安吉）”。')
  })

  it('cancelling outside the policy (never)', async () => {
    const id = await create({ cancelPolicy: 'never' })
    await call(env, m[0].openid, 'register', { activityId: id })
    const before = await snapshot(db, id)
    const r = await call(env, m[0].openid, 'cancel', { activityId: id })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '这个活动报名后不能取消；如有特殊情况，请联系组织者。' })
    expect(await snapshot(db, id)).toBe(before)
  })

  it('cancelling after sign-up closed (until sign-up closes)', async () => {
    const id = await create({ cancelPolicy: 'untilSignupEnd' })
    await call(env, m[0].openid, 'register', { activityId: id })
    await shiftTimes(db, id, { signupEndAt: new Date(Date.now() - 1000) })
    const before = await snapshot(db, id)
    const r = await call(env, m[0].openid, 'cancel', { activityId: id })
    expect(r.message).toBe('报名已经截止，按活动规定不能再取消；如有特殊情况，请联系组织者。')
    expect(await snapshot(db, id)).toBe(before)
  })
})

describe('activity.mine', () => {
  it('lists the caller’s registrations with their answers, the questions and 候补第 n 位', async () => {
    const fields = [{ key: 'meal', label: '套餐', type: 'single' as const, options: ['A', 'B'], required: true }]
    const id = await create({ capacity: 1, title: '我的报名测试', fields })
    await call(env, m[8].openid, 'register', { activityId: id, answers: { meal: 'A' } })
    await call(env, m[9].openid, 'register', { activityId: id, answers: { meal: 'B' } })
    const r = await call(env, m[9].openid, 'mine', { page: 1 })
    expect(result(mineOutput).safeParse(r).success).toBe(true)
    expect(r.data.items[0]).toMatchObject({
      activity: { title: '我的报名测试', mine: { state: 'waitlisted', waitPosition: 1 } },
      registration: { state: 'waitlisted', waitPosition: 1, answers: { meal: 'B' }, canEdit: true },
      fields,
    })
  })
})
