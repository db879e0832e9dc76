import { buildDemoData } from '../../../emulator/seed/demo-data'
import { personas } from '../../../emulator/seed/personas'

const now = new Date('2026-11-22T02:00:00Z')
const data = buildDemoData(now)
const approved = data.members.filter((m) => m.membership === 'approved')

describe('demo data', () => {
  it('has about 40 approved members, about 10 of them retired', () => {
    expect(approved.length).toBeGreaterThanOrEqual(38)
    expect(approved.length).toBeLessThanOrEqual(42)
    expect(approved.filter((m) => m.status === '离退休').length).toBe(10)
  })

  it('gives each persona a member record with the role it is named for; the visitor has none', () => {
    const byOpenid = (openid: string) => data.members.find((m) => m.openid === openid)
    const roleOf = Object.fromEntries(personas.map((p) => [p.key, byOpenid(p.openid)]))
    expect(roleOf.chair).toMatchObject({ role: 'chair', membership: 'approved', name: '王建华' })
    expect(roleOf.committee).toMatchObject({ role: 'committee', membership: 'approved' })
    expect(roleOf.staff).toMatchObject({ role: 'member', status: '在职', membership: 'approved' })
    expect(roleOf.retiree).toMatchObject({ role: 'member', status: '离退休', membership: 'approved' })
    expect(roleOf.visitor).toBeUndefined()
  })

  it('has one chair and two committee members', () => {
    expect(approved.filter((m) => m.role === 'chair')).toHaveLength(1)
    expect(approved.filter((m) => m.role === 'committee')).toHaveLength(2)
  })

  it('stores anonymous opinions with no identity and no time of day', () => {
    const anonymous = data.opinions.filter((o) => o.anonymous)
    expect(anonymous.length).toBeGreaterThanOrEqual(5)
    for (const o of anonymous) {
      for (const key of ['memberId', 'openid', '_openid', 'createdAt', 'updatedAt', 'author']) expect(o).not.toHaveProperty(key)
      expect(o.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(o._id).toMatch(/^[0-9a-f]{32}$/)
    }
  })

  it('keeps each activity’s counts equal to its ledger, a row for every entry, and within capacity', () => {
    for (const a of data.activities) {
      const entries = Object.entries(a.ledger ?? {})
      const rows = new Set(data.registrations.filter((r) => r.activityId === a._id).map((r) => `m${r.memberId}`))
      const holding = entries.filter(([, e]) => e.s === 'c' || e.s === 'p')
      expect({ a: a.title, confirmed: holding.length, waiting: entries.filter(([, e]) => e.s === 'w').length, queue: a.queue?.length, rowless: entries.filter(([k]) => !rows.has(k)).length })
        .toEqual({ a: a.title, confirmed: a.confirmedCount, waiting: a.waitlistCount, queue: a.waitlistCount, rowless: 0 })
      if (a.capacity > 0) expect(a.seatsTaken).toBeLessThanOrEqual(a.capacity)
    }
  })

  it('never registers a member twice for the same activity', () => {
    const ids = data.registrations.map((r) => r._id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps every published version of a corrected notice', () => {
    const corrected = data.notices.filter((n) => n.correctionCount > 0)
    expect(corrected.length).toBeGreaterThanOrEqual(1)
    for (const n of corrected) {
      const versions = data.notice_versions.filter((v) => v.noticeId === n._id)
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: n.correctionCount + 1 }, (_, k) => k + 1))
      expect(versions.slice(1).every((v) => typeof v.reason === 'string' && v.reason.length > 0)).toBe(true)
    }
  })

  it('has public and internal notices, pinned ones, and one 公示期 running today', () => {
    const published = data.notices.filter((n) => n.state === 'published')
    expect(published.length).toBeGreaterThanOrEqual(10)
    expect(published.some((n) => n.visibility === 'public')).toBe(true)
    expect(published.some((n) => n.pinned)).toBe(true)
    expect(published.filter((n) => n.publicityStart && n.publicityStart <= now && n.publicityEnd! > now)).toHaveLength(1)
  })

  it('records welfare money as integer 分', () => {
    expect(data.welfare_visits.length).toBeGreaterThanOrEqual(15)
    for (const v of data.welfare_visits) {
      expect(Number.isSafeInteger(v.cashFen)).toBe(true)
      for (const g of v.gifts) expect(Number.isSafeInteger(g.valueFen)).toBe(true)
    }
  })
})
