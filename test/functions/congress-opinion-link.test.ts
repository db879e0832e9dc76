/**
 * 意见箱 → 提案, and back: a committee member drafts a proposal from an opinion (once per opinion, even
 * when two convert it at once); the opinion records the proposal, its handlers see "已转为提案", and the
 * anonymous submitter following it by receipt code sees the proposal's number, 案由 and state — never
 * who drafted it or when, and the proposal never carries the submitter.
 */
import { callAs, seededEnv } from './helpers'
import { nextBatch, seedMember, submitAs } from './opinion-support'
import { requestId } from './congress-support'

jest.setTimeout(120_000)

let env: string
let db: any
const SESSION = 'congress-5-3'
const SUBMITTER = seedMember(6) // 刘芳, mem006
const TEXT = '教师午休室没有躺椅，午休只能趴在桌上。'

beforeAll(async () => {
  ({ env, db } = await seededEnv('congress-opinion'))
})

const congress = (who: any, action: string, input: Record<string, unknown>) => callAs(env, who, 'congress', { action, ...input })
const must = async (who: any, fn: string, action: string, input: Record<string, unknown>) => {
  const r = await callAs(env, who, fn, { action, ...input })
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.code} ${r.message}`)
  return r.data
}

describe('an opinion turned into a proposal', () => {
  it('links the opinion to its one draft, and shows the proposal (not its people or dates) to handlers and to the code holder', async () => {
    const code = (await submitAs(env, SUBMITTER, { category: '后勤保障', text: TEXT })).data.code
    await nextBatch(env)
    const [o] = (await db.collection('opinions').where({ text: TEXT }).get()).data

    const rid = requestId()
    const [a, b] = await Promise.all(['committee', 'committee'].map(() => congress('committee', 'fromOpinion', { sessionId: SESSION, opinionId: o._id, requestId: rid })))
    expect(a.ok && b.ok).toBe(true)
    expect(a.data.id).toBe(b.data.id)
    const other = await congress({ openid: 'o_seed_005' }, 'fromOpinion', { sessionId: SESSION, opinionId: o._id, requestId: requestId() })
    expect(other).toMatchObject({ ok: false, code: 'CONFLICT', message: '这条意见已经转为提案，请在教代会提案中查看' })
    expect((await db.collection('congress_proposals').where({ fromOpinionId: o._id }).count()).total).toBe(1)
    const [linked] = (await db.collection('opinions').where({ _id: o._id }).get()).data
    expect(linked.proposalId).toBe(a.data.id)

    const title = (await must('committee', 'congress', 'detail', { id: a.data.id })).title
    expect((await must('chair', 'opinion', 'case', { id: o._id })).proposal).toEqual({ number: null, title, state: '征集附议' })
    const seen = await must(SUBMITTER, 'opinion', 'view', { code })
    expect(seen.proposal).toEqual({ number: null, title, state: '征集附议' })

    // the drafter (李晓梅, a 代表) gets two 附议 and submits: the code holder sees the number and the new state
    const d = await must('committee', 'congress', 'detail', { id: a.data.id })
    await must('committee', 'congress', 'invite', { id: d.id, memberIds: ['mem009', 'mem010'] })
    for (const n of [9, 10]) await must(seedMember(n), 'congress', 'respond', { id: d.id, accept: true })
    await must('committee', 'congress', 'submit', { id: d.id, revision: (await must('committee', 'congress', 'detail', { id: d.id })).revision })
    const later = await must(seedMember(7), 'opinion', 'view', { code })
    expect(later.proposal).toMatchObject({ title, state: '待审查' })
    expect(later.proposal.number).toBeGreaterThan(0)

    const [raw] = (await db.collection('congress_proposals').where({ _id: a.data.id }).get()).data
    expect(JSON.stringify(raw)).not.toMatch(/mem006|o_seed_006|刘芳/)
    expect(raw).not.toHaveProperty('submittedMonth')
  })

  it('refuses an opinion still waiting for the daily batch (it does not exist for the union yet)', async () => {
    await submitAs(env, seedMember(8), { text: '还没到工会手里的匿名意见。' })
    const [o] = (await db.collection('opinions').where({ text: '还没到工会手里的匿名意见。' }).get()).data
    expect(await congress('committee', 'fromOpinion', { sessionId: SESSION, opinionId: o._id, requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const [still] = (await db.collection('opinions').where({ _id: o._id }).get()).data
    expect(still).not.toHaveProperty('proposalId')
  })
})
