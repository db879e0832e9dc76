/**
 * Round trips (#18.1) for 活动报名: in production each database request from a function is a network
 * round trip, so a sign-up makes at most 4 (confirmed, the caller's member look-up included) or 6
 * (waitlisted), a repeated tap at most 2 — 候补第 n 位 included — and the 活动 tab at most 3. The
 * local cloud counts the requests of each invocation; the answers are checked too, so a count met
 * by answering less fails.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { activity, addMembers, addOrganiser, callCounted, createActivity, expectConsistent, states, type TestMember } from './activity-support'

jest.setTimeout(120_000)

const env = newEnvName('act-rt')
const { db } = sdkFor(env)
let m: TestMember[]
let org: TestMember
let id: string
const signUp = (who: TestMember) => callCounted(env, who.openid, 'register', { activityId: id })

beforeAll(async () => {
  org = await addOrganiser(db, 'rt')
  m = await addMembers(db, 'rt', 4)
  id = await createActivity(env, org, { capacity: 2 })
  // Warm the instance: a cold start is not what this counts.
  await callCounted(env, m[0].openid, 'list', { page: 1 })
}, 60_000)

describe('database requests per 活动报名 action', () => {
  it('confirmed ≤ 4, waitlisted ≤ 6, a repeated tap ≤ 2 whether confirmed or waiting', async () => {
    const confirmed = await signUp(m[0])
    expect(confirmed.result.data).toMatchObject({ state: 'confirmed' })
    expect(confirmed.dbRequests).toBeLessThanOrEqual(4)
    await signUp(m[1])
    await signUp(m[2])
    const waitlisted = await signUp(m[3])
    expect(waitlisted.result.data).toMatchObject({ state: 'waitlisted', waitPosition: 2 })
    expect(waitlisted.dbRequests).toBeLessThanOrEqual(6)

    const repeatConfirmed = await signUp(m[0])
    expect(repeatConfirmed.result.data).toEqual(confirmed.result.data)
    expect(repeatConfirmed.dbRequests).toBeLessThanOrEqual(2)
    const repeatWaiting = await signUp(m[3])
    expect(repeatWaiting.result.data).toEqual(waitlisted.result.data)
    expect(repeatWaiting.dbRequests).toBeLessThanOrEqual(2)
    await expectConsistent(db, id)
  })

  it('a repeated tap sees the queue move: 候补第 1 位 after the one ahead leaves', async () => {
    await callCounted(env, m[2].openid, 'cancel', { activityId: id })
    const again = await signUp(m[3])
    expect(again.result.data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    expect(again.dbRequests).toBeLessThanOrEqual(2)
  })

  it('the 活动 tab with each card\'s 我的状态: ≤ 3', async () => {
    const list = await callCounted(env, m[3].openid, 'list', { page: 1 })
    expect(list.result.ok).toBe(true)
    expect(list.dbRequests).toBeLessThanOrEqual(3)
  })
})

describe('activity.cancel reads the activity once', () => {
  it('leaving, a repeated tap and a member who never signed up: no document read twice, the same answers, nothing written by the taps', async () => {
    const one = await createActivity(env, org, { capacity: 1 })
    await callCounted(env, m[0].openid, 'register', { activityId: one })
    expect((await callCounted(env, m[1].openid, 'register', { activityId: one })).result.data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })

    const left = await callCounted(env, m[0].openid, 'cancel', { activityId: one })
    expect(left.result.data).toMatchObject({ activityId: one, state: 'cancelled', canCancel: false })
    expect(left.repeatedReads).toEqual([])
    const { a: afterLeaving } = await expectConsistent(db, one)
    expect(afterLeaving).toMatchObject({ confirmedCount: 1, waitlistCount: 0, queue: [] })
    expect(states(afterLeaving)).toEqual({ [m[0].id]: 'x', [m[1].id]: 'c' })

    // Nothing left to leave: answered from the one read that decided so (it was read twice: 4 requests).
    const again = await callCounted(env, m[0].openid, 'cancel', { activityId: one })
    expect(again.result.data).toEqual(left.result.data)
    expect(again.repeatedReads).toEqual([])
    expect(again.dbRequests).toBeLessThanOrEqual(3)
    expect(await activity(db, one)).toEqual(afterLeaving)

    const never = await callCounted(env, m[2].openid, 'cancel', { activityId: one })
    expect(never.result).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '您还没有报名这个活动。' })
    expect(never.repeatedReads).toEqual([])
    expect(never.dbRequests).toBeLessThanOrEqual(2)
    expect(await activity(db, one)).toEqual(afterLeaving)
  })
})
