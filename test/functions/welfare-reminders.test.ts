/**
 * The committee's reminders: the 工作台 counts (cloudfunctions/welfare/desk.ts) and the daily
 * 待办 message, which tells the committee about new items only — an item waiting unchanged is not
 * sent again every morning.
 */
import { createContext } from '../../cloudfunctions/_shared/context'
import { deskItems } from '../../cloudfunctions/welfare/desk'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { buildDemoData } from '../../emulator/seed/demo-data'
import { persona } from '../../emulator/seed/personas'
import { localCloudUrl } from '../support/cloud'
import { callAs, seededEnv, SEED_NOW } from './helpers'
import { rid } from './welfare-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare-reminders')) })

const today = shanghaiDate(new Date())
const desk = async () => Object.fromEntries((await deskItems(await createContext({ openid: persona('committee').openid, now: new Date(), db }))).map((i) => [i.key, i]))
const remind = async () => {
  const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name: 'welfare', trigger: 'remind' }) })
  const answer = await res.json()
  return (answer.result ?? answer).data
}
const outbox = async (touser: string) => (await (await fetch(`${localCloudUrl()}/dev/outbox?env=${env}&touser=${touser}`)).json()).messages as any[]

describe('工作台', () => {
  it('counts today’s birthdays, follow-ups due and unvisited plan entries, linking to 待办', async () => {
    const seed = buildDemoData(SEED_NOW)
    const birthdays = seed.members.filter((m) => m.membership === 'approved' && m.birthday === today.slice(5)).length
    const d = await desk()
    // 蒋文华's hospital follow-up was due two days ago (seed); plan 元旦走访慰问 has 4 unvisited entries.
    expect(d['welfare.todo']).toEqual({ key: 'welfare.todo', title: '慰问待办', count: birthdays + 1, url: '/packages/welfare/pages/todo/index', urgent: true })
    expect(d['welfare.plans']).toMatchObject({ title: '节日计划未走访', count: 4, url: '/packages/welfare/pages/todo/index' })
  })

  it('drops a follow-up once a later visit answers it, and a plan entry once ticked off', async () => {
    const before = await desk()
    await callAs(env, 'committee', 'welfare', { action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: 'mem034' }, reason: '生病住院', visitDate: today, cashYuan: '0', fund: '工会经费', followUpDays: 60 })
    const entries = (await callAs(env, 'committee', 'welfare', { action: 'list', planId: 'wplan001' })).data.items
    const first = entries.find((e: any) => e.state === 'planned')
    await callAs(env, 'committee', 'welfare', { action: 'complete', id: first.id, revision: first.revision, visitDate: today, cashYuan: '500' })
    const after = await desk()
    expect(after['welfare.todo']).toMatchObject({ count: before['welfare.todo'].count - 1, urgent: false })
    expect(after['welfare.plans'].count).toBe(before['welfare.plans'].count - 1)
    const todo = await callAs(env, 'committee', 'welfare', { action: 'todo' })
    expect(todo.data.followUps.map((f: any) => f.name)).not.toContain('蒋文华')
  })
})

describe('the daily 待办 message', () => {
  it('is sent when something is due, not again the next morning while nothing new is due, and again when something new is', async () => {
    const chair = persona('chair').openid
    const first = await remind()
    expect(first.sent).toBeGreaterThan(0)
    const afterFirst = (await outbox(chair)).length
    expect(afterFirst).toBeGreaterThan(0)

    const second = await remind()
    expect(second).toMatchObject({ sent: 0, fresh: 0 })
    expect((await outbox(chair)).length).toBe(afterFirst)

    // A new hospital visit whose follow-up falls due tomorrow: news for the committee.
    await callAs(env, 'committee', 'welfare', {
      action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: 'mem012' }, reason: '生病住院', visitDate: addDays(today, -13), cashYuan: '300', fund: '工会经费', followUpDays: 14,
    })
    const third = await remind()
    expect(third).toMatchObject({ fresh: 1 })
    expect(third.sent).toBeGreaterThan(0)
    expect((await outbox(chair)).length).toBe(afterFirst + 1)
    expect((await outbox(persona('staff').openid))).toEqual([])
  })
})
