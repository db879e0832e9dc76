/**
 * The transaction runner runs an attempt again only when another transaction got there first; any
 * other failure is rolled back and thrown at once. Real SDK, real database (PGlite or the server).
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { inTransaction, Retry } from '../../cloudfunctions/_shared/transaction'

let db: any

beforeAll(async () => {
  db = sdkFor(newEnvName('tx-retry')).db
  await db.collection('test_counters').add({ data: { _id: 'counter', n: 0 } })
  // Inserted by "another writer" before the transaction below tries the same id.
  await db.collection('test_counters').add({ data: { _id: 'dup', name: '另一人' } })
})

const read = async (id: string) => (await db.collection('test_counters').doc(id).get()).data

it('a failure that is not a conflict is thrown after one attempt, with nothing written', async () => {
  let attempts = 0
  const failure = inTransaction(db, async (t) => {
    attempts++
    await t.collection('test_counters').doc('counter').update({ data: { n: 100 } })
    throw new Error('a bug in the action')
  })
  await expect(failure).rejects.toThrow('a bug in the action')
  expect(attempts).toBe(1)
  expect((await read('counter')).n).toBe(0)
})

it('a database refusal that is not a conflict (an unknown update operator) is not retried', async () => {
  let attempts = 0
  await expect(inTransaction(db, async (t) => {
    attempts++
    await t.collection('test_counters').doc('counter').update({ data: { $nonsense: { n: 1 } } })
  })).rejects.toBeTruthy()
  expect(attempts).toBe(1)
})

it('Retry, and a duplicate key another writer inserted first, run the attempt again', async () => {
  let attempts = 0
  const out = await inTransaction(db, async (t) => {
    attempts++
    if (attempts === 1) throw new Retry()
    // Attempt 2 inserts blind (as a create racing another would) and meets the other writer's row.
    if (attempts === 3) return (await t.collection('test_counters').doc('dup').get()).data.name
    await t.collection('test_counters').add({ data: { _id: 'dup', name: '本人' } })
    return 'inserted'
  })
  expect(attempts).toBe(3)
  expect(out).toBe('另一人')
  expect((await read('dup')).name).toBe('另一人')
})

it('concurrent increments of one document all land (write conflicts are retried)', async () => {
  await Promise.all(Array.from({ length: 8 }, () => inTransaction(db, async (t) => {
    const doc = (await t.collection('test_counters').doc('counter').get()).data
    await t.collection('test_counters').doc('counter').update({ data: { n: doc.n + 1 } })
  })))
  expect((await read('counter')).n).toBe(8)
})
