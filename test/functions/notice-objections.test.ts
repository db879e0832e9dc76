/** 异议 during the 公示期: who may raise one, when, who sees it, answers, and the summary afterwards. */
import { persona } from '../../emulator/seed/personas'
import { seededEnv } from './helpers'
import { call, day, ok, published, rid } from './notice-support'

let env: string
let db: any
let id: string
beforeAll(async () => {
  ({ env, db } = await seededEnv('notice-obj'))
  id = await published(env, { title: '2026年度考核优秀等次拟定人选公示', publicity: { startDate: day(0), endDate: day(4) } })
})

const seeded = async (title: string) => (await db.collection('notices').where({ title }).get()).data[0]._id as string

describe('raising an objection', () => {
  it('a member objects by name during the period and sees only their own objection and its state', async () => {
    const shown = await ok(env, 'staff', 'get', { id })
    expect(shown).toMatchObject({ publicityState: 'active', canObject: true, myObjections: [] })
    await ok(env, 'staff', 'object', { id, text: '拟定人选中有一位本学年缺勤较多，请核实。' })
    const [doc] = (await db.collection('notice_objections').where({ noticeId: id }).get()).data
    expect(doc).toMatchObject({ name: '张明', text: '拟定人选中有一位本学年缺勤较多，请核实。' })
    expect((await ok(env, 'staff', 'get', { id })).myObjections).toEqual([expect.objectContaining({ text: '拟定人选中有一位本学年缺勤较多，请核实。' })])
    expect((await ok(env, 'retiree', 'get', { id })).myObjections).toEqual([])
  })

  it('refuses visitors, applicants and removed members with a clear message', async () => {
    const r = await call(env, 'visitor', 'object', { id, text: '我不是会员但有意见。' })
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('只有工会会员') })
    const pending = (await db.collection('members').where({ membership: 'pending' }).limit(1).get()).data[0]
    expect(await call(env, { openid: pending.openid }, 'object', { id, text: '申请人也想提意见。' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('members may object to a 对外 notice during its 公示期 (a public 工会经费 公示 is where members object); visitors may not', async () => {
    const funds = await seeded('2026年第三季度工会经费收支情况公示')
    expect(await ok(env, 'retiree', 'get', { id: funds })).toMatchObject({ visibility: 'public', publicityState: 'active', canObject: true })
    expect((await ok(env, 'visitor', 'get', { id: funds })).canObject).toBe(false)
    await ok(env, 'retiree', 'object', { id: funds, text: '慰问支出中“其他”一项金额较大，请列明用途。' })
    expect(await call(env, 'visitor', 'object', { id: funds, text: '访客也想提异议。' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await db.collection('notice_objections').where({ noticeId: funds }).count()).total).toBe(1)
  })

  it('refuses outside the period, without a period and on withdrawn notices', async () => {
    const cases: Array<[string, RegExp]> = [
      [await seeded('2027年职称评审推荐人选公示'), /公示期还没开始/],
      [await seeded('关于冬季作息时间调整的通知'), /没有公示期/],
      [await seeded('关于征集第六届教职工代表大会第三次会议提案的通知'), /没有公示期/],
    ]
    const ended = await published(env, { title: '已结束的公示', publicity: { startDate: day(0), endDate: day(1) } })
    await db.collection('notices').doc(ended).update({ data: { publicityStart: new Date(Date.now() - 9 * 86400_000), publicityEnd: new Date(Date.now() - 2 * 86400_000) } })
    cases.push([ended, /公示期已经结束/])
    const withdrawn = await published(env, { title: '撤回的公示', publicity: { startDate: day(0), endDate: day(3) } })
    await ok(env, 'chair', 'withdraw', { id: withdrawn, reason: '名单有误' })
    cases.push([withdrawn, /已撤回/])
    for (const [target, message] of cases) {
      expect(await call(env, 'staff', 'object', { id: target, text: '对这份公告有异议。' })).toMatchObject({ ok: false, message: expect.stringMatching(message) })
      expect((await db.collection('notice_objections').where({ noticeId: target }).count()).total).toBe(0)
    }
  })

  it('refuses too-short text and more than three from one member', async () => {
    expect(await call(env, 'retiree', 'object', { id, text: '不' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    for (const n of [1, 2, 3]) await ok(env, 'retiree', 'object', { id, text: `第${n}条异议：请说明评选依据。` })
    expect(await call(env, 'retiree', 'object', { id, text: '第4条异议：请说明评选依据。' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})

describe('under concurrency', () => {
  let target: string
  beforeAll(async () => {
    target = await published(env, { title: '2026年度先进工作者推荐人选公示', publicity: { startDate: day(0), endDate: day(3) } })
    // Warm every instance of the function (the runner keeps 4), so the calls below really overlap.
    await Promise.all(Array.from({ length: 8 }, () => call(env, 'staff', 'list')))
  })

  it('five objections at once from one member: exactly three are kept, two are refused', async () => {
    // A count-then-insert implementation lets all five see "none yet" and keeps five.
    const answers = await Promise.all([1, 2, 3, 4, 5].map((k) => call(env, 'committee', 'object', { id: target, text: `第${k}条：推荐程序是否经过小组讨论？` })))
    expect(answers.filter((a) => a.ok)).toHaveLength(3)
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    expect((await db.collection('notice_objections').where({ noticeId: target }).count()).total).toBe(3)
  })

  it('one objection sent six times (a retry, taps) is stored once and every answer names it', async () => {
    const requestId = rid()
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(env, 'staff', 'object', { id: target, requestId, text: '请说明推荐名额的分配办法。' })))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data.id)).size).toBe(1)
    expect((await db.collection('notice_objections').where({ noticeId: target, memberId: (await member('staff'))._id }).count()).total).toBe(1)
  })

  it('the notice’s counts equal the stored objections and answers after parallel answering', async () => {
    const stored = (await db.collection('notice_objections').where({ noticeId: target }).get()).data
    const answers = await Promise.all(stored.flatMap((o: any) => [1, 2].map(() => call(env, 'chair', 'answerObjection', { objectionId: o._id, answer: '已核实，程序符合规定。' }))))
    expect(answers.filter((a) => a.ok)).toHaveLength(stored.length)
    const [n] = (await db.collection('notices').where({ _id: target }).get()).data
    expect({ raised: n.objectionCount, answered: n.answeredCount }).toEqual({ raised: stored.length, answered: stored.length })
    expect((await db.collection('audit_log').where({ action: 'notice.answerObjection', note: n.title }).count()).total).toBe(stored.length)
  })
})

const member = async (who: 'staff') => (await db.collection('members').where({ openid: persona(who).openid }).get()).data[0]

describe('only the chair sees and answers objections', () => {
  it('committee members cannot list or answer them; the chair sees names and answers each once', async () => {
    expect(await call(env, 'committee', 'objections', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const list = await ok(env, 'chair', 'objections', { id })
    expect(list).toMatchObject({ total: 4, answered: 0 })
    expect(list.items[0]).toMatchObject({ name: '张明', department: expect.any(String) })
    const objectionId = list.items[0].id
    expect(await call(env, 'committee', 'answerObjection', { objectionId, answer: '委员想答复' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await ok(env, 'chair', 'answerObjection', { objectionId, answer: '经核实，该同志缺勤均为公派培训，符合条件。' })
    expect(await call(env, 'chair', 'answerObjection', { objectionId, answer: '改一下答复' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const mine = (await ok(env, 'staff', 'get', { id })).myObjections
    expect(mine[0]).toMatchObject({ answer: '经核实，该同志缺勤均为公派培训，符合条件。' })
    expect((await ok(env, 'chair', 'objections', { id })).answered).toBe(1)
    const audit = (await db.collection('audit_log').where({ action: 'notice.answerObjection', 'target.id': objectionId }).get()).data
    expect(audit).toHaveLength(1)
  })

  it('during the period nobody sees counts; after it everyone who can read the notice sees raised / answered', async () => {
    expect((await ok(env, 'staff', 'get', { id })).objectionSummary).toBeUndefined()
    // The period passes.
    await db.collection('notices').doc(id).update({ data: { publicityStart: new Date(Date.now() - 9 * 86400_000), publicityEnd: new Date(Date.now() - 86400_000) } })
    for (const who of ['staff', 'retiree', 'committee'] as const) {
      const shown = await ok(env, who, 'get', { id })
      expect(shown).toMatchObject({ publicityState: 'ended', canObject: false, objectionSummary: { raised: 4, answered: 1 } })
    }
  })
})
