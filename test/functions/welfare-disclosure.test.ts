/** 经费公开: a notice draft with totals; names only where the chair allows, never 困难帮扶 / 生病住院 recipients. */
import { callAs, seededEnv } from './helpers'
import { welfareReasons } from '../../types/welfare'
import { shanghaiDate, addDays } from '../../cloudfunctions/_shared/time'
import { rid } from './welfare-support'

let env: string
let db: any
const today = shanghaiDate(new Date())
const from = addDays(today, -400)

/** Every recipient of a private visit in the seed, plus one added here who also got a public one. */
const PRIVATE = ['郑海涛', '蒋文华', '董志刚', '罗敏']

beforeAll(async () => {
  ({ env, db } = await seededEnv('welfare-disclosure'))
  // The same person receives 生育 (public) and 生病住院 (private) in the period: never named.
  for (const reason of ['生育', '生病住院']) {
    const r = await callAs(env, 'committee', 'welfare', {
      action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: 'mem007' }, reason, visitDate: addDays(today, -3), cashYuan: '200', fund: '工会经费',
    })
    expect(r.ok).toBe(true)
  }
  PRIVATE.push('孙丽娟')
  // A non-member helped for hardship.
  await callAs(env, 'committee', 'welfare', { action: 'record', requestId: rid(), recipient: { kind: 'other', name: '赵秋菊', relation: '遗属' }, reason: '困难帮扶', visitDate: addDays(today, -2), cashYuan: '1000', fund: '工会经费' })
  PRIVATE.push('赵秋菊')
})

async function draftText(namedReasons: string[], visibility = 'internal'): Promise<{ out: any; text: string; notice: any }> {
  const out = await callAs(env, 'chair', 'welfare', { action: 'disclosureDraft', from, to: today, namedReasons, visibility })
  expect(out.ok).toBe(true)
  const notice = (await db.collection('notices').doc(out.data.noticeId).get()).data
  return { out: out.data, notice, text: JSON.stringify(notice) }
}

describe('welfare.disclosureDraft', () => {
  it.each([
    ['no names', []],
    ['every reason ticked', [...welfareReasons]],
    ['only the private reasons ticked', ['困难帮扶', '生病住院']],
  ])('never names a hardship or sickness recipient (%s)', async (_label, namedReasons) => {
    const { text, out } = await draftText(namedReasons)
    for (const name of PRIVATE) expect(text).not.toContain(name)
    expect(out.withheld).toBeGreaterThan(0)
  })

  it('names recipients of the ticked public reasons only', async () => {
    const { text } = await draftText(['节日慰问'])
    expect(text).toContain('陈桂兰')
    expect(text).not.toContain('韩冰') // 婚庆 was not ticked
    expect(text).not.toContain('四、慰问名单：婚庆')
  })

  it('drafts (never publishes) a 工会经费 notice with totals by reason and month that match the ledger', async () => {
    const { notice, out } = await draftText([])
    expect(notice).toMatchObject({ state: 'draft', category: '工会经费', visibility: 'internal' })
    const _ = db.command
    const done = (await db.collection('welfare_visits').where({ state: 'done', visitDate: _.gte(from).and(_.lte(today)) }).limit(1000).get()).data
    const total = done.reduce((s: number, v: any) => s + v.cashFen + v.giftFen, 0)
    expect(out.totalFen).toBe(total)
    expect(out.count).toBe(done.length)
    const reasonTable = notice.body.find((b: any) => b.type === 'table')
    expect(reasonTable.rows.at(-1)).toEqual(['合计', String(done.length), expect.any(String), expect.any(String), `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`])
    expect(notice.body.filter((b: any) => b.type === 'table')).toHaveLength(3)
    expect(JSON.stringify(notice.body)).not.toMatch(/备注|冠心病|医疗费/)
    expect((await db.collection('audit_log').where({ action: 'welfare.disclosureDraft', 'target.id': out.noticeId }).count()).total).toBe(1)
  })

  it('refuses a title naming a private recipient, and the committee', async () => {
    expect(await callAs(env, 'chair', 'welfare', { action: 'disclosureDraft', from, to: today, title: '董志刚困难帮扶公示' }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await callAs(env, 'committee', 'welfare', { action: 'disclosureDraft', from, to: today })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('after the chair publishes it a member reads it on the board without any private name', async () => {
    const { out } = await draftText([...welfareReasons])
    expect((await callAs(env, 'staff', 'notice', { action: 'get', id: out.noticeId })).ok).toBe(false) // a draft is not on the board
    const pub = await callAs(env, 'chair', 'notice', { action: 'publish', id: out.noticeId })
    expect(pub.ok).toBe(true)
    const seen = await callAs(env, 'staff', 'notice', { action: 'get', id: out.noticeId })
    expect(seen.ok).toBe(true)
    const text = JSON.stringify(seen.data)
    expect(text).toContain('按慰问事由')
    for (const name of PRIVATE) expect(text).not.toContain(name)
  })

  it('is titled as a chair would write it and mentions no 公示期 it does not have', async () => {
    const { out, notice, text } = await draftText([])
    expect(out.title).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日—(\d{4}年)?\d{1,2}月\d{1,2}日工会经费慰问支出公示$/)
    expect(notice.title).toBe(out.title)
    expect(text).not.toContain('公示期')
    expect(notice.publicityStart).toBeUndefined()
    const y = Number(today.slice(0, 4)) - 1
    const whole = await callAs(env, 'chair', 'welfare', { action: 'disclosureDraft', from: `${y}-01-01`, to: `${y}-11-30` })
    expect(whole.data.title).toBe(`${y}年1月—11月工会经费慰问支出公示`)
  })

  it('takes the 公示期 the chair sets: the notice has it and the text names it', async () => {
    const publicity = { startDate: today, endDate: addDays(today, 6) }
    const out = await callAs(env, 'chair', 'welfare', { action: 'disclosureDraft', from, to: today, publicity })
    expect(out.ok).toBe(true)
    const notice = (await db.collection('notices').doc(out.data.noticeId).get()).data
    expect(new Date(notice.publicityEnd).getTime() - new Date(notice.publicityStart).getTime()).toBe(7 * 86_400_000)
    expect(JSON.stringify(notice.body)).toContain('公示期：')
    expect(await callAs(env, 'chair', 'welfare', { action: 'disclosureDraft', from, to: today, publicity: { startDate: today, endDate: addDays(today, -1) } }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: '公示结束日期不能早于开始日期' })
  })
})
