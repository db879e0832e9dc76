/**
 * opinion.submit happens once per form (#12.5) and only a stored item uses the day's quota (#12.4):
 * retries, double taps and parallel taps of one form make one item and answer one receipt code;
 * refused input, a refused text and an internal failure count nothing.
 */
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { OPINION_DAILY_LIMIT } from '../../types/opinion'
import { callAs, seededEnv } from './helpers'
import { counters, newRequestId, opinionCount, seedMember, submitAs, warmOpinion } from './opinion-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('opsubmitonce')) })

const byText = async (text: string) => (await db.collection('opinions').where({ text }).limit(100).get()).data
/** How many submissions of today the counters hold in all (keyed ids: whose is not knowable). */
const submitted = async () => (await counters(db, 'submit')).reduce((n, c) => n + c.n, 0)

describe('one form, one item', () => {
  it('a retry of an anonymous form answers the same receipt code and stores nothing twice', async () => {
    const requestId = newRequestId()
    const input = { requestId, text: '重试：图书馆的开放时间能否延长到晚上九点？', category: '教育教学' }
    const first = await submitAs(env, seedMember(6), input)
    const before = await submitted()
    const retry = await submitAs(env, seedMember(6), input)
    expect(first.ok).toBe(true)
    expect(retry).toEqual(first)
    expect(await byText(input.text)).toHaveLength(1)
    expect(await submitted()).toBe(before)
  })

  it('a retry of a named form answers the same id', async () => {
    const input = { requestId: newRequestId(), anonymous: false, text: '署名重试：办公室的窗帘坏了。' }
    const first = await submitAs(env, seedMember(7), input)
    expect((await submitAs(env, seedMember(7), input)).data.id).toBe(first.data.id)
    expect(await byText(input.text)).toHaveLength(1)
  })

  // A naive submit (check for the item, then insert a new one) lets parallel taps through the
  // check together and stores several items; with the instances warm, 7 taps (not a multiple of
  // the 4 instances) run in at least two waves.
  it('seven parallel taps of one anonymous form make one item, one code, one unit of quota', async () => {
    await warmOpinion(env)
    const who = seedMember(8)
    const input = { requestId: newRequestId(), text: '并发：教学楼走廊的灯晚上不亮。' }
    const answers = await Promise.all(Array.from({ length: 7 }, () => submitAs(env, who, input)))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data.code)).size).toBe(1)
    expect(await byText(input.text)).toHaveLength(1)
    // Quota: exactly one used — the other four of the day still go through, the fifth does not.
    for (let i = 1; i < OPINION_DAILY_LIMIT; i++) expect((await submitAs(env, who, { text: `并发之后第 ${i} 条意见。` })).ok).toBe(true)
    expect(await submitAs(env, who, { text: '并发之后多出的一条。' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })

  it('the same request id from two members makes two items: nobody reaches another’s submission', async () => {
    const requestId = newRequestId()
    const a = await submitAs(env, seedMember(9), { requestId, text: '同一编号：甲的意见。' })
    const b = await submitAs(env, seedMember(10), { requestId, text: '同一编号：乙的意见。' })
    expect(a.data.code).not.toBe(b.data.code)
    expect(await byText('同一编号：甲的意见。')).toHaveLength(1)
    expect(await byText('同一编号：乙的意见。')).toHaveLength(1)
  })

  it('an anonymous item’s id is keyed: openid + request id alone do not give it (no APP_SECRET, no link)', async () => {
    const requestId = newRequestId()
    await submitAs(env, seedMember(11), { requestId, text: '编号推算：这条意见的编号算不出来。' })
    const [doc] = await byText('编号推算：这条意见的编号算不出来。')
    expect(doc._id).toMatch(/^[0-9a-f]{32}$/)
    for (const kind of ['opinion', 'opinion.submit', 'opinion-id']) expect(doc._id).not.toBe(createdId('o_seed_011', kind, requestId))
  })

  it('refuses a missing or short request id with a Chinese message, storing nothing', async () => {
    const before = await opinionCount(db)
    for (const requestId of [undefined, 'abc']) {
      const r = await callAs(env, seedMember(12), 'opinion', { action: 'submit', requestId, category: '食堂', text: '没有请求编号的提交。' })
      expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('请求编号') })
    }
    expect(await opinionCount(db)).toBe(before)
  })
})

describe('a refused or failed submission uses none of the day’s quota', () => {
  it.each([
    ['a NUL character', '空字符\u0000：操场的灯坏了。', /无法识别的字符/],
    ['a lone surrogate', '半个字符\ud800：操场的灯坏了。', /无法识别的字符/],
    ['text that is too short', '短', /内容至少/],
  ])('%s is refused before anything is counted', async (_what, text, message) => {
    const who = seedMember(13)
    const before = await submitted()
    const r = await submitAs(env, who, { text })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toMatch(message)
    expect(await submitted()).toBe(before)
  })

  it('text the content check refuses counts nothing', async () => {
    const before = await submitted()
    expect(await submitAs(env, seedMember(13), { text: '有人在群里推广网络赌博，请工会关注。' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await submitted()).toBe(before)
  })

  it('an internal failure after the quota was taken gives it back', async () => {
    const who = seedMember(14)
    // A broken setting makes building a named item fail (INTERNAL) after the quota was taken.
    await db.collection('app_meta').doc('opinion_settings').set({ data: { dueDays: 'broken' } })
    for (let i = 0; i < OPINION_DAILY_LIMIT + 2; i++) {
      expect(await submitAs(env, who, { anonymous: false, text: `内部错误时提交的第 ${i + 1} 条。` })).toMatchObject({ ok: false, code: 'INTERNAL' })
    }
    await db.collection('app_meta').doc('opinion_settings').set({ data: { dueDays: 7 } })
    for (let i = 0; i < OPINION_DAILY_LIMIT; i++) expect((await submitAs(env, who, { anonymous: false, text: `修好后提交的第 ${i + 1} 条。` })).ok).toBe(true)
    expect(await submitAs(env, who, { text: '修好后多出的一条。' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})
