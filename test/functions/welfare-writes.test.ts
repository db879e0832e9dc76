/**
 * Nothing written twice or half, tried as an adversary would: double taps and retries of creates,
 * simultaneous corrections, stale forms, a plan creation that died half-way. Every concurrent case
 * warms the function's instances first and sends a count that is not a multiple of the pool (4), so
 * a naive implementation (insert without a request id, update without the revision) fails it.
 */
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { persona } from '../../emulator/seed/personas'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { callAs, seededEnv } from './helpers'
import { joinThroughApp, rid, visitFor, warm } from './welfare-support'

let env: string
let db: any
let retiree: { id: string; openid: string }
beforeAll(async () => {
  ({ env, db } = await seededEnv('welfare-writes'))
  retiree = await joinThroughApp(env, { name: '欧阳秋云', department: '语文组', status: '离退休' })
  await warm(env, 'welfare')
})

const today = shanghaiDate(new Date())
const visitsOf = async (memberId: string) => (await db.collection('welfare_visits').where({ 'recipient.memberId': memberId }).limit(100).get()).data
const auditsOf = async (id: string, action: string) => (await db.collection('audit_log').where({ 'target.id': id, action }).count()).total

describe('a new visit is created once per form', () => {
  it('7 simultaneous taps with one request id make one visit and one audit entry, and all answer it', async () => {
    const who = await joinThroughApp(env, { name: '司马晓东' })
    const input = visitFor(who.id, { reason: '生育', cashYuan: '300' })
    // Naive insert: 7 visits (each tap lands on its own warm instance).
    const answers = await Promise.all(Array.from({ length: 7 }, () => callAs(env, 'committee', 'welfare', input)))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(new Set(answers.map((a) => a.data.id)).size).toBe(1)
    const stored = await visitsOf(who.id)
    expect(stored).toHaveLength(1)
    expect(await auditsOf(stored[0]._id, 'welfare.record')).toBe(1)
  })

  it('a retry after the answer was lost gets the same visit, even if the form changed meanwhile', async () => {
    const who = await joinThroughApp(env, { name: '诸葛文静' })
    const input = visitFor(who.id)
    const first = await callAs(env, 'committee', 'welfare', input)
    const retry = await callAs(env, 'committee', 'welfare', { ...input, cashYuan: '800' })
    expect(retry.data).toEqual(first.data)
    expect(await visitsOf(who.id)).toHaveLength(1)
  })

  it('the same request id from another committee member is another visit (no collision, no peeking)', async () => {
    const who = await joinThroughApp(env, { name: '上官明月' })
    const input = visitFor(who.id)
    const a = await callAs(env, 'committee', 'welfare', input)
    const b = await callAs(env, 'chair', 'welfare', input)
    expect(a.data.id).not.toBe(b.data.id)
    expect(await visitsOf(who.id)).toHaveLength(2)
  })

  it('refuses a missing or malformed request id, writing nothing', async () => {
    const who = await joinThroughApp(env, { name: '东方晓' })
    const { requestId: _omit, ...noId } = visitFor(who.id)
    expect(await callAs(env, 'committee', 'welfare', noId)).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('请求编号') })
    expect(await callAs(env, 'committee', 'welfare', visitFor(who.id, { requestId: 'x/../y' }))).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await visitsOf(who.id)).toHaveLength(0)
  })
})

