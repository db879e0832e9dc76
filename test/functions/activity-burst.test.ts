/**
 * Exact under load: concurrent sign-ups and cancellations through the function runner and the
 * real SDK. "Arrival order" for the waitlist is the order its tickets (waitSeq) were issued: the
 * tests check the tickets are unique, dense (1..n, none skipped) and that promotion follows them.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { addActivity, addMembers, call, expectCountersEqualRows } from './activity-support'

jest.setTimeout(600_000)

const env = newEnvName('act-burst')
const { db } = sdkFor(env)

describe('1,000 concurrent sign-ups by distinct members for 100 places', () => {
  let rows: any[]
  let answers: any[]
  let activityId: string
  beforeAll(async () => {
    const members = await addMembers(db, 'burst', 1000)
    const a = await addActivity(db, { capacity: 100, waitlist: true })
    activityId = a._id
    answers = await Promise.all(members.map((who) => call(env, who.openid, 'register', { activityId })))
    rows = (await expectCountersEqualRows(db, activityId)).rows
  })

  it('answers every caller', () => {
    expect(answers.filter((r) => !r.ok)).toEqual([])
  })

  it('confirms exactly 100 and waitlists 900, one registration each', () => {
    expect(rows.length).toBe(1000)
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(1000)
    expect(rows.filter((r) => r.state === 'confirmed').length).toBe(100)
    expect(rows.filter((r) => r.state === 'waitlisted').length).toBe(900)
  })

  it('issues waitlist tickets 1..900 exactly once each, and the activity counted them all', async () => {
    const tickets = rows.filter((r) => r.state === 'waitlisted').map((r) => r.waitSeq).sort((x, y) => x - y)
    expect(tickets).toEqual(Array.from({ length: 900 }, (_v, i) => i + 1))
    const a = (await db.collection('activities').doc(activityId).get()).data
    expect(a.waitSeq).toBe(900)
  })

  it('tells each waiting member their place in ticket order', () => {
    const waiting = answers.filter((r) => r.data.state === 'waitlisted').map((r) => r.data)
    const byId = new Map(rows.map((r) => [r._id, r]))
    for (const w of waiting) expect(w.waitPosition).toBe(byId.get(w.id).waitSeq)
  })
})

describe('1,000 concurrent duplicate taps by one member', () => {
  it('make one registration, and every tap answers it', async () => {
    const [who] = await addMembers(db, 'dup', 1)
    const a = await addActivity(db, { capacity: 100 })
    const answers = await Promise.all(Array.from({ length: 1000 }, () => call(env, who.openid, 'register', { activityId: a._id })))
    expect(answers.filter((r) => !r.ok)).toEqual([])
    expect(new Set(answers.map((r) => r.data.id)).size).toBe(1)
    expect(new Set(answers.map((r) => r.data.state))).toEqual(new Set(['confirmed']))
    const { rows, a: after } = await expectCountersEqualRows(db, a._id)
    expect(rows.length).toBe(1)
    expect(after.confirmedCount).toBe(1)
  })

  it('on a full activity, take exactly one waitlist ticket', async () => {
    const [first, who] = await addMembers(db, 'dupfull', 2)
    const a = await addActivity(db, { capacity: 1 })
    await call(env, first.openid, 'register', { activityId: a._id })
    const answers = await Promise.all(Array.from({ length: 300 }, () => call(env, who.openid, 'register', { activityId: a._id })))
    expect(new Set(answers.map((r) => `${r.data.state}:${r.data.waitPosition}`))).toEqual(new Set(['waitlisted:1']))
    const { a: after } = await expectCountersEqualRows(db, a._id)
    expect(after.waitSeq).toBe(1)
  })
})

describe('a mixed burst of sign-ups and cancellations', () => {
  it('keeps counters equal to rows and never skips anyone waiting', async () => {
    const members = await addMembers(db, 'mix', 300)
    const a = await addActivity(db, { capacity: 50 })
    // 200 first: 50 confirmed, 150 waiting.
    await Promise.all(members.slice(0, 200).map((who) => call(env, who.openid, 'register', { activityId: a._id })))
    const before = (await expectCountersEqualRows(db, a._id)).rows
    const confirmedBefore = before.filter((r) => r.state === 'confirmed').map((r) => r.memberId)
    const waitingBefore = before.filter((r) => r.state === 'waitlisted').map((r) => r.memberId)
    const openidOf = (memberId: string) => `o_${memberId.slice('mem_'.length)}`

    // At once: 100 newcomers, 30 confirmed members cancel, 20 waiting members leave the queue.
    const calls = [
      ...members.slice(200).map((who) => call(env, who.openid, 'register', { activityId: a._id })),
      ...confirmedBefore.slice(0, 30).map((id) => call(env, openidOf(id), 'cancel', { activityId: a._id })),
      ...waitingBefore.slice(10, 30).map((id) => call(env, openidOf(id), 'cancel', { activityId: a._id })),
    ]
    const answers = await Promise.all(calls)
    expect(answers.filter((r) => !r.ok)).toEqual([])

    const { rows: all, a: after } = await expectCountersEqualRows(db, a._id)
    const rows = all as Array<typeof all[number] & { waitSeq: number }>
    expect(after.seatsTaken).toBe(50)
    const waiting = rows.filter((r) => r.state === 'waitlisted')
    const promoted = rows.filter((r) => r.state === 'confirmed' && r.waitSeq !== undefined)
    expect(promoted.length).toBe(30)
    // Nobody skipped: every promoted ticket is ahead of every ticket still waiting.
    expect(Math.max(...promoted.map((r) => r.waitSeq))).toBeLessThan(Math.min(...waiting.map((r) => r.waitSeq)))
    // And the promoted are exactly the first 30 tickets of those who stayed in the queue.
    const stayed = rows.filter((r) => r.waitSeq !== undefined && r.state !== 'cancelled').map((r) => r.waitSeq).sort((x, y) => x - y)
    expect(promoted.map((r) => r.waitSeq).sort((x, y) => x - y)).toEqual(stayed.slice(0, 30))
    // Tickets stay unique and dense across the whole burst.
    const tickets = rows.filter((r) => r.waitSeq !== undefined).map((r) => r.waitSeq).sort((x, y) => x - y)
    expect(tickets).toEqual(Array.from({ length: after.waitSeq }, (_v, i) => i + 1))
  })
})
