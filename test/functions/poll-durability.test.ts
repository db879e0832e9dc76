/**
 * kill -9 in the middle of a casting burst: the local cloud (database, function runner and all)
 * is killed once some ballots were acknowledged, restarted on the same data folder, and then
 * every acknowledged ballot is there (by its tracker), and no receipt exists without its ballot
 * or a ballot without its receipt. Its own local cloud, because it kills it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { spawnLocalCloud, type SpawnedCloud } from '../../emulator/spawn'
import { addChair, addPeople, appraisalDraft, type Person } from './poll-support'

jest.setTimeout(600_000)

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-poll-kill-'))
const ENV = 'poll-kill'
const start = () => spawnLocalCloud({ dataRoot, env: ENV })

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }))

async function invoke(cloud: SpawnedCloud, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'poll', data, openid }) })
  const answer = (await res.json()) as any
  if (!answer.ok) throw new Error(`invoke failed: ${answer.errMsg}`)
  return answer.result
}

async function all(db: any, collection: string, pollId: string): Promise<any[]> {
  return (await db.collection(collection).where({ pollId }).limit(1000).get()).data
}

it('keeps every acknowledged ballot, and receipts and ballots stay in pairs, after a kill -9 mid-burst', async () => {
  const first = await start()
  first.child.stdout!.resume()
  let db = connectLocalSdk(first.adminUrl, ENV).db
  const chair: Person = await addChair(db, 'k')
  const voters = await addPeople(db, 'k', 301)
  const saved = (await invoke(first, chair.openid, { action: 'save', ...appraisalDraft({ title: '断电测试' }), requestId: crypto.randomBytes(8).toString('hex') })).data
  const poll = (await invoke(first, chair.openid, { action: 'open', id: saved.id, revision: saved.revision })).data
  const ballot = { grades: poll.items.map((it: any) => ({ itemId: it.id, grade: 'competent' })) }

  const acknowledged: string[] = []
  let killed = false
  const queue = [...voters]
  // 17 callers at a time (not a multiple of the 4 instances), until the kill.
  await Promise.all(Array.from({ length: 17 }, async () => {
    for (let who = queue.shift(); who && !killed; who = queue.shift()) {
      const r = await invoke(first, who.openid, { action: 'cast', id: poll.id, ballot }).catch(() => null)
      if (r?.ok) acknowledged.push(r.data.tracker)
      if (acknowledged.length >= 90 && !killed) {
        killed = true
        first.child.kill('SIGKILL')
      }
    }
  }))
  expect(killed).toBe(true)
  await first.stop()

  const second = await start()
  second.child.stdout!.resume()
  try {
    db = connectLocalSdk(second.adminUrl, ENV).db
    const [receipts, slots, electors] = await Promise.all([all(db, 'poll_receipts', poll.id), all(db, 'poll_ballots', poll.id), all(db, 'poll_electors', poll.id)])
    const cast = slots.filter((b) => b.state === 'cast')
    const stored = new Set(cast.map((b) => b.tracker))
    for (const t of acknowledged) expect(stored.has(t)).toBe(true)
    expect(cast.length).toBe(receipts.length)
    expect(electors.filter((e) => e.voted).length).toBe(receipts.length)
    expect(slots.length).toBe(poll.electorate.size)
    expect(receipts.length).toBeGreaterThanOrEqual(acknowledged.length)
    expect(receipts.length).toBeLessThan(voters.length)
  } finally {
    await second.stop()
  }
})
