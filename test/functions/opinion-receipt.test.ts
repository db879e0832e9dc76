/** 回执码: entropy, storage as keyed hashes only, wrong and guessed codes, and the slow-down. */
import { callAs, seededEnv } from './helpers'
import { seedMember, submitAs } from './opinion-support'
import { newReceiptCode } from '../../cloudfunctions/opinion/receipt'
import { GLOBAL_SLOW_AFTER, MAX_DELAY_MS, MISS_LIMIT, NOT_FOUND_MESSAGE, missDelayMs } from '../../cloudfunctions/opinion/find'
import { RECEIPT_ALPHABET, RECEIPT_CODE_LENGTH, formatReceiptCode } from '../../types/opinion'

let env: string
let db: any
let code: string
beforeAll(async () => {
  ({ env, db } = await seededEnv('opreceipt'))
  code = (await submitAs(env, seedMember(6), { text: '凭回执码查看的匿名意见。' })).data.code
})

const view = (who: Parameters<typeof callAs>[1], c: string) => callAs(env, who, 'opinion', { action: 'view', code: c })
/** A well-formed code that is not `code` (differs in its last character). */
const near = (c: string, k = 1) => c.slice(0, -1) + RECEIPT_ALPHABET[(RECEIPT_ALPHABET.indexOf(c[c.length - 1]) + k) % 32]

describe('receipt codes', () => {
  it('have at least 60 bits of entropy: 16 characters from 32, uniformly drawn', () => {
    expect(RECEIPT_CODE_LENGTH * Math.log2(RECEIPT_ALPHABET.length)).toBeGreaterThanOrEqual(60)
    const codes = Array.from({ length: 4000 }, () => newReceiptCode())
    expect(new Set(codes).size).toBe(codes.length)
    const counts = new Map<string, number>()
    for (const c of codes) for (const ch of c) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect([...counts.keys()].sort().join('')).toBe([...RECEIPT_ALPHABET].sort().join(''))
    const expected = (4000 * 16) / 32
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15)
  })

  it('are stored only as keyed hashes: the code appears nowhere in the database', async () => {
    const { data } = await db.collection('opinions').where({ text: '凭回执码查看的匿名意见。' }).get()
    expect(Object.keys(data[0].receipt).sort()).toEqual(['hash', 'lookup', 'salt'])
    const everything = JSON.stringify((await db.collection('opinions').limit(100).get()).data) + JSON.stringify((await db.collection('opinion_counters').limit(100).get()).data)
    for (const form of [code, code.toLowerCase(), formatReceiptCode(code)]) expect(everything).not.toContain(form)
  })

  it('open the item however the code is typed (lower case, dashes, spaces)', async () => {
    expect((await view(seedMember(6), formatReceiptCode(code).toLowerCase())).data.text).toBe('凭回执码查看的匿名意见。')
    expect((await view(seedMember(7), ` ${code.slice(0, 8)} ${code.slice(8)} `)).ok).toBe(true)
  })

  it('a wrong code reveals nothing: the same short refusal for a near miss and a random guess', async () => {
    const nearMiss = await view(seedMember(8), near(code))
    const random = await view(seedMember(8), newReceiptCode())
    expect(nearMiss).toEqual({ ok: false, code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE })
    expect(random).toEqual(nearMiss)
  })

  it('a malformed code is refused as input, with a Chinese message', async () => {
    expect(await view(seedMember(8), 'ABC')).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('16 位') })
  })

  it('an anonymous item cannot be reached by its id, not even by its author', async () => {
    const { data } = await db.collection('opinions').where({ text: '凭回执码查看的匿名意见。' }).get()
    expect(await callAs(env, seedMember(6), 'opinion', { action: 'view', id: data[0]._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('slows repeated misses down and stops them for the day, even when the right code follows', async () => {
    const guesser = seedMember(9)
    for (let i = 1; i <= MISS_LIMIT; i++) expect((await view(guesser, near(code, i))).code).toBe('NOT_FOUND')
    expect(await view(guesser, near(code, 20))).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(await view(guesser, code)).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('明天') })
    // Another member is not affected.
    expect((await view(seedMember(10), code)).ok).toBe(true)
  }, 90_000)

  it('waits longer the more a person missed today (none for the first three)', () => {
    expect([1, 2, 3].map(missDelayMs)).toEqual([0, 0, 0])
    const later = [4, 5, 6, 7].map(missDelayMs)
    expect(later[0]).toBeGreaterThan(0)
    for (let i = 1; i < later.length; i++) expect(later[i]).toBeGreaterThan(later[i - 1])
    expect(missDelayMs(MISS_LIMIT)).toBeLessThanOrEqual(MAX_DELAY_MS)
    expect(GLOBAL_SLOW_AFTER).toBeGreaterThan(MISS_LIMIT)
  })

  it('counts misses without tying them to a person or an item: counters hold a keyed id, the day and a number', async () => {
    const { data } = await db.collection('opinion_counters').limit(100).get()
    expect(data.length).toBeGreaterThan(0)
    for (const c of data) {
      expect(Object.keys(c).sort()).toEqual(['_id', 'day', 'n'])
      expect(c._id).not.toMatch(/o_seed|mem0|o_dev/)
    }
    const global = data.find((c: any) => c._id.startsWith('lookup-miss-all-'))
    expect(global.n).toBeGreaterThanOrEqual(MISS_LIMIT + 2)
  })

  it('checkCode reports state and reply count of a remembered code, and the usual refusal for an unknown one', async () => {
    expect((await callAs(env, seedMember(11), 'opinion', { action: 'checkCode', code })).data).toEqual({ state: 'pending', replyCount: 0 })
    expect(await callAs(env, seedMember(11), 'opinion', { action: 'checkCode', code: newReceiptCode() })).toEqual({ ok: false, code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE })
  })
})
