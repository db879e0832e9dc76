/**
 * Exact under load: concurrent sign-ups, cancellations and 代报名 through the function runner and
 * the real SDK, on PGlite or (LOCAL_CLOUD_DATABASE_URL) a PostgreSQL server.
 *
 * Why a naive implementation fails these: a count-then-insert sign-up ("count confirmed rows; if
 * fewer than the capacity, insert one") lets every instance that counts before another inserts
 * pass the check — with 4 instances running at once, up to 3 more than the capacity get a place.
 * Every burst therefore first WARMS all 4 instances of the function (a cold pool lets one warm
 * instance serve the whole burst one call at a time, which hides any race), and uses capacities
 * that are not multiples of 4 (instances answering in lock-step batches of 4 cannot land exactly
 * on the capacity by luck).
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { addMembers, addOrganiser, call, createActivity, expectConsistent, states, type TestMember } from './activity-support'

jest.setTimeout(600_000)

const env = newEnvName('act-burst')
const { db } = sdkFor(env)
let org: TestMember

/** Starts every instance of the activity function (the runner keeps 4): 12 reads at once, each pool slot cold-starts. */
async function warmInstances(activityId: string): Promise<void> {
  const answers = await Promise.all(Array.from({ length: 12 }, () => call(env, org.openid, 'detail', { id: activityId })))
  expect(answers.every((r) => r.ok)).toBe(true)
}

beforeAll(async () => {
  org = await addOrganiser(db, 'burst')
})

describe('1,000 concurrent sign-ups by distinct members for 101 places', () => {
  let answers: any[]
  let activityId: string
  let members: TestMember[]
  beforeAll(async () => {
    members = await addMembers(db, 'burst', 1000)
    activityId = await createActivity(env, org, { capacity: 101, waitlist: true })
    await warmInstances(activityId)
    answers = await Promise.all(members.map((who) => call(env, who.openid, 'register', { activityId })))
  })

  it('answers every caller', () => {
    expect(answers.filter((r) => !r.ok)).toEqual([])
  })

  it('confirms exactly 101 and queues 899, one registration each, counters equal to the ledger', async () => {
    const { a, rows } = await expectConsistent(db, activityId)
    const s = Object.values(states(a))
    expect(rows.length).toBe(1000)
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(1000)
    expect(s.filter((x) => x === 'c').length).toBe(101)
    expect(s.filter((x) => x === 'w').length).toBe(899)
    expect(a.queue).toHaveLength(899)
  })

  it('tells each waiting member their place: their position in the queue', async () => {
    const { a } = await expectConsistent(db, activityId)
    const place = new Map((a.queue ?? []).map((id, i) => [id, i + 1]))
    const waiting = answers.filter((r) => r.data.state === 'waitlisted').map((r) => r.data)
    expect(waiting).toHaveLength(899)
    for (const w of waiting) expect(w.waitPosition).toBe(place.get(w.id.slice(activityId.length + 1)))
  })
})

describe('1,000 concurrent duplicate taps by one member', () => {
  it('make one registration, and every tap answers it', async () => {
    const [who] = await addMembers(db, 'dup', 1)
    const id = await createActivity(env, org, { capacity: 7 })
    await warmInstances(id)
    const answers = await Promise.all(Array.from({ length: 1000 }, () => call(env, who.openid, 'register', { activityId: id })))
    expect(answers.filter((r) => !r.ok)).toEqual([])
    expect(new Set(answers.map((r) => r.data.id)).size).toBe(1)
    expect(new Set(answers.map((r) => r.data.state))).toEqual(new Set(['confirmed']))
    const { rows, a } = await expectConsistent(db, id)
    expect(rows.length).toBe(1)
    expect(a.confirmedCount).toBe(1)
  })

  it('on a full activity, take exactly one place in the queue', async () => {
    const [first, who] = await addMembers(db, 'dupfull', 2)
    const id = await createActivity(env, org, { capacity: 1 })
    await call(env, first.openid, 'register', { activityId: id })
    await warmInstances(id)
    const answers = await Promise.all(Array.from({ length: 301 }, () => call(env, who.openid, 'register', { activityId: id })))
    expect(answers.filter((r) => !r.ok)).toEqual([])
    expect(new Set(answers.map((r) => `${r.data.state}:${r.data.waitPosition}`))).toEqual(new Set(['waitlisted:1']))
    const { a } = await expectConsistent(db, id)
    expect(a.queue).toEqual([who.id])
  })
})

describe('a mixed burst of sign-ups and cancellations', () => {
  it('keeps counters equal to the ledger and never skips anyone waiting', async () => {
    const members = await addMembers(db, 'mix', 305)
    const id = await createActivity(env, org, { capacity: 51 })
    await warmInstances(id)
    // 203 first: 51 confirmed, 152 waiting.
    await Promise.all(members.slice(0, 203).map((who) => call(env, who.openid, 'register', { activityId: id })))
    const before = (await expectConsistent(db, id)).a
    const confirmedBefore = Object.entries(states(before)).filter(([, s]) => s === 'c').map(([memberId]) => memberId)
    const queueBefore = [...before.queue!]
    const openidOf = new Map(members.map((x) => [x.id, x.openid]))

    // At once: 102 newcomers, 31 confirmed members cancel, 21 waiting members leave the queue.
    const leaving = queueBefore.slice(10, 31)
    const calls = [
      ...members.slice(203).map((who) => call(env, who.openid, 'register', { activityId: id })),
      ...confirmedBefore.slice(0, 31).map((memberId) => call(env, openidOf.get(memberId)!, 'cancel', { activityId: id })),
      ...leaving.map((memberId) => call(env, openidOf.get(memberId)!, 'cancel', { activityId: id })),
    ]
    const answers = await Promise.all(calls)
    expect(answers.filter((r) => !r.ok)).toEqual([])

    const { a } = await expectConsistent(db, id)
    const after = states(a)
    expect(a.seatsTaken).toBe(51)
    // Nobody skipped: the 31 promoted are exactly the first 31 of those who stayed in the queue,
    // and the queue keeps its order (the newcomers behind everyone who was already waiting).
    const stayed = queueBefore.filter((m) => !leaving.includes(m))
    const promoted = queueBefore.filter((m) => after[m] === 'c')
    expect(promoted).toEqual(stayed.slice(0, 31))
    expect(a.queue!.slice(0, stayed.length - 31)).toEqual(stayed.slice(31))
    expect(new Set(a.queue!.slice(stayed.length - 31))).toEqual(new Set(members.slice(203).map((x) => x.id)))
  })
})

describe('代报名 competes for the same places', () => {
  it('exact capacity when the committee signs people up while members sign themselves up', async () => {
    const self = await addMembers(db, 'selfrace', 45)
    const proxied = await addMembers(db, 'proxyrace', 6, { status: '离退休' })
    const id = await createActivity(env, org, { capacity: 7 })
    await warmInstances(id)
    const answers = await Promise.all([
      ...self.map((who) => call(env, who.openid, 'register', { activityId: id })),
      ...proxied.map((who) => call(env, org.openid, 'registerFor', { activityId: id, memberId: who.id })),
    ])
    expect(answers.filter((r) => !r.ok)).toEqual([])
    const { a } = await expectConsistent(db, id)
    expect(Object.values(states(a)).filter((s) => s === 'c')).toHaveLength(7)
    expect(a.queue).toHaveLength(44)
  })
})
