/**
 * At least one chair, always — under every interleaving of the four ways a chair can lose the role:
 * a hand-over, a role change by another chair, stepping down (a role change on oneself) and removal.
 * Every pair of them is sent at the same moment, many times, by two chairs (or one chair twice),
 * through the real runner and SDK; afterwards the union has a chair, and that chair can still act.
 *
 * Why a naive implementation fails: each action alone is allowed (two chairs → one), so an
 * implementation that counts the chairs and then writes lets both actions see "2 chairs" and both
 * write — no chair is left. Write-then-count-then-undo lets a hand-over and a removal each see
 * the other's half-done state. Only one serialized write path keeps the invariant.
 *
 * Runs on PGlite and, with LOCAL_CLOUD_DATABASE_URL, on the PostgreSQL server (where concurrent
 * transactions really conflict).
 */
import { callAs, seededEnv } from './helpers'
import { joinThroughApproval, warmMemberFunction, type Joined } from './member-support'

jest.setTimeout(900_000)

const ROUNDS = Number(process.env.CHAIR_ROUNDS ?? 20)

type Kind = 'handOver' | 'demote' | 'stepDown' | 'remove'
const KINDS: Kind[] = ['handOver', 'demote', 'stepDown', 'remove']

let env: string
let db: any
let a: Joined
let b: Joined
let c: Joined
let d: Joined

beforeAll(async () => {
  ({ env, db } = await seededEnv('chairs'))
  a = await joinThroughApproval(env, '甲主席')
  b = await joinThroughApproval(env, '乙主席')
  c = await joinThroughApproval(env, '丙委员')
  d = await joinThroughApproval(env, '丁会员')
  // The seeded chair makes 甲 chair and hands over, so the union's chairs are people made by the functions.
  expect((await callAs(env, 'chair', 'member', { action: 'setRole', memberId: a.id, role: 'chair' })).ok).toBe(true)
  expect((await callAs(env, { openid: a.openid }, 'member', { action: 'setRole', memberId: b.id, role: 'chair' })).ok).toBe(true)
  const seededChair = (await callAs(env, 'chair', 'member', { action: 'directory', keyword: '王建华', page: 1 })).data.items[0].id
  expect((await callAs(env, { openid: a.openid }, 'member', { action: 'remove', memberId: seededChair, reason: '测试前移交' })).ok).toBe(true)
  await warmMemberFunction(env)
})

/**
 * Puts the union back to its starting state between rounds: 甲 and 乙 chairs, 丙 committee, 丁 a
 * member, all approved. Written straight to the database (the members' records and the chair
 * lock document the member function keeps), because after a removal the functions would have to
 * re-admit someone — which always starts as a plain member.
 */
async function reset(chairs: Joined[]): Promise<void> {
  const _ = db.command
  const roles: Array<[Joined, string]> = [[a, 'member'], [b, 'member'], [c, 'committee'], [d, 'member']]
  // Five different documents, nothing running against them: written at once.
  await Promise.all([
    ...roles.map(([m, role]) => db.collection('members').doc(m.id).update({ data: { membership: 'approved', role: chairs.includes(m) ? 'chair' : role, removedAt: _.remove(), removeReason: _.remove() } })),
    db.collection('app_meta').doc('chairs').set({ data: { ids: chairs.map((m) => m.id) } }),
  ])
}

function send(actor: Joined, kind: Kind, other: Joined): Promise<any> {
  const as = { openid: actor.openid }
  switch (kind) {
    case 'handOver': return callAs(env, as, 'member', { action: 'handOver', memberId: other.id })
    case 'demote': return callAs(env, as, 'member', { action: 'setRole', memberId: other.id, role: 'committee' })
    case 'stepDown': return callAs(env, as, 'member', { action: 'setRole', memberId: actor.id, role: 'member' })
    case 'remove': return callAs(env, as, 'member', { action: 'remove', memberId: other.id, reason: '同时操作测试' })
  }
}

async function chairsNow(): Promise<Joined[]> {
  const res = await db.collection('members').where({ membership: 'approved', role: 'chair' }).limit(100).get()
  const ids = new Set(res.data.map((m: any) => m._id))
  return [a, b, c, d].filter((m) => ids.has(m.id))
}

/** Afterwards: a chair exists, and that chair can still do a chair's work through the same path. */
async function expectAChairWhoCanAct(what: string): Promise<void> {
  const chairs = await chairsNow()
  if (chairs.length === 0) throw new Error(`${what}: no chair left`)
  const as = { openid: chairs[0].openid }
  const [act, me] = await Promise.all([callAs(env, as, 'member', { action: 'setRole', memberId: d.id, role: 'committee' }), callAs(env, as, 'member', { action: 'me' })])
  if (!act.ok) throw new Error(`${what}: the remaining chair ${chairs[0].name} cannot act: ${act.message}`)
  expect(me.data.role).toBe('chair')
}

const pairs: Array<[Kind, Kind]> = []
KINDS.forEach((x, i) => KINDS.slice(i).forEach((y) => pairs.push([x, y])))

describe('two chairs acting at the same moment', () => {
  it.each(pairs)(`%s by one chair and %s by the other, ${ROUNDS} times, always leave a chair who can act`, async (x, y) => {
    for (let round = 0; round < ROUNDS; round++) {
      await reset([a, b])
      const answers = await Promise.all([send(a, x, b), send(b, y, a)])
      for (const r of answers) if (!r.ok) expect(['CONFLICT', 'FORBIDDEN']).toContain(r.code)
      await expectAChairWhoCanAct(`${x}+${y} round ${round + 1}`)
    }
  })
})

describe('one chair sending two actions at the same moment', () => {
  const single: Array<[string, (me: Joined) => Promise<any>[]]> = [
    ['hands over to 丙 and removes 丙', (me) => [send(me, 'handOver', c), send(me, 'remove', c)]],
    ['hands over to 丙 and makes 丙 a member', (me) => [send(me, 'handOver', c), callAs(env, { openid: me.openid }, 'member', { action: 'setRole', memberId: c.id, role: 'member' })]],
    ['hands over to 丙 and steps down', (me) => [send(me, 'handOver', c), send(me, 'stepDown', me)]],
  ]
  it.each(single)(`%s, ${ROUNDS} times, and a chair who can act remains`, async (_what, actions) => {
    for (let round = 0; round < ROUNDS; round++) {
      await reset([a])
      const answers = await Promise.all(actions(a))
      for (const r of answers) if (!r.ok) expect(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND']).toContain(r.code)
      await expectAChairWhoCanAct(`${_what} round ${round + 1}`)
    }
  })
})

describe('who is chair stays consistent', () => {
  it('a demoted or removed chair is refused from the next call on', async () => {
    await reset([a, b])
    expect((await send(a, 'remove', b)).ok).toBe(true)
    const late = await send(b, 'demote', a)
    expect(late).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await chairsNow()).map((m) => m.name)).toEqual(['甲主席'])
  })
})
