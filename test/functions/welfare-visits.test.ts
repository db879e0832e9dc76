/** Recording visits: exact money, bad amounts refused with nothing written, planned → done, corrections keep history. */
import { callAs, seededEnv } from './helpers'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { cameraJpeg } from './opinion-fixtures'
import { rid, stagePhoto } from './welfare-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare-visits')) })

const today = shanghaiDate(new Date())
const year = Number(today.slice(0, 4))
const visit = (over: Record<string, unknown> = {}) => ({
  action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: 'mem006' }, reason: '生育', visitDate: today,
  visitorIds: ['mem002'], cashYuan: '500', gifts: [], fund: '工会经费', notes: '', ...over,
})
const count = async () => (await db.collection('welfare_visits').count()).total
const audits = async (action: string) => (await db.collection('audit_log').where({ action }).count()).total

describe('welfare.record', () => {
  it('stores 元 typed by people as integer 分, names copied from the roster', async () => {
    const r = await callAs(env, 'committee', 'welfare', visit({ cashYuan: '12.34', gifts: [{ name: '鲜花', valueYuan: '0.5' }] }))
    expect(r.ok).toBe(true)
    const doc = (await db.collection('welfare_visits').doc(r.data.id).get()).data
    expect(doc).toMatchObject({ cashFen: 1234, giftFen: 50, gifts: [{ name: '鲜花', valueFen: 50 }], recipient: { name: '刘芳', department: '语文组' }, visitors: [{ memberId: 'mem002', name: '李晓梅' }], month: today.slice(0, 7), revision: 1 })
  })

  it.each([
    ['-5', '金额不能为负数'],
    ['1.005', '金额最多保留两位小数（精确到分）'],
    ['五百', '金额格式不对，请填写数字，如 500 或 12.50'],
    ['1e3', '金额格式不对，请填写数字，如 500 或 12.50'],
    ['', '请填写金额'],
  ])('refuses the amount %p with a clear message and writes nothing', async (cashYuan, message) => {
    const before = await count()
    const auditBefore = await audits('welfare.record')
    const r = await callAs(env, 'committee', 'welfare', visit({ cashYuan }))
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toContain(message)
    expect(await count()).toBe(before)
    expect(await audits('welfare.record')).toBe(auditBefore)
  })

  it('refuses a bad gift value the same way', async () => {
    const before = await count()
    const r = await callAs(env, 'committee', 'welfare', visit({ gifts: [{ name: '水果', valueYuan: '-1' }] }))
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('金额不能为负数') })
    expect(await count()).toBe(before)
  })

  it('refuses an impossible date and a visitor who is not on the committee', async () => {
    expect(await callAs(env, 'committee', 'welfare', visit({ visitDate: '2026-02-30' }))).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('这一天不存在') })
    expect(await callAs(env, 'committee', 'welfare', visit({ visitorIds: ['mem003'] }))).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '看望人只能是工会委员或主席，请重新选择' })
  })

  it('records a named non-member', async () => {
    const r = await callAs(env, 'committee', 'welfare', visit({ recipient: { kind: 'other', name: '王秀珍', relation: '退休教师遗属' }, reason: '节日慰问' }))
    expect(r.data).toMatchObject({ recipientKind: 'other', recipientName: '王秀珍' })
    expect(r.data.memberId).toBeUndefined()
  })

  it('sets a follow-up date on a hospital visit (14 days unless told)', async () => {
    const r = await callAs(env, 'committee', 'welfare', visit({ reason: '生病住院', visitDate: `${year}-03-01`, followUpDays: 10 }))
    expect((await db.collection('welfare_visits').doc(r.data.id).get()).data.followUpOn).toBe(`${year}-03-11`)
  })
})

