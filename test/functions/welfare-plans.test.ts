/** Holiday plans from roster filters, the 困难 flag, the 待办 list and the daily reminder timer. */
import { callAs, invokeCounted, seededEnv, SEED_NOW } from './helpers'
import { localCloudUrl } from '../support/cloud'
import { buildDemoData } from '../../emulator/seed/demo-data'
import { persona } from '../../emulator/seed/personas'
import { shanghaiDate, addDays } from '../../cloudfunctions/_shared/time'
import { rid } from './welfare-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare-plans')) })

const today = shanghaiDate(new Date())
const seed = buildDemoData(SEED_NOW)
const retirees = seed.members.filter((m) => m.membership === 'approved' && m.status === '离退休')

describe('holiday plans', () => {
  it('previews all retirees, the staff marked 困难 and chosen departments', async () => {
    const r = await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { retirees: true } })
    expect(r.data.people.map((p: any) => p.name).sort()).toEqual(retirees.map((m) => m.name).sort())
    const hard = await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { hardship: true } })
    expect(hard.data.people.map((p: any) => p.name)).toEqual(['董志刚'])
    const dept = await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { departments: ['体艺组'] } })
    expect(dept.data.people.every((p: any) => p.department === '体艺组')).toBe(true)
    expect(r.data.departments).toContain('体艺组')
  })

  it('marks a member 困难 (audited) and the hardship filter picks them up', async () => {
    const r = await callAs(env, 'committee', 'welfare', { action: 'setHardship', memberId: 'mem028', hardship: true, note: '配偶失业' })
    expect(r.data).toEqual({ memberId: 'mem028', hardship: true })
    const hard = await callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { hardship: true } })
    expect(hard.data.people.map((p: any) => p.name).sort()).toEqual(['彭秀英', '董志刚'].sort())
    const listed = await callAs(env, 'committee', 'welfare', { action: 'people', kind: 'hardship' })
    expect(listed.data.items.map((p: any) => p.name).sort()).toEqual(['彭秀英', '董志刚'].sort())
    expect(listed.data.items.every((p: any) => p.hardship)).toBe(true)
    const entry = (await db.collection('audit_log').where({ action: 'welfare.setHardship', 'target.id': 'mem028' }).get()).data[0]
    expect(entry).toMatchObject({ actorName: '李晓梅', before: { hardship: false }, after: { hardship: true, note: '配偶失业' } })
  })

  it('creates one planned visit per person in one step, minus the unticked, and ticks them off', async () => {
    const plannedDate = addDays(today, 30)
    const r = await callAs(env, 'committee', 'welfare', {
      action: 'planCreate', requestId: rid(), title: '春节慰问', plannedDate, filter: { retirees: true }, excludeIds: ['mem004'],
      cashYuan: '500', gifts: [{ name: '年货', valueYuan: '150' }], fund: '工会经费', visitorIds: ['mem001', 'mem002'],
    })
    expect(r.data).toMatchObject({ title: '春节慰问', total: retirees.length - 1, done: 0, state: 'active', cashFenEach: 50000 })
    const entries = await callAs(env, 'committee', 'welfare', { action: 'list', planId: r.data.id })
    expect(entries.data.total).toBe(retirees.length - 1)
    expect(entries.data.items.every((v: any) => v.state === 'planned' && v.cashFen === 50000 && v.giftValueFen === 15000)).toBe(true)
    expect(entries.data.items.map((v: any) => v.recipientName)).not.toContain('陈桂兰')

    const todo = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    expect(todo.data.plans.find((p: any) => p.id === r.data.id)).toMatchObject({ remaining: retirees.length - 1 })

    const first = entries.data.items[0]
    await callAs(env, 'committee', 'welfare', { action: 'complete', id: first.id, revision: first.revision, visitDate: today, visitorIds: ['mem002'], cashYuan: '500', photos: [] })
    const plans = await callAs(env, 'committee', 'welfare', { action: 'plans' })
    expect(plans.data.items.find((p: any) => p.id === r.data.id)).toMatchObject({ done: 1 })
    const after = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    expect(after.data.plans.find((p: any) => p.id === r.data.id)).toMatchObject({ remaining: retirees.length - 2 })

    await callAs(env, 'committee', 'welfare', { action: 'planClose', id: r.data.id })
    const closed = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    expect(closed.data.plans.find((p: any) => p.id === r.data.id)).toBeUndefined()
  })

  it('shows each plan on the page with its own done and cancelled counts, as the database has them', async () => {
    const make = async (title: string) => (await callAs(env, 'committee', 'welfare', {
      action: 'planCreate', requestId: rid(), title, plannedDate: addDays(today, 20), filter: { retirees: true }, cashYuan: '100', fund: '工会经费',
    })).data.id as string
    const [a, b] = [await make('中秋慰问'), await make('重阳慰问')]
    const entries = async (planId: string) => (await callAs(env, 'committee', 'welfare', { action: 'list', planId })).data.items
    const [ea, eb] = [await entries(a), await entries(b)]
    for (const v of ea.slice(0, 2)) {
      await callAs(env, 'committee', 'welfare', { action: 'complete', id: v.id, revision: v.revision, visitDate: today, visitorIds: ['mem002'], cashYuan: '100', photos: [] })
    }
    await callAs(env, 'committee', 'welfare', { action: 'cancel', id: ea[2].id, revision: ea[2].revision, reason: '已随子女外地生活' })
    await callAs(env, 'committee', 'welfare', { action: 'cancel', id: eb[0].id, revision: eb[0].revision, reason: '住院，改日再去' })
    const plans = (await callAs(env, 'committee', 'welfare', { action: 'plans', page: 1 })).data.items
    expect(plans.length).toBeGreaterThanOrEqual(2)
    for (const p of plans) {
      const count = async (state: string) => (await db.collection('welfare_visits').where({ planId: p.id, state }).count()).total
      expect({ id: p.id, done: p.done, cancelled: p.cancelled }).toEqual({ id: p.id, done: await count('done'), cancelled: await count('cancelled') })
    }
    expect(plans.find((p: any) => p.id === a)).toMatchObject({ done: 2, cancelled: 1 })
    expect(plans.find((p: any) => p.id === b)).toMatchObject({ done: 0, cancelled: 1 })
  })

  it('reads the plan once when creating it and when a retry answers it (only a lost race with a simultaneous tap reads it again)', async () => {
    const input = { action: 'planCreate', requestId: rid(), title: '端午慰问', plannedDate: addDays(today, 25), filter: { retirees: true }, cashYuan: '200', fund: '工会经费' }
    const made = await invokeCounted(env, persona('committee').openid, 'welfare', input)
    expect(made.result.data).toMatchObject({ title: '端午慰问', total: retirees.length, done: 0, state: 'active' })
    expect(made.repeatedReads).toEqual([])
    const retry = await invokeCounted(env, persona('committee').openid, 'welfare', input)
    expect(retry.result).toEqual(made.result)
    expect(retry.repeatedReads).toEqual([])
    expect((await db.collection('welfare_visits').where({ planId: made.result.data.id }).count()).total).toBe(retirees.length)
  })

  it('refuses an empty list and a bad amount, writing nothing', async () => {
    const before = (await db.collection('welfare_plans').count()).total
    expect(await callAs(env, 'committee', 'welfare', { action: 'planCreate', requestId: rid(), title: '空计划', plannedDate: today, filter: {}, cashYuan: '1', fund: '工会经费' }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('名单是空的') })
    expect(await callAs(env, 'committee', 'welfare', { action: 'planCreate', requestId: rid(), title: '春节', plannedDate: today, filter: { retirees: true }, cashYuan: '500.123', fund: '工会经费' }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('两位小数') })
    expect((await db.collection('welfare_plans').count()).total).toBe(before)
  })
})

