import { welfareListOutput } from '../../types/welfare'
import { result } from '../../types/result'
import { shanghaiYear } from '../../cloudfunctions/_shared/time'
import { callAs, seededEnv, SEED_NOW } from './helpers'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare')) })

const refusal = { ok: false, code: 'FORBIDDEN', message: '只有工会委员和主席可以查看慰问记录' }

describe('welfare.list', () => {
  it.each(['staff', 'retiree', 'visitor'] as const)('refuses the %s persona', async (who) => {
    expect(await callAs(env, who, 'welfare', { action: 'list' })).toEqual(refusal)
  })

  it('refuses a staff caller whose event claims to be the chair', async () => {
    expect(await callAs(env, 'staff', 'welfare', { action: 'list', openid: 'o_dev_chair', role: 'chair' })).toEqual(refusal)
  })

  it.each(['committee', 'chair'] as const)('shows the %s persona this year’s visits', async (who) => {
    const r = await callAs(env, who, 'welfare', { action: 'list' })
    const year = shanghaiYear(SEED_NOW)
    expect(r.ok).toBe(true)
    expect(r.data.year).toBe(year)
    expect(r.data.total).toBeGreaterThan(0)
    expect(r.data.items.every((v: any) => v.visitDate.startsWith(String(year)))).toBe(true)
  })

  it('counts every visit of the year asked for', async () => {
    const year = shanghaiYear(SEED_NOW) - 1
    const stored = await db.collection('welfare_visits').where({ visitDate: db.command.gte(`${year}-01-01`).and(db.command.lt(`${year + 1}-01-01`)) }).count()
    const r = await callAs(env, 'chair', 'welfare', { action: 'list', year })
    expect(r.data.total).toBe(stored.total)
  })

  it('lists the latest visits first with money in integer 分', async () => {
    const { items } = (await callAs(env, 'chair', 'welfare', { action: 'list' })).data
    const dates = items.map((v: any) => v.visitDate)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(items.every((v: any) => Number.isInteger(v.cashFen) && Number.isInteger(v.giftValueFen))).toBe(true)
  })

  it('answers in the shape the app parses, without openids or authors', async () => {
    const r = await callAs(env, 'chair', 'welfare', { action: 'list' })
    expect(result(welfareListOutput).safeParse(r).success).toBe(true)
    // member ids are how the committee opens one person's history; openids and authors never leave
    expect(JSON.stringify(r)).not.toMatch(/openid|o_dev_|o_seed_|createdBy|updatedBy/)
  })

  it('refuses a year outside 2000–2100 as BAD_INPUT', async () => {
    expect(await callAs(env, 'chair', 'welfare', { action: 'list', year: 1900 })).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: ['year'] }] })
  })
})