describe('money is exact', () => {
  it('sums many 分 amounts exactly (no floating point drift), in the totals and by reason/month', async () => {
    const fresh = (await seededEnv('welfare-money'))
    // 0.10 + 0.20 is 0.30000000000000004 in floating point; 3,000 such amounts must add up exactly.
    const amounts = Array.from({ length: 3000 }, (_v, i) => [10, 20, 1, 33, 99_999_99][i % 5])
    const y = 2011
    for (let i = 0; i < amounts.length; i += 500) {
      await fresh.db.collection('welfare_visits').add({ data: amounts.slice(i, i + 500).map((fen, k) => ({
        recipient: { kind: 'other', name: `受助人${i + k}` }, reason: (i + k) % 2 ? '节日慰问' : '生日', visitDate: `${y}-0${((i + k) % 9) + 1}-15`, month: `${y}-0${((i + k) % 9) + 1}`,
        visitors: [], cashFen: fen, gifts: [{ name: '礼品', valueFen: 7 }], giftFen: 7, fund: '工会经费', notes: '', photos: [], state: 'done', revision: 1,
        createdBy: 'mem002', createdAt: new Date(), updatedAt: new Date(),
      })) })
    }
    const exact = amounts.reduce((s, f) => s + BigInt(f), 0n)
    const r = await callAs(fresh.env, 'chair', 'welfare', { action: 'summary', year: y })
    expect(BigInt(r.data.cashFen)).toBe(exact)
    expect(r.data.giftFen).toBe(3000 * 7)
    expect(r.data.count).toBe(3000)
    expect(BigInt(r.data.totalFen)).toBe(exact + 21000n)
    const byReason = r.data.byReason.reduce((s: bigint, x: any) => s + BigInt(x.cashFen), 0n)
    const byMonth = r.data.byMonth.reduce((s: bigint, x: any) => s + BigInt(x.cashFen), 0n)
    expect(byReason).toBe(exact)
    expect(byMonth).toBe(exact)
    expect(r.data.byMonth).toHaveLength(12)
  }, 60_000)

  it('a visit typed as 0.1 + 0.2 元 in two records totals exactly 0.30 元', async () => {
    const fresh = await seededEnv('welfare-cents')
    const y = 2012
    for (const cashYuan of ['0.1', '0.2']) {
      expect((await callAs(fresh.env, 'committee', 'welfare', visit({ cashYuan, visitDate: `${y}-01-05`, reason: '其他' }))).ok).toBe(true)
    }
    const r = await callAs(fresh.env, 'chair', 'welfare', { action: 'summary', year: y, reason: '其他' })
    expect(r.data.cashFen).toBe(30)
  })
})