describe('待办 and reminders', () => {
  it('lists this week’s and this month’s birthdays from member profiles', async () => {
    const r = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    const month = today.slice(5, 7)
    const expected = seed.members.filter((m) => m.membership === 'approved' && m.birthday?.startsWith(`${month}-`)).map((m) => m.name).sort()
    expect(r.data.birthdaysMonth.map((b: any) => b.name).sort()).toEqual(expected)
    for (const b of r.data.birthdaysWeek) expect(typeof b.birthday).toBe('string')
  })

  it('lists a hospital follow-up once due, and drops it after a later visit', async () => {
    const r = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    const due = r.data.followUps.find((f: any) => f.name === '蒋文华')
    expect(due).toBeDefined()
    await callAs(env, 'committee', 'welfare', { action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: 'mem034' }, reason: '生病住院', visitDate: today, cashYuan: '0', fund: '工会经费', followUpDays: 60 })
    const after = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    expect(after.data.followUps.find((f: any) => f.visitId === due.visitId)).toBeUndefined()
  })

  it('the daily timer sends the 待办 summary to every committee member and the chair, and to nobody else', async () => {
    const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name: 'welfare', trigger: 'remind' }) })
    const answer = await res.json()
    expect(answer.result ?? answer).toMatchObject({ ok: true })
    const outbox = async (touser: string) => (await (await fetch(`${localCloudUrl()}/dev/outbox?env=${env}&touser=${touser}`)).json()).messages
    const chair = await outbox(persona('chair').openid)
    expect(chair[0]).toMatchObject({ templateId: 'tpl_welfare_todo', page: 'packages/welfare/pages/todo/index' })
    expect((await outbox(persona('committee').openid)).length).toBe(1)
    expect(await outbox(persona('staff').openid)).toEqual([])
    expect(await outbox(persona('retiree').openid)).toEqual([])
  })
})
