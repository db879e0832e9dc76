/**
 * Durability: kill the local cloud (SIGKILL) in the middle of a burst of writes, restart it on the
 * same data folder, and check that every acknowledged write is there and no transaction is half
 * applied. Runs its own local cloud because it kills it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { spawnLocalCloud } from '../../emulator/spawn'

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-durability-'))
const env = 'durability'

function startCloud() {
  return spawnLocalCloud({ dataRoot, env, functionsDirs: [path.join(dataRoot, 'no-functions')] })
}

const database = (adminUrl: string) => connectLocalSdk(adminUrl, env).db

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }))

it('keeps every acknowledged write and no half-applied transaction after a kill -9', async () => {
  const first = await startCloud()
  let db = database(first.adminUrl)
  const _ = db.command
  await db.collection('conformance_items').add({ data: { _id: 'counter', n: 0 } })

  const acknowledged: string[] = []
  let killed = false
  const writeOne = async (i: number) => {
    const id = `entry-${i}`
    // One transaction: the counter and its ledger entry must move together.
    await db.runTransaction(async (t: any) => {
      await t.collection('conformance_items').doc('counter').update({ data: { n: _.inc(1) } })
      await t.collection('conformance_refs').add({ data: { _id: id, i } })
    })
    acknowledged.push(id)
  }
  const burst = Array.from({ length: 400 }, (_v, i) => i)
  const workers = Array.from({ length: 16 }, async (_v, w) => {
    for (let k = w; k < burst.length && !killed; k += 16) {
      await writeOne(burst[k]).catch(() => undefined)
      if (acknowledged.length >= 120 && !killed) {
        killed = true
        first.child.kill('SIGKILL')
      }
    }
  })
  await Promise.all(workers)
  expect(killed).toBe(true)
  await first.stop()

  const second = await startCloud()
  try {
    db = database(second.adminUrl)
    const stored = await db.collection('conformance_refs').limit(1000).get()
    const storedIds = new Set(stored.data.map((d: any) => d._id))
    for (const id of acknowledged) expect(storedIds.has(id)).toBe(true)
    const counter = (await db.collection('conformance_items').doc('counter').get()).data.n
    expect(counter).toBe(storedIds.size)
  } finally {
    await second.stop()
  }
}, 120_000)
