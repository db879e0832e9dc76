/**
 * Ids the app itself makes: members who joined through member.apply + approve (32-hex ids), a plan
 * made through welfare.planCreate, so its entries are `<planId>_<memberId>` = 65 characters. Every
 * welfare action that takes an id works with them (the id input allowed 64 before: no entry of a
 * member who joined through the app could be ticked, opened or cancelled).
 */
import { shanghaiDate, addDays } from '../../cloudfunctions/_shared/time'
import { callAs, seededEnv } from './helpers'
import { joinThroughApp, rid } from './welfare-support'

let env: string
let planId: string
let people: Array<{ id: string; openid: string }>
let entries: any[]
const today = shanghaiDate(new Date())

beforeAll(async () => {
  ({ env } = await seededEnv('welfare-app-ids'))
  people = []
  for (const name of ['慕容雪', '皇甫杰', '令狐冲']) people.push(await joinThroughApp(env, { name, department: '语文组', status: '在职' }))
  // Marked 困难 by the committee (welfare.setHardship with their real ids); the plan visits exactly them.
  for (const p of people) {
    const r = await callAs(env, 'committee', 'welfare', { action: 'setHardship', memberId: p.id, hardship: true, note: '家中有病人' })
    if (!r.ok) throw new Error(`setHardship failed: ${r.message}`)
  }
  const preview = await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { hardship: true } })
  const others = preview.data.people.map((p: any) => p.id).filter((id: string) => !people.some((x) => x.id === id))
  const plan = await callAs(env, 'committee', 'welfare', {
    action: 'planCreate', requestId: rid(), title: '春节慰问', plannedDate: addDays(today, 10), filter: { hardship: true }, excludeIds: others,
    cashYuan: '500', gifts: [{ name: '年货', valueYuan: '150' }], fund: '工会经费',
  })
  if (!plan.ok) throw new Error(`planCreate failed: ${plan.message}`)
  planId = plan.data.id
  entries = (await callAs(env, 'committee', 'welfare', { action: 'list', planId })).data.items
})

it('members who joined through the app have 32-hex ids, and their plan entries 65-character ids', () => {
  for (const p of people) expect(p.id).toMatch(/^[0-9a-f]{32}$/)
  expect(entries).toHaveLength(3)
  for (const e of entries) {
    expect(e.id).toHaveLength(65)
    expect(e.id).toBe(`${planId}_${e.memberId}`)
  }
})

it('opens, ticks off and cancels such entries', async () => {
  const [first, second] = entries
  const opened = await callAs(env, 'committee', 'welfare', { action: 'get', id: first.id })
  expect(opened).toMatchObject({ ok: true, data: { id: first.id, state: 'planned' } })
  const done = await callAs(env, 'committee', 'welfare', { action: 'complete', id: first.id, revision: first.revision, visitDate: today, cashYuan: '500', visitorIds: ['mem002'] })
  expect(done).toMatchObject({ ok: true, data: { state: 'done', gifts: [{ name: '年货', valueFen: 15000 }] } })
  const cancelled = await callAs(env, 'committee', 'welfare', { action: 'cancel', id: second.id, revision: second.revision, reason: '已随子女外地生活' })
  expect(cancelled).toMatchObject({ ok: true, data: { state: 'cancelled' } })
  const corrected = await callAs(env, 'chair', 'welfare', {
    action: 'correct', id: first.id, revision: done.data.revision, recipient: { kind: 'member', memberId: first.memberId }, reason: '节日慰问',
    visitDate: today, cashYuan: '600', gifts: [{ name: '年货', valueYuan: '150' }], fund: '工会经费', correction: '标准调整为600元',
  })
  expect(corrected).toMatchObject({ ok: true, data: { cashFen: 60000 } })
})

it('takes such ids everywhere an id is asked for: person history, 困难 flag, plan close, new visit', async () => {
  const [, , third] = people
  const others = (await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { hardship: true } })).data.people
    .map((p: any) => p.id).filter((id: string) => !people.some((x) => x.id === id))
  expect(await callAs(env, 'committee', 'welfare', { action: 'list', memberId: third.id })).toMatchObject({ ok: true, data: { total: 1 } })
  expect(await callAs(env, 'committee', 'welfare', { action: 'summary', memberId: third.id })).toMatchObject({ ok: true })
  expect(await callAs(env, 'committee', 'welfare', { action: 'setHardship', memberId: third.id, hardship: true, note: '独居' })).toMatchObject({ ok: true, data: { memberId: third.id } })
  expect(await callAs(env, 'committee', 'welfare', {
    action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: third.id }, reason: '生日', visitDate: today, cashYuan: '0', fund: '工会经费',
  })).toMatchObject({ ok: true })
  expect(await callAs(env, 'committee', 'welfare', {
    action: 'planCreate', requestId: rid(), title: '中秋慰问', plannedDate: addDays(today, 30), filter: { hardship: true }, excludeIds: [...others, third.id],
    cashYuan: '100', fund: '工会经费',
  })).toMatchObject({ ok: true, data: { total: 2 } })
  expect(await callAs(env, 'committee', 'welfare', { action: 'planClose', id: planId })).toMatchObject({ ok: true, data: { state: 'closed' } })
})
