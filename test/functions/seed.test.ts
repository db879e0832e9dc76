import { newEnvName, sdkFor } from '../support/cloud'
import { seedDemoData } from '../../emulator/seed'

const now = new Date()

describe('seedDemoData', () => {
  it('seeds an empty environment once and skips when the marker exists', async () => {
    const { db } = sdkFor(newEnvName('seed-once'))
    const first = await seedDemoData(db, { reset: false, now })
    expect(first.seeded).toBe(true)
    const again = await seedDemoData(db, { reset: false, now })
    expect(again.seeded).toBe(false)
    expect(again.counts.members).toBe(first.counts.members)
    expect((await db.collection('members').count()).total).toBe(first.counts.members)
  })

  it('starts over on reset instead of adding a second copy', async () => {
    const { db } = sdkFor(newEnvName('seed-reset'))
    const first = await seedDemoData(db, { reset: false, now })
    await db.collection('notice_reads').add({ data: { noticeId: 'x', memberId: 'y', firstReadAt: now } })
    const second = await seedDemoData(db, { reset: true, now })
    expect(second.seeded).toBe(true)
    expect((await db.collection('members').count()).total).toBe(first.counts.members)
    expect((await db.collection('notice_reads').count()).total).toBe(first.counts.notice_reads)
  })

  it('lets only one of two simultaneous seeds write', async () => {
    const { db } = sdkFor(newEnvName('seed-race'))
    const results = await Promise.all([seedDemoData(db, { reset: false, now }), seedDemoData(db, { reset: false, now })])
    expect(results.filter((r) => r.seeded)).toHaveLength(1)
    const members = (await db.collection('members').count()).total
    expect(members).toBe(results.find((r) => r.seeded)!.counts.members)
  })
})