describe('planned → done, corrections, cancellation', () => {
  it('ticks a planned visit off with date, visitors, amount and photos; a second time is refused', async () => {
    const planned = await callAs(env, 'committee', 'welfare', visit({ state: 'planned', visitDate: addDays(today, 20), cashYuan: '300' }))
    const done = await callAs(env, 'committee', 'welfare', {
      action: 'complete', id: planned.data.id, revision: planned.data.revision, visitDate: today, visitorIds: ['mem001', 'mem005'], cashYuan: '350.50',
      photos: [await stagePhoto(env, cameraJpeg())],
    })
    expect(done.data).toMatchObject({ state: 'done', cashFen: 35050, visitDate: today, visitors: ['王建华', '周志强'], photoCount: 1 })
    expect(await callAs(env, 'committee', 'welfare', { action: 'complete', id: planned.data.id, revision: done.data.revision, visitDate: today, cashYuan: '1' }))
      .toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('refuses a done visit dated after today (a plan may look ahead)', async () => {
    const before = await count()
    const tomorrow = shanghaiDate(new Date(Date.now() + 2 * 86_400_000))
    expect(await callAs(env, 'committee', 'welfare', visit({ visitDate: tomorrow }))).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('不能晚于今天') })
    expect(await count()).toBe(before)
    const planned = await callAs(env, 'committee', 'welfare', visit({ visitDate: tomorrow, state: 'planned' }))
    expect(planned.ok).toBe(true)
    expect(await callAs(env, 'committee', 'welfare', { action: 'complete', id: planned.data.id, revision: 1, visitDate: tomorrow, cashYuan: '1' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('refuses photos that were not uploaded to the welfare folder', async () => {
    const r = await callAs(env, 'committee', 'welfare', visit({ photos: ['https://example.com/x.jpg'] }))
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('照片必须先通过小程序上传') })
  })

  it('a correction keeps the earlier values in the audit log and shows them as history', async () => {
    const made = await callAs(env, 'committee', 'welfare', visit({ cashYuan: '500' }))
    const base = { action: 'correct', id: made.data.id, revision: made.data.revision, recipient: { kind: 'member', memberId: 'mem006' }, reason: '生育', visitDate: today, visitorIds: ['mem002'], gifts: [], fund: '工会经费' }
    expect(await callAs(env, 'committee', 'welfare', { ...base, cashYuan: '600' })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('更正原因') })
    const fixed = await callAs(env, 'chair', 'welfare', { ...base, cashYuan: '600', correction: '金额记错，应为600元' })
    expect(fixed.data).toMatchObject({ cashFen: 60000, revision: 2 })
    const entry = (await db.collection('audit_log').where({ action: 'welfare.correct', 'target.id': made.data.id }).get()).data[0]
    expect(entry).toMatchObject({ actorName: '王建华', before: { cashFen: 50000 }, after: { cashFen: 60000 }, note: '金额记错，应为600元' })
    const detail = await callAs(env, 'committee', 'welfare', { action: 'get', id: made.data.id })
    expect(detail.data.history[0]).toMatchObject({ what: '更正', note: '金额记错，应为600元', changes: ['慰问金：500.00 元 → 600.00 元'] })
    expect(detail.data.history.map((h: any) => h.what)).toEqual(['更正', '记录'])
  })

  it('cancels a planned visit with a reason and keeps it; a done visit cannot be cancelled', async () => {
    const planned = await callAs(env, 'committee', 'welfare', visit({ state: 'planned' }))
    const before = await count()
    const r = await callAs(env, 'committee', 'welfare', { action: 'cancel', id: planned.data.id, revision: planned.data.revision, reason: '本人已调离' })
    expect(r.data.state).toBe('cancelled')
    expect(await count()).toBe(before)
    const done = await callAs(env, 'committee', 'welfare', visit())
    expect(await callAs(env, 'committee', 'welfare', { action: 'cancel', id: done.data.id, revision: done.data.revision, reason: '记错了' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('every write leaves an audit entry by the caller', async () => {
    const r = await callAs(env, 'committee', 'welfare', visit({ notes: '审计检查' }))
    const entry = (await db.collection('audit_log').where({ 'target.id': r.data.id }).get()).data[0]
    expect(entry).toMatchObject({ action: 'welfare.record', actorName: '李晓梅', target: { kind: 'welfareVisit', label: '刘芳' } })
  })
})

describe('ledger filters', () => {
  it('one person without a year is their whole history, every year', async () => {
    // 杨德明: a 中秋 visit more than a year ago and a 春节 visit this year (seed).
    const all = await callAs(env, 'chair', 'welfare', { action: 'list', memberId: 'mem030' })
    const years = new Set(all.data.items.map((v: any) => v.visitDate.slice(0, 4)))
    expect(years.size).toBeGreaterThan(1)
    const sum = await callAs(env, 'chair', 'welfare', { action: 'summary', memberId: 'mem030' })
    expect(sum.data.allYears).toBe(true)
    const done = all.data.items.filter((v: any) => v.state === 'done')
    expect(sum.data.count).toBe(done.length)
    expect(sum.data.totalFen).toBe(done.reduce((s: number, v: any) => s + v.cashFen + v.giftValueFen, 0))
    const oneYear = await callAs(env, 'chair', 'welfare', { action: 'summary', memberId: 'mem030', year })
    expect(oneYear.data.allYears).toBe(false)
    expect(oneYear.data.count).toBeLessThan(sum.data.count)
  })

  it('filters by reason, fund and person, and per-person history totals match', async () => {
    const r = await callAs(env, 'chair', 'welfare', { action: 'list', year: year, memberId: 'mem033' })
    expect(r.data.items.every((v: any) => v.recipientName === '沈玉珍')).toBe(true)
    const byReason = await callAs(env, 'chair', 'welfare', { action: 'list', year, reason: '婚庆' })
    expect(byReason.data.items.every((v: any) => v.reason === '婚庆')).toBe(true)
    const sum = await callAs(env, 'chair', 'welfare', { action: 'summary', year, memberId: 'mem033' })
    const done = r.data.items.filter((v: any) => v.state === 'done')
    expect(sum.data.totalFen).toBe(done.reduce((s: number, v: any) => s + v.cashFen + v.giftValueFen, 0))
  })
})
