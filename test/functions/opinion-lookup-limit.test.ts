/**
 * Receipt look-ups cannot be multiplied (#12.4): one code per call; the person's daily allowance is
 * taken atomically BEFORE each look-up, so parallel calls never try more wrong codes than it; a
 * right code costs nothing; and no global brake ever refuses a right code.
 */
import { newReceiptCode } from '../../cloudfunctions/opinion/receipt'
import { RECEIPT_ALPHABET } from '../../types/opinion'
import { callAs, seededEnv } from './helpers'
import { counters, seedMember, submitAs, warmOpinion } from './opinion-support'

const MISS_LIMIT = 10

let env: string
let db: any
let code: string
beforeAll(async () => {
  ({ env, db } = await seededEnv('oplookup'))
  code = (await submitAs(env, seedMember(6), { text: '凭回执码查询次数的测试意见。' })).data.code
})

/** A well-formed code that is not `c` (differs in its last character). */
const near = (c: string, k: number) => c.slice(0, -1) + RECEIPT_ALPHABET[(RECEIPT_ALPHABET.indexOf(c[c.length - 1]) + k) % 32]
const view = (who: { openid: string }, c: string) => callAs(env, who, 'opinion', { action: 'view', code: c })
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

describe('receipt look-ups', () => {
  // A naive limit (read the misses, look up, count a miss afterwards) lets every call of a parallel
  // burst read "under the limit": after 8 misses, 5 wrong codes at once (one more than the 4 warm
  // instances) all read 8 and try 4 or 5 codes — 12 or 13 in the day. Taking the unit first lets
  // exactly 2 through.
  it('after 8 misses, 5 parallel wrong codes: exactly 2 are looked up, the rest refused for the day', async () => {
    const guesser = seedMember(9)
    for (let i = 1; i <= 8; i++) expect((await view(guesser, near(code, i))).code).toBe('NOT_FOUND')
    await warmOpinion(env)
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => view(guesser, near(code, 9 + i))))
    expect(answers.map((a) => a.code).sort()).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED'])
    expect(await view(guesser, code)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  }, 120_000)

  it('takes one code per call: a list of codes is not a look-up', async () => {
    const r = await callAs(env, seedMember(10), 'opinion', { action: 'checkCodes', codes: Array.from({ length: 20 }, () => newReceiptCode()) })
    expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    const status = await callAs(env, seedMember(10), 'opinion', { action: 'checkCode', codes: [code, newReceiptCode()] })
    expect(status).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('right codes cost nothing: twelve look-ups of one’s own code in a day all answer', async () => {
    const owner = seedMember(11)
    for (let i = 0; i < 12; i++) expect((await callAs(env, owner, 'opinion', { action: 'checkCode', code })).data).toEqual({ state: 'pending', replyCount: 0 })
  })

  it('others’ misses never refuse a right code: past the everyone-brake, only wrong codes wait', async () => {
    // As if hundreds of accounts had guessed today.
    await db.collection('opinion_counters').doc(`lookup-miss-all-${today()}`).set({ data: { day: today(), n: 100_000 } })
    const r = await view(seedMember(12), code)
    expect(r.ok).toBe(true)
    expect(r.data.text).toBe('凭回执码查询次数的测试意见。')
    const started = Date.now()
    expect(await view(seedMember(12), near(code, 3))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000) // the brake: a wrong code waits (a lower bound, not a timing budget)
  })

  it('counters hold a keyed id, the day and a number — no openid, no code, no item', async () => {
    const mine = await counters(db, 'lookup-miss')
    expect(mine.length).toBeGreaterThan(0)
    for (const c of mine) {
      expect(Object.keys(c).sort()).toEqual(['_id', 'day', 'n'])
      expect(c._id).not.toMatch(/o_seed|mem0|o_dev/)
      expect(c.n).toBeLessThanOrEqual(MISS_LIMIT)
    }
  })
})
