/**
 * The daily batch (#12.3): an anonymous item is in no list, count, statistic, desk line, reminder or
 * due date until its batch releases it; the batch dates every item it releases alike (due dates
 * count from release, with the setting at release). Named items reach the union at once.
 */
import { deskItems } from '../../cloudfunctions/opinion/desk'
import { onLocalCloud } from '../../cloudfunctions/opinion/batch'
import { createContext } from '../../cloudfunctions/_shared/context'
import { opinionView } from '../../types/opinion'
import { result } from '../../types/result'
import { persona } from '../../emulator/seed/personas'
import { callAs, seededEnv } from './helpers'
import { asTimer, nextBatch, seedMember, submitAs } from './opinion-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('opbatch')) })

const op = (who: Parameters<typeof callAs>[1], action: string, input: Record<string, unknown> = {}) => callAs(env, who, 'opinion', { action, ...input })
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10)
const byText = async (text: string) => (await db.collection('opinions').where({ text }).limit(1).get()).data[0]

/** Everything the union can see or be told about the opinion box, as one comparable value. */
async function unionView(): Promise<unknown> {
  const inbox: Record<string, unknown> = {}
  for (const filter of ['open', 'pending', 'processing', 'held', 'overdue']) {
    const r = await op('chair', 'inbox', { filter })
    inbox[filter] = { total: r.data.total, ids: r.data.items.map((i: any) => i.id) }
  }
  const chair = await createContext({ openid: persona('chair').openid, now: new Date(), db })
  return {
    inbox,
    stats: (await op('chair', 'stats')).data,
    publicStats: (await op('staff', 'publicStats')).data,
    desk: await deskItems(chair),
    auditEntries: (await db.collection('audit_log').count()).total,
  }
}

describe('the daily batch', () => {
  let code: string
  let id: string
  let before: unknown

  beforeAll(async () => {
    await nextBatch(env) // release whatever the seed left waiting, so the baseline is settled
    before = await unionView()
    code = (await submitAs(env, seedMember(6), { text: '批次：体育馆周末能否对教职工开放？', category: '其他' })).data.code
    id = (await byText('批次：体育馆周末能否对教职工开放？'))._id
  })

  it('a new anonymous item changes nothing the union sees: inbox, counts, statistics, desk, audit', async () => {
    expect(await unionView()).toEqual(before)
    expect(await op('chair', 'case', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('it carries no due date yet; its submitter sees it waiting for the batch', async () => {
    const stored = await byText('批次：体育馆周末能否对教职工开放？')
    expect(stored).not.toHaveProperty('dueOn')
    expect(stored).not.toHaveProperty('visibleOn')
    const v = await op(seedMember(6), 'view', { code })
    expect(result(opinionView).safeParse(v).success).toBe(true)
    expect(v.data).not.toHaveProperty('dueOn')
    expect(v.data.overdue).toBe(false)
  })

  it('the scheduled batch leaves today’s items for tomorrow and releases earlier days', async () => {
    expect((await asTimer(env, 'releaseBatch')).data.released).toBe(0)
    expect(await op('chair', 'case', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    // As if it had been written yesterday (the function runs on the real clock).
    await db.collection('opinions').doc(id).update({ data: { submittedOn: addDays(today(), -1) } })
    expect((await asTimer(env, 'releaseBatch')).data.released).toBe(1)
    const c = await op('chair', 'case', { id })
    expect(c.data).toMatchObject({ state: 'pending', dueOn: addDays(today(), 7) })
    expect(await unionView()).not.toEqual(before)
  })

  it('no WeChat user can run the batch or the demo release', async () => {
    for (const action of ['releaseBatch', 'demoRelease']) {
      expect(await op('chair', action)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

describe('the 工作台 lines', () => {
  const deskOf = async (who: 'chair' | 'committee') => deskItems(await createContext({ openid: persona(who).openid, now: new Date(), db }))

  it('count released work only: the chair’s 待受理 and 逾期意见 follow the inbox, and move with the batch', async () => {
    const inboxTotal = async (filter: string) => (await op('chair', 'inbox', { filter })).data.total
    const check = async () => {
      const desk = await deskOf('chair')
      expect(desk).toEqual([
        { key: 'opinion.pending', title: '待受理意见', count: await inboxTotal('pending'), url: '/packages/opinion/pages/inbox/index?filter=pending', urgent: false },
        { key: 'opinion.overdue', title: '逾期意见', count: await inboxTotal('overdue'), url: '/packages/opinion/pages/inbox/index?filter=overdue', urgent: (await inboxTotal('overdue')) > 0 },
      ])
      return desk[0].count
    }
    const before = await check()
    await submitAs(env, seedMember(12), { text: '工作台：这条匿名意见明天才算待受理。' })
    expect(await check()).toBe(before)
    await nextBatch(env)
    expect(await check()).toBe(before + 1)
  })

  it('a committee member counts only what is assigned to them', async () => {
    const desk = await deskOf('committee')
    const mine = (await op('committee', 'inbox', { filter: 'processing' })).data.total
    expect(desk.map((d) => [d.key, d.count])).toEqual([['opinion.assigned', mine], ['opinion.overdue', (await op('committee', 'inbox', { filter: 'overdue' })).data.total]])
  })

  it('gives a plain member nothing', async () => {
    expect(await deskItems(await createContext({ openid: persona('staff').openid, now: new Date(), db }))).toEqual([])
  })
})

describe('due dates count from release', () => {
  it('changing the due days between two submissions dates neither: one batch, one due date', async () => {
    await op('chair', 'setSettings', { dueDays: 7 })
    await submitAs(env, seedMember(7), { text: '期限甲：设置修改之前提交的意见。' })
    await op('chair', 'setSettings', { dueDays: 12 })
    await submitAs(env, seedMember(8), { text: '期限乙：设置修改之后提交的意见。' })
    await op('chair', 'setSettings', { dueDays: 9 })
    await nextBatch(env)
    const [a, b] = [await byText('期限甲：设置修改之前提交的意见。'), await byText('期限乙：设置修改之后提交的意见。')]
    expect(a.dueOn).toBe(addDays(today(), 9))
    expect(b.dueOn).toBe(a.dueOn)
    expect(b.visibleOn).toBe(a.visibleOn)
    await op('chair', 'setSettings', { dueDays: 7 })
  })

  it('a named item reaches the union at once with the setting of its day', async () => {
    const r = await submitAs(env, seedMember(9), { anonymous: false, text: '署名：会议室投影仪不清楚。' })
    expect(r.data.dueOn).toBe(addDays(today(), 7))
    expect((await op('chair', 'case', { id: r.data.id })).data.state).toBe('pending')
  })
})

describe('the demo release', () => {
  it('is for the local cloud only: the function knows where its database is', () => {
    expect(onLocalCloud({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:3900/admin' }) })).toBe(true)
    expect(onLocalCloud({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }) })).toBe(false)
    expect(onLocalCloud({})).toBe(false)
  })
})
