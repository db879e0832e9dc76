/** Sign-up, waitlist, cancellation and promotion through the runner and the real SDK. */
import { myRegistration, activityDetail, mineOutput } from '../../types/activity'
import { result } from '../../types/result'
import { newEnvName, sdkFor } from '../support/cloud'
import { addActivity, addMembers, call, expectCountersEqualRows, outbox, registrations, snapshot } from './activity-support'

const env = newEnvName('act-signup')
const { db } = sdkFor(env)
let m: Array<{ openid: string }>

beforeAll(async () => {
  m = await addMembers(db, 'su', 12)
  await addMembers(db, 'retired', 1, { status: '离退休', gender: '女', department: '语文组' })
}, 60_000)

describe('activity.register', () => {
  it('confirms a member while places are left, and answers in the shape the app parses', async () => {
    const a = await addActivity(db, { capacity: 2 })
    const r = await call(env, m[0].openid, 'register', { activityId: a._id })
    expect(result(myRegistration).safeParse(r).success).toBe(true)
    expect(r.data).toMatchObject({ state: 'confirmed', activityId: a._id, canCancel: true })
    await expectCountersEqualRows(db, a._id)
  })

  it('gives one registration for a repeated tap', async () => {
    const a = await addActivity(db, { capacity: 2 })
    const first = await call(env, m[0].openid, 'register', { activityId: a._id })
    const second = await call(env, m[0].openid, 'register', { activityId: a._id })
    expect(second.data.id).toBe(first.data.id)
    expect((await registrations(db, a._id)).length).toBe(1)
    await expectCountersEqualRows(db, a._id)
  })

  it('puts the third member on the waitlist as 候补 1 when two places are taken', async () => {
    const a = await addActivity(db, { capacity: 2 })
    for (const who of m.slice(0, 2)) expect((await call(env, who.openid, 'register', { activityId: a._id })).data.state).toBe('confirmed')
    const third = await call(env, m[2].openid, 'register', { activityId: a._id })
    expect(third.data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    const fourth = await call(env, m[3].openid, 'register', { activityId: a._id })
    expect(fourth.data).toMatchObject({ state: 'waitlisted', waitPosition: 2 })
    await expectCountersEqualRows(db, a._id)
  })

  it('promotes the first waiting member when a confirmed one cancels, and notifies them', async () => {
    const a = await addActivity(db, { capacity: 2 })
    for (const who of m.slice(0, 4)) await call(env, who.openid, 'register', { activityId: a._id })
    const cancelled = await call(env, m[0].openid, 'cancel', { activityId: a._id })
    expect(cancelled.data.state).toBe('cancelled')
    const promoted = await call(env, m[2].openid, 'detail', { id: a._id })
    expect(result(activityDetail).safeParse(promoted).success).toBe(true)
    expect(promoted.data.mine).toMatchObject({ state: 'confirmed' })
    expect((await call(env, m[3].openid, 'detail', { id: a._id })).data.mine).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    const [msg] = await outbox(env, m[2].openid)
    expect(msg).toMatchObject({ templateId: 'tpl_activity_result', data: { phrase2: { value: '候补转正' } } })
    expect(msg.page).toContain(a._id)
    await expectCountersEqualRows(db, a._id)
  })

  it('lets a waiting member leave the queue, moving those behind up', async () => {
    const a = await addActivity(db, { capacity: 1, cancelPolicy: 'never' })
    for (const who of m.slice(0, 3)) await call(env, who.openid, 'register', { activityId: a._id })
    expect((await call(env, m[1].openid, 'cancel', { activityId: a._id })).data.state).toBe('cancelled')
    expect((await call(env, m[2].openid, 'detail', { id: a._id })).data.mine.waitPosition).toBe(1)
    await expectCountersEqualRows(db, a._id)
  })

  it('lets a member sign up again after cancelling, at the back of the queue', async () => {
    const a = await addActivity(db, { capacity: 1 })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    await call(env, m[1].openid, 'register', { activityId: a._id })
    await call(env, m[0].openid, 'cancel', { activityId: a._id })
    const again = await call(env, m[0].openid, 'register', { activityId: a._id })
    expect(again.data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    await expectCountersEqualRows(db, a._id)
  })

  it('completes a sign-up whose earlier attempt died after taking the row (stale claim)', async () => {
    const a = await addActivity(db, { capacity: 2 })
    const stale = new Date(Date.now() - 60_000)
    await db.collection('registrations').add({ data: { _id: `${a._id}_mem_su_6`, activityId: a._id, memberId: 'mem_su_6', state: 'claiming', claimToken: 'dead', answers: {}, createdAt: stale, updatedAt: stale } })
    const r = await call(env, m[6].openid, 'register', { activityId: a._id })
    expect(r.data).toMatchObject({ state: 'confirmed', id: `${a._id}_mem_su_6` })
    expect((await registrations(db, a._id)).length).toBe(1)
    await expectCountersEqualRows(db, a._id)
  })

  it('counts guests toward the capacity when the organiser says so', async () => {
    const a = await addActivity(db, { capacity: 3, guests: { max: 2, countsTowardCapacity: true } })
    expect((await call(env, m[0].openid, 'register', { activityId: a._id, guests: 2 })).data.state).toBe('confirmed')
    expect((await call(env, m[1].openid, 'register', { activityId: a._id, guests: 1 })).data.state).toBe('waitlisted')
    expect((await call(env, m[2].openid, 'register', { activityId: a._id })).data.state).toBe('waitlisted')
    const { a: after } = await expectCountersEqualRows(db, a._id)
    expect(after.seatsTaken).toBe(3)
  })

  it('holds a place as 待审核 when approval is on', async () => {
    const a = await addActivity(db, { capacity: 1, needsApproval: true })
    expect((await call(env, m[0].openid, 'register', { activityId: a._id })).data.state).toBe('pending')
    expect((await call(env, m[1].openid, 'register', { activityId: a._id })).data.state).toBe('waitlisted')
    await expectCountersEqualRows(db, a._id)
  })

  it('stores answers checked against the activity’s own fields', async () => {
    const a = await addActivity(db, {
      fields: [
        { key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true },
        { key: 'events', label: '项目', type: 'multi', options: ['跑步', '跳绳'], required: false },
        { key: 'age', label: '年龄', type: 'number', required: false },
      ],
    })
    const r = await call(env, m[0].openid, 'register', { activityId: a._id, answers: { size: 'L', events: ['跳绳'], age: '45' } })
    expect(r.data.answers).toEqual({ size: 'L', events: ['跳绳'], age: 45 })
  })
})

describe('refusals: each with its own message, writing nothing', () => {
  async function refused(overrides: Record<string, unknown>, input: Record<string, unknown>, who: string, message: string | RegExp, code = 'CONFLICT') {
    const a = await addActivity(db, overrides as any)
    const before = await snapshot(db, a._id)
    const r = await call(env, who, 'register', { activityId: a._id, ...input })
    expect(r).toMatchObject({ ok: false, code })
    expect(r.message).toMatch(message)
    expect(await snapshot(db, a._id)).toBe(before)
    return a
  }
  const now = Date.now()

  it('before the window opens', () => refused({ signupStartAt: new Date(now + 3600_000) }, {}, m[0].openid, /^报名还没有开始，\d{4}-\d\d-\d\d \d\d:\d\d 开始报名。$/))
  it('after the window closes', () => refused({ signupEndAt: new Date(now - 60_000), signupStartAt: new Date(now - 7200_000) }, {}, m[0].openid, '报名已经截止了。'))
  it('outside the audience (在职 only)', () => refused({ audience: { kind: '在职' } }, {}, 'o_retired_0', '这个活动只面向在职教职工。'))
  it('outside the audience (女教职工)', () => refused({ audience: { kind: 'female' } }, {}, m[0].openid, '这个活动只面向女教职工。'))
  it('outside the audience (departments)', () => refused({ audience: { kind: 'departments', departments: ['语文组', '英语组'] } }, {}, m[0].openid, '这个活动只面向语文组、英语组的教职工。'))
  it('a draft', () => refused({ state: 'draft' }, {}, m[0].openid, '这个活动还没有发布，暂时不能报名。'))
  it('a cancelled activity', () => refused({ state: 'cancelled' }, {}, m[0].openid, '这个活动已经取消了。'))
  it('full without a waitlist', async () => {
    const a = await addActivity(db, { capacity: 1, waitlist: false })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    const before = await snapshot(db, a._id)
    const r = await call(env, m[1].openid, 'register', { activityId: a._id })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '名额已满，这个活动不设候补。' })
    expect(await snapshot(db, a._id)).toBe(before)
  })
  it('a missing required answer', () => refused({ fields: [{ key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true }] }, {}, m[0].openid, '请填写“尺码”。', 'BAD_INPUT'))
  it('a choice not among the options', () => refused({ fields: [{ key: 'size', label: '尺码', type: 'single', options: ['M', 'L'], required: true }] }, { answers: { size: 'XXL' } }, m[0].openid, '“尺码”请从给出的选项中选择一项。', 'BAD_INPUT'))
  it('an answer to a question the form does not ask', () => refused({}, { answers: { extra: 'x' } }, m[0].openid, '提交了报名表里没有的项目，请刷新后重新填写。', 'BAD_INPUT'))
  it('guests where none are allowed', () => refused({}, { guests: 1 }, m[0].openid, '这个活动不能携带家属。', 'BAD_INPUT'))
  it('bad input shape', () => refused({}, { guests: -1 }, m[0].openid, /^输入有误/, 'BAD_INPUT'))

  it('the frequency rule: once per 3 years in the same series', async () => {
    const earlier = await addActivity(db, { title: '2026年疗休养（安吉）', frequency: { key: 'sanatorium-t', years: 3 }, signupStartAt: new Date(now - 3600_000) })
    expect((await call(env, m[5].openid, 'register', { activityId: earlier._id })).data.state).toBe('confirmed')
    await refused({ frequency: { key: 'sanatorium-t', years: 3 }, startAt: new Date(now + 90 * 86400_000), endAt: new Date(now + 91 * 86400_000) }, {}, m[5].openid, '同类活动每 3 年只能参加一次，您已参加过“2026年疗休养（安吉）”。')
  })

  it('cancelling outside the policy (never)', async () => {
    const a = await addActivity(db, { cancelPolicy: 'never' })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    const before = await snapshot(db, a._id)
    const r = await call(env, m[0].openid, 'cancel', { activityId: a._id })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '这个活动报名后不能取消；如有特殊情况，请联系组织者。' })
    expect(await snapshot(db, a._id)).toBe(before)
  })

  it('cancelling after sign-up closed (until sign-up closes)', async () => {
    const a = await addActivity(db, { cancelPolicy: 'untilSignupEnd' })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    await db.collection('activities').doc(a._id).update({ data: { signupEndAt: new Date(Date.now() - 1000) } })
    const before = await snapshot(db, a._id)
    const r = await call(env, m[0].openid, 'cancel', { activityId: a._id })
    expect(r.message).toBe('报名已经截止，按活动规定不能再取消；如有特殊情况，请联系组织者。')
    expect(await snapshot(db, a._id)).toBe(before)
  })
})

describe('activity.mine', () => {
  it('lists the caller’s registrations with state and waitlist position', async () => {
    const a = await addActivity(db, { capacity: 1, title: '我的报名测试' })
    await call(env, m[8].openid, 'register', { activityId: a._id })
    await call(env, m[9].openid, 'register', { activityId: a._id })
    const r = await call(env, m[9].openid, 'mine', { page: 1 })
    expect(result(mineOutput).safeParse(r).success).toBe(true)
    expect(r.data.items[0]).toMatchObject({ activity: { title: '我的报名测试' }, registration: { state: 'waitlisted', waitPosition: 1 } })
  })
})
