/**
 * Durability through the real functions: kill -9 the local cloud during a mixed burst of every
 * domain's writes (member apply, notice read, opinion submit, activity register, welfare record and
 * planCreate), restart it on the same data folder, then:
 *  1. every write that was acknowledged to its caller is there (and, for a visit, its audit entry);
 *  2. the app retries what was in flight (same request ids, as the forms do) and afterwards every
 *     multi-document invariant holds: activity counters = registration rows, every plan active with
 *     total = entries and one audit entry, one visit per request id.
 * A plan creation killed half-way is the sharpest case: a naive creation leaves a plan whose total
 * disagrees with its entries, no audit entry, and a second plan on retry.
 * Runs its own local cloud (on the same engine as the suite) because it kills it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { spawnLocalCloud, type SpawnedCloud } from '../../emulator/spawn'
import { seedDemoData } from '../../emulator/seed'
import { persona } from '../../emulator/seed/personas'
import { DEMO_INVITE_CODE } from '../../emulator/seed/member-extras'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'

jest.setTimeout(900_000)

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-durability-fn-'))
const env = 'durability-fn'
const today = shanghaiDate(new Date())
const rid = () => crypto.randomBytes(12).toString('hex')
const HOUR = 3_600_000

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }))

const start = () => spawnLocalCloud({ dataRoot, env, databaseUrl: process.env.LOCAL_CLOUD_DATABASE_URL })

/** callFunction as `openid`; throws when the platform call itself failed (e.g. the cloud is gone). */
async function invoke(cloud: SpawnedCloud, openid: string, name: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env, name, data, openid }) })
  const answer = (await res.json()) as { ok: boolean; result?: any; errMsg?: string }
  if (!answer.ok) throw new Error(`invoke ${name}: ${answer.errMsg}`)
  return answer.result
}

const chair = persona('chair').openid
const committee = persona('committee').openid

/** One write of the burst: how to send it (again), and what was acknowledged. */
interface Write {
  kind: 'apply' | 'read' | 'opinion' | 'register' | 'visit' | 'plan'
  who: string
  name: string
  data: Record<string, unknown>
  answer?: any
}