describe('corrections carry the revision they correct', () => {
  const correction = (v: any, revision: number, cashYuan: string) => ({
    action: 'correct', id: v.id, revision, recipient: { kind: 'member', memberId: v.memberId }, reason: v.reason, visitDate: v.visitDate,
    cashYuan, fund: v.fund, correction: `金额应为${cashYuan}元`,
  })

  it('of 3 simultaneous corrections of the same revision exactly one lands; the others are told it changed', async () => {
    // Naive read-modify-write: all 3 answer ok and the last silently overwrites the others.
    for (let round = 0; round < 3; round++) {
      const made = await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { visitDate: addDays(today, -round - 1) }))
      const answers = await Promise.all(['301', '302', '303'].map((cash, i) => callAs(env, i % 2 ? 'chair' : 'committee', 'welfare', correction(made.data, 1, cash))))
      const won = answers.filter((a) => a.ok)
      expect(won).toHaveLength(1)
      for (const lost of answers.filter((a) => !a.ok)) expect(lost).toEqual({ ok: false, code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
      const stored = (await db.collection('welfare_visits').doc(made.data.id).get()).data
      expect(stored.revision).toBe(2)
      expect(stored.cashFen).toBe(won[0].data.cashFen)
      expect(await auditsOf(made.data.id, 'welfare.correct')).toBe(1)
    }
  })

  it('refuses a correction made from an older revision and changes nothing', async () => {
    const made = await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { visitDate: addDays(today, -10) }))
    expect((await callAs(env, 'chair', 'welfare', correction(made.data, 1, '400'))).ok).toBe(true)
    const stale = await callAs(env, 'committee', 'welfare', correction(made.data, 1, '450'))
    expect(stale).toEqual({ ok: false, code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect((await db.collection('welfare_visits').doc(made.data.id).get()).data).toMatchObject({ cashFen: 40000, revision: 2 })
  })

  it('ticking off and cancelling are changes too: a stale form is refused, each change bumps the revision', async () => {
    const planned = await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { state: 'planned', visitDate: addDays(today, 5), gifts: [{ name: '月饼', valueYuan: '88' }] }))
    const p = planned.data
    const fixed = await callAs(env, 'chair', 'welfare', { ...correction(p, 1, '520'), visitDate: addDays(today, 6), gifts: [{ name: '月饼', valueYuan: '88' }], correction: '' })
    expect(fixed.data.revision).toBe(2)
    expect(await callAs(env, 'committee', 'welfare', { action: 'complete', id: p.id, revision: 1, visitDate: today, cashYuan: '500' })).toMatchObject({ code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect(await callAs(env, 'committee', 'welfare', { action: 'cancel', id: p.id, revision: 1, reason: '已搬走' })).toMatchObject({ code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    const done = await callAs(env, 'committee', 'welfare', { action: 'complete', id: p.id, revision: 2, visitDate: today, cashYuan: '520' })
    expect(done.data).toMatchObject({ state: 'done', revision: 3 })
    // No gifts sent: the planned gifts stay (they were wiped before).
    expect(done.data.gifts).toEqual([{ name: '月饼', valueFen: 8800 }])
  })
})

describe('holiday plans are created once and never half', () => {
  const planInput = (over: Record<string, unknown> = {}) => ({
    action: 'planCreate', requestId: rid(), title: '重阳慰问', plannedDate: addDays(today, 20), filter: { retirees: true },
    cashYuan: '300', gifts: [{ name: '重阳糕', valueYuan: '40' }], fund: '工会经费', ...over,
  })
  const entriesOf = async (planId: string) => (await db.collection('welfare_visits').where({ planId }).limit(1000).get()).data

  it('5 simultaneous taps with one request id make one plan whose total equals its entries, audited once', async () => {
    const input = planInput()
    const answers = await Promise.all(Array.from({ length: 5 }, () => callAs(env, 'committee', 'welfare', input)))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const ids = new Set(answers.map((a) => a.data.id))
    expect(ids.size).toBe(1)
    const [planId] = [...ids]
    expect((await db.collection('welfare_plans').where({ title: '重阳慰问' }).count()).total).toBe(1)
    const plan = (await db.collection('welfare_plans').doc(planId).get()).data
    expect(plan.state).toBe('active')
    expect(await entriesOf(planId)).toHaveLength(plan.total)
    expect(await auditsOf(planId, 'welfare.planCreate')).toBe(1)
  })

  it('a retry finishes a creation that died half-way: one plan, total = entries, one audit entry', async () => {
    const input = planInput({ title: '冬至慰问' })
    const planId = createdId(persona('committee').openid, 'welfare.plan', input.requestId)
    // What a crash after two entries leaves: the head in `creating`, two of its entries, no audit entry.
    const people = (await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { retirees: true } })).data.people
    await db.collection('welfare_plans').add({ data: {
      _id: planId, title: '冬至慰问', reason: '节日慰问', plannedDate: input.plannedDate, filter: { retirees: true, hardship: false, departments: [] },
      cashFenEach: 30000, gifts: [], fund: '工会经费', state: 'creating', total: people.length,
      people: people.map((p: any) => ({ memberId: p.id, name: p.name, department: p.department })), visitors: [],
      createdBy: 'mem002', createdAt: new Date(), updatedAt: new Date(),
    } })
    for (const p of people.slice(0, 2)) {
      await db.collection('welfare_visits').add({ data: {
        _id: `${planId}_${p.id}`, recipient: { kind: 'member', memberId: p.id, name: p.name, department: p.department }, reason: '节日慰问',
        visitDate: input.plannedDate, month: input.plannedDate.slice(0, 7), visitors: [], cashFen: 30000, gifts: [], giftFen: 0, fund: '工会经费',
        notes: '', photos: [], state: 'planned', planId, revision: 1, createdBy: 'mem002', createdAt: new Date(), updatedAt: new Date(),
      } })
    }
    // Hidden while half-made.
    expect((await callAs(env, 'committee', 'welfare', { action: 'plans' })).data.items.map((p: any) => p.id)).not.toContain(planId)
    const r = await callAs(env, 'committee', 'welfare', input)
    expect(r.data).toMatchObject({ id: planId, total: people.length, state: 'active' })
    expect(await entriesOf(planId)).toHaveLength(people.length)
    expect(await auditsOf(planId, 'welfare.planCreate')).toBe(1)
    expect((await db.collection('welfare_plans').where({ title: '冬至慰问' }).count()).total).toBe(1)
  })

  it('a creation abandoned by its creator is finished the next time anyone opens the plan list, signed by the creator', async () => {
    const requestId = rid()
    const planId = createdId(persona('committee').openid, 'welfare.plan', requestId)
    const long = new Date(Date.now() - 10 * 60_000)
    await db.collection('welfare_plans').add({ data: {
      _id: planId, title: '腊八慰问', reason: '节日慰问', plannedDate: addDays(today, 9), filter: { retirees: false, hardship: false, departments: [] },
      cashFenEach: 10000, gifts: [], fund: '工会经费', state: 'creating', total: 1, people: [{ memberId: retiree.id, name: '欧阳秋云', department: '语文组' }],
      visitors: [], createdBy: 'mem002', createdAt: long, updatedAt: long,
    } })
    const list = await callAs(env, 'chair', 'welfare', { action: 'plans' })
    expect(list.data.items.find((p: any) => p.id === planId)).toMatchObject({ total: 1, state: 'active' })
    expect(await entriesOf(planId)).toHaveLength(1)
    const entry = (await db.collection('audit_log').where({ 'target.id': planId, action: 'welfare.planCreate' }).get()).data
    expect(entry).toHaveLength(1)
    expect(entry[0].actorName).toBe('李晓梅')
  })
})

describe('dates the ledger can show', () => {
  it.each([
    ['0001-01-01', '2000-01-01'],
    ['1999-12-31', '2000-01-01'],
    ['2026-02-30', '这一天不存在'],
    ['2027-13-01', '这一天不存在'],
  ])('refuses a visit dated %s and writes nothing', async (visitDate, message) => {
    const before = (await db.collection('welfare_visits').count()).total
    const r = await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { visitDate }))
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.issues.map((i: any) => i.path)).toContainEqual(['visitDate'])
    expect(r.message).toContain('慰问日期')
    expect(r.message).toContain(message)
    expect((await db.collection('welfare_visits').count()).total).toBe(before)
  })

  it('plans a visit up to one year ahead, not a day more', async () => {
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
    const ok = await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { state: 'planned', visitDate: today.slice(5) === '02-29' ? addDays(today, 360) : nextYear }))
    expect(ok.ok).toBe(true)
    expect(await callAs(env, 'committee', 'welfare', visitFor(retiree.id, { state: 'planned', visitDate: addDays(today, 367) })))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: ['visitDate'] }] })
  })
})
