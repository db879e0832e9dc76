/**
 * Concurrency through the function runner and the real SDK: many parallel invocations of the
 * same bundles production runs, against the real database engine.
 */
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'

const env = newEnvName('concurrency')
const { db } = sdkFor(env)

async function invoke(name: string, data: Record<string, unknown>, openid = 'o_member'): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, name, data, openid }) })
  const out = await res.json()
  if (!out.ok) throw new Error(`${name}: ${out.errMsg}`)
  return out.result
}

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)))

describe('concurrency through the runner', () => {
  it('confirms exactly the capacity when 500 invocations race for 100 places with a conditional update', async () => {
    await db.collection('test_counters').add({ data: { _id: 'cap-100', n: 0 } })
    const results = await times(500, () => invoke('conditional-increment', { collection: 'test_counters', id: 'cap-100', field: 'n', capacity: 100 }))
    expect(results.filter((r) => r.updated === 1)).toHaveLength(100)
    const { data } = await db.collection('test_counters').doc('cap-100').get()
    expect(data.n).toBe(100)
  })

  it('overbooks with a naive read-check-write function in the same harness (proof the test can fail)', async () => {
    // Four invocations at once (a function's instance limit), one place: each checks, sees 0
    // booked, and writes only once all four have checked, so all four book. The rendezvous makes
    // this certain; a fixed pause once left it to how many instances the shared cloud gave. The
    // function may wait up to its 60 s timeout for the runner to start all four (another test file
    // can hold the run's instances for a while); a runner that never runs them at once fails here.
    const results = await times(4, (i) => invoke('naive-book', { slot: 'naive', member: `m${i}`, capacity: 1, together: 4 }))
    expect(results.map((r) => r.sawTotal)).toEqual([0, 0, 0, 0])
    expect(results.filter((r) => r.booked)).toHaveLength(4)
    const { total } = await db.collection('test_bookings').where({ slot: 'naive' }).count()
    expect(total).toBe(4)
  }, 120_000)

  it('lets exactly 1 of 50 concurrent inserts of one unique key through; the rest fail with -502001 E11000', async () => {
    const results = await times(50, () => invoke('unique-insert', { slot: 'unique', member: 'o_same' }))
    const failed = results.filter((r) => !r.ok)
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(failed).toHaveLength(49)
    for (const f of failed) {
      expect(f.errCode).toBe(-502001)
      expect(f.errMsg).toContain('E11000 duplicate key')
    }
    const { total } = await db.collection('test_bookings').where({ slot: 'unique' }).count()
    expect(total).toBe(1)
  })

  it('leaves nothing behind when a transaction throws', async () => {
    await db.collection('test_counters').add({ data: { _id: 'tx-abort', n: 0 } })
    const r = await invoke('tx-book', { counterId: 'tx-abort', slot: 'tx-abort', member: 'o_tx', fail: true })
    expect(r.committed).toBe(false)
    expect((await db.collection('test_counters').doc('tx-abort').get()).data.n).toBe(0)
    expect((await db.collection('test_bookings').where({ slot: 'tx-abort' }).count()).total).toBe(0)
  })

  it('keeps both changes when the same transaction does not throw (the check above can see a leftover)', async () => {
    await db.collection('test_counters').add({ data: { _id: 'tx-commit', n: 0 } })
    const r = await invoke('tx-book', { counterId: 'tx-commit', slot: 'tx-commit', member: 'o_tx', fail: false })
    expect(r.committed).toBe(true)
    expect((await db.collection('test_counters').doc('tx-commit').get()).data.n).toBe(1)
    expect((await db.collection('test_bookings').where({ slot: 'tx-commit' }).count()).total).toBe(1)
  })
})