it('keeps every acknowledged write of every domain, and every invariant after the retries, across a kill -9', async () => {
  let cloud = await start()
  let { db } = connectLocalSdk(cloud.adminUrl, env)
  await seedDemoData(db, { reset: true, now: new Date() })

  // Setup through the functions: 11 members who joined by the invite, a published notice, an activity of 7 places.
  const people: string[] = []
  for (let i = 0; i < 11; i++) {
    const openid = `o_dur_member_${i}_${rid().slice(0, 6)}`
    const r = await invoke(cloud, openid, 'member', { action: 'apply', requestId: rid(), name: `耐久${'甲乙丙丁戊己庚辛壬癸子'[i]}`, department: '语文组', status: '在职', invite: DEMO_INVITE_CODE })
    if (!r.ok || r.data.state !== 'approved') throw new Error(`setup apply: ${JSON.stringify(r)}`)
    people.push(openid)
  }
  // Setup calls must succeed: a refusal here (say, a field the function now requires) is named, not an undefined id later.
  const setup = async (who: string, name: string, data: Record<string, unknown>) => {
    const r = await invoke(cloud, who, name, data)
    if (!r.ok) throw new Error(`setup ${name}.${String(data.action)}: ${JSON.stringify(r)}`)
    return r
  }
  const notice = await setup(committee, 'notice', { action: 'createDraft', requestId: rid(), title: '工会经费收支公开', category: '工会经费', visibility: 'internal', body: [{ type: 'paragraph', text: '收支情况如下。' }] })
  await setup(chair, 'notice', { action: 'publish', id: notice.data.id })
  const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
  const activity = await setup(committee, 'activity', { action: 'save', requestId: rid(), activity: {
    title: '教职工乒乓球赛', category: '文体', description: '单打', place: '体育馆', startAt: iso(72 * HOUR), endAt: iso(75 * HOUR),
    signupStartAt: iso(-HOUR), signupEndAt: iso(48 * HOUR), capacity: 7, waitlist: true, audience: { kind: 'all' }, cancelPolicy: 'untilStart', needsApproval: false, fields: [],
  } })
  await setup(committee, 'activity', { action: 'publish', id: activity.data.id })
  const activityId = activity.data.id as string
  // Warm every function's instances so the burst runs really in parallel.
  await Promise.all(['member', 'notice', 'opinion', 'activity', 'welfare'].flatMap((fn) => Array.from({ length: 6 }, () => invoke(cloud, chair, fn, { action: fn === 'member' ? 'me' : 'list' }))))

  // The burst: a queue of mixed writes, 13 at a time, killed after 45 acknowledgements.
  const writes: Write[] = []
  for (let i = 0; i < 400; i++) {
    const p = people[i % people.length]
    switch (i % 6) {
      case 0: writes.push({ kind: 'apply', who: `o_dur_new_${i}_${rid().slice(0, 6)}`, name: 'member', data: { action: 'apply', requestId: rid(), name: `新${i}`, department: '数学组', status: '在职' } }); break
      case 1: writes.push({ kind: 'read', who: p, name: 'notice', data: { action: 'get', id: notice.data.id } }); break
      case 2: writes.push({ kind: 'opinion', who: p, name: 'opinion', data: { action: 'submit', requestId: rid(), category: '食堂', text: `第${i}条：午餐能否多一道素菜？`, anonymous: false } }); break
      case 3: writes.push({ kind: 'register', who: p, name: 'activity', data: { action: 'register', requestId: rid(), activityId, answers: {} } }); break
      case 4: writes.push({ kind: 'visit', who: committee, name: 'welfare', data: { action: 'record', requestId: rid(), recipient: { kind: 'other', name: `受助人${i}`, relation: '遗属' }, reason: '节日慰问', visitDate: today, cashYuan: '200', fund: '工会经费' } }); break
      default: writes.push({ kind: 'plan', who: committee, name: 'welfare', data: { action: 'planCreate', requestId: rid(), title: `春节慰问${i}`, plannedDate: addDays(today, 20), filter: { retirees: true }, cashYuan: '500', fund: '工会经费' } })
    }
  }
  let acknowledged = 0
  let killed = false
  let next = 0
  const worker = async () => {
    while (!killed && next < writes.length) {
      const w = writes[next++]
      try {
        const r = await invoke(cloud, w.who, w.name, w.data)
        if (r.ok) w.answer = r.data
      } catch {
        // the cloud died under this call: not acknowledged
      }
      if (w.answer && ++acknowledged >= 45 && !killed) {
        killed = true
        cloud.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: 13 }, worker))
  expect(killed).toBe(true)
  await cloud.stop()
  const inFlight = writes.filter((w, i) => i < next && !w.answer)
  const acked = writes.filter((w) => w.answer)

  cloud = await start()
  try {
    ;({ db } = connectLocalSdk(cloud.adminUrl, env))
    const _ = db.command
    const one = async (collection: string, id: string) => (await db.collection(collection).where({ _id: id }).get()).data[0]

    // 1. Every acknowledged write is there.
    for (const w of acked) {
      if (w.kind === 'apply') expect((await db.collection('members').where({ openid: w.who }).count()).total).toBe(1)
      if (w.kind === 'opinion') expect(await one('opinions', w.answer.id)).toBeDefined()
      if (w.kind === 'register') expect(await one('registrations', w.answer.id)).toMatchObject({ activityId })
      if (w.kind === 'visit') {
        expect(await one('welfare_visits', w.answer.id)).toMatchObject({ cashFen: 20000 })
        expect((await db.collection('audit_log').where({ 'target.id': w.answer.id, action: 'welfare.record' }).count()).total).toBe(1)
      }
      if (w.kind === 'plan') expect(await one('welfare_plans', w.answer.id)).toMatchObject({ state: 'active', total: w.answer.total })
      if (w.kind === 'read') {
        const m = (await db.collection('members').where({ openid: w.who }).get()).data[0]
        expect(await one('notice_reads', `${notice.data.id}_${m._id}`)).toBeDefined()
      }
    }

    // 2. The app retries what was in flight, with the same request ids; then every invariant holds.
    for (const w of inFlight) {
      const r = await invoke(cloud, w.who, w.name, w.data)
      expect({ kind: w.kind, ok: r.ok || r.code === 'RATE_LIMITED' || r.code === 'CONFLICT' }).toEqual({ kind: w.kind, ok: true })
    }
    // The activity's ledger (in its own document, changed by one atomic update) is the truth; its
    // counters agree with it, and every member in it has their registration row (answers, roster).
    const a = (await db.collection('activities').doc(activityId).get()).data
    const entries = Object.values(a.ledger ?? {}) as Array<{ s: string }>
    const rows = (await db.collection('registrations').where({ activityId }).limit(1000).get()).data
    expect({ seatsTaken: a.seatsTaken, confirmedCount: a.confirmedCount, waitlistCount: a.waitlistCount }).toEqual({
      seatsTaken: entries.filter((e) => e.s === 'c' || e.s === 'p').length, // no guests in this activity
      confirmedCount: entries.filter((e) => e.s === 'c' || e.s === 'p').length,
      waitlistCount: entries.filter((e) => e.s === 'w').length,
    })
    expect((a.queue ?? []).length).toBe(entries.filter((e) => e.s === 'w').length)
    const rowIds = new Set(rows.map((r: any) => r.memberId))
    for (const key of Object.keys(a.ledger ?? {})) expect(rowIds.has(key.slice(1))).toBe(true)
    expect(a.seatsTaken).toBeLessThanOrEqual(7)

    const plans = (await db.collection('welfare_plans').where({ title: db.RegExp({ regexp: '^春节慰问\\d+$' }) }).limit(1000).get()).data
    const sent = writes.filter((w, i) => w.kind === 'plan' && i < next)
    expect(plans).toHaveLength(sent.length)
    for (const p of plans) {
      expect(p.state).toBe('active')
      expect((await db.collection('welfare_visits').where({ planId: p._id }).count()).total).toBe(p.total)
      expect((await db.collection('audit_log').where({ 'target.id': p._id, action: 'welfare.planCreate' }).count()).total).toBe(1)
    }
    const visits = (await db.collection('welfare_visits').where({ 'recipient.name': db.RegExp({ regexp: '^受助人\\d+$' }) }).limit(1000).get()).data
    expect(visits).toHaveLength(writes.filter((w, i) => w.kind === 'visit' && i < next).length)
    for (const v of visits) expect((await db.collection('audit_log').where({ 'target.id': v._id, action: 'welfare.record' }).count()).total).toBe(1)
    expect((await db.collection('welfare_plans').where({ state: _.eq('creating') }).count()).total).toBe(0)
  } finally {
    await cloud.stop()
  }
})
