/**
 * Durability: kill the local cloud (SIGKILL) in the middle of a burst of writes, restart it on the
 * same data folder, and check that every acknowledged write is there and no transaction is half
 * applied. Runs its own local cloud because it kills it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkEnvironment } from '../../emulator/sdk-env'

const root = path.resolve(__dirname, '../..')
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-durability-'))
const env = 'durability'

function startCloud(): Promise<{ child: ChildProcess; adminUrl: string }> {
  const args = ['--import', 'tsx', path.join(root, 'emulator/cli.ts'), 'serve', '--port', '0', '--data', dataRoot,
    '--functions', path.join(dataRoot, 'no-functions'), '--no-timers', '--no-h5', '--env', env, '--ready-json']
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOCAL_CLOUD_DATABASE_URL: '' } })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'))
      if (line) resolve({ child, adminUrl: JSON.parse(line).adminUrl })
    })
    child.on('exit', (code) => reject(new Error(`local cloud exited early (${code})`)))
  })
}

function database(adminUrl: string) {
  Object.assign(process.env, sdkEnvironment(adminUrl, env))
  const cloud = require('wx-server-sdk')
  cloud.init({ env })
  return cloud.database({ env })
}

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
  await new Promise((r) => first.child.once('exit', r).exitCode !== null ? r(null) : undefined)

  const second = await startCloud()
  try {
    db = database(second.adminUrl)
    const stored = await db.collection('conformance_refs').limit(1000).get()
    const storedIds = new Set(stored.data.map((d: any) => d._id))
    for (const id of acknowledged) expect(storedIds.has(id)).toBe(true)
    const counter = (await db.collection('conformance_items').doc('counter').get()).data.n
    expect(counter).toBe(storedIds.size)
  } finally {
    second.child.kill('SIGTERM')
  }
}, 120_000)
