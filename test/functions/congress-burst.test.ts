/**
 * Concurrency on warm instances: 50 invited 代表 seconding one proposal at once (each tapping
 * twice) are counted once each; two committee members deciding the same proposal at once make
 * one decision (the other is told it was just handled).
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { call, detail, must, requestId, stage, submitted, draftOf, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congressburst')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'cb', 53)
})

/** Every instance of the function started before the burst (a cold pool lets one instance serve everything). */
const warm = () => Promise.all(Array.from({ length: 12 }, (_v, i) => call(env, st.delegates[i], 'mine')))

it('counts 50 代表 seconding at once exactly once each', async () => {
  const [proposer, ...rest] = st.delegates
  const seconders = rest.slice(0, 50)
  const d = await must(env, proposer, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('五十人附议') })
  await must(env, proposer, 'invite', { id: d.id, memberIds: seconders.map((s) => s.memberId) })
  await warm()
  const answers = await Promise.all([...seconders, ...seconders].map((s) => call(env, s, 'respond', { id: d.id, accept: true })))
  expect(answers.filter((a) => a.ok)).toHaveLength(50)
  expect(answers.filter((a) => !a.ok).every((a) => a.code === 'CONFLICT')).toBe(true)
  const after = await detail(st, proposer, d.id)
  expect(after.seconds).toBe(50)
  const raw = (await db.collection('congress_proposals').doc(d.id).get()).data
  const doc = Array.isArray(raw) ? raw[0] : raw
  expect(new Set(doc.seconderIds).size).toBe(50)
  expect(doc.seconderIds).toHaveLength(50)
  expect((await db.collection('congress_invites').where({ proposalId: d.id, state: 'accepted' }).count()).total).toBe(50)
})

it('lets two committee members deciding one proposal at once make one decision', async () => {
  const [p, a, b] = st.delegates
  await warm()
  for (let i = 0; i < 3; i++) {
    const x = await submitted(st, p, [a, b], `同时审查${i}`)
    const [one, two] = await Promise.all([
      call(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' }),
      call(env, st.committee[1], 'decide', { id: x.id, revision: x.revision, decision: 'return', reason: '请补充' }),
    ])
    expect([one.ok, two.ok].filter(Boolean)).toHaveLength(1)
    const loser = one.ok ? two : one
    expect(loser).toMatchObject({ ok: false, code: 'CONFLICT' })
    const d = await detail(st, p, x.id)
    expect(d.state).toBe(one.ok ? 'accepted' : 'returned')
    const decisions = (await db.collection('audit_log').where({ 'target.id': x.id }).count()).total
    expect(decisions).toBe(1)
  }
})
