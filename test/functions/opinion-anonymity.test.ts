/**
 * The anonymity audit (issues #6, #12.3). Its own local cloud, so that every line the functions print
 * (worker threads write to the cloud's stdout/stderr) is captured here, and every stored file is
 * under a data folder only this test uses. Known members submit anonymous items with camera
 * photos (staged in storage as the app does), the chair changes the due days between two of them,
 * then the daily batch releases them; they follow up, rate, look codes up (and miss); handlers work
 * the items. Then:
 *  - nothing the union can see or is told (inbox lists and their order, counts, statistics, desk,
 *    audit log) changed between the first submission and the batch;
 *  - after the batch, every item of the batch carries the same release day and due date, and the
 *    inbox orders them by nothing but their random ids;
 *  - every document any of that wrote or changed, in every collection (read through the SDK),
 *  - every file under the data folder except the database's own pages (names, bytes and times),
 *  - every captured log line
 * are searched for each submitter's openid, member id and name and for their exact submission
 * times → nothing. Two anonymous items by different members on one day look alike.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import manifest from '../../cloudfunctions/_database/collections.json'
import { spawnLocalCloud, type SpawnedCloud } from '../../emulator/spawn'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { seedDemoData } from '../../emulator/seed'
import { persona } from '../../emulator/seed/personas'
import { createContext } from '../../cloudfunctions/_shared/context'
import { deskItems } from '../../cloudfunctions/opinion/desk'
import { CAMERA, cameraJpeg, cameraPng } from './opinion-fixtures'
import { newRequestId } from './opinion-support'

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-opinion-audit-'))
const ENV = 'opinion-audit'
let cloud: SpawnedCloud
let db: any
let sdk: any
let logs = ''

const submitters = [
  { who: 'staff', openid: persona('staff').openid, memberId: 'mem003', name: '张明' },
  { who: 'retiree', openid: persona('retiree').openid, memberId: 'mem004', name: '陈桂兰' },
  { who: 'committee', openid: persona('committee').openid, memberId: 'mem002', name: '李晓梅' },
  { who: 'seed6', openid: 'o_seed_006', memberId: 'mem006', name: '刘芳' },
]
const CHAIR = persona('chair').openid
const HANDLER = 'o_seed_005' // 周志强, committee: handles the items, is not a submitter

async function invoke(openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'opinion', data, openid }),
  })
  const answer = (await res.json()) as any
  if (!answer.ok) throw new Error(`invoke failed: ${answer.errMsg}`)
  return answer.result
}

async function asTimer(action: string): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'opinion', data: { Type: 'Timer', TriggerName: action } }),
  })
  return ((await res.json()) as any).result
}

/** What the union can see or is told, as one comparable value (lists with their order). */
async function unionView(): Promise<any> {
  const inbox: Record<string, unknown> = {}
  for (const filter of ['open', 'pending', 'processing', 'replied', 'held', 'overdue']) {
    const r = await invoke(CHAIR, { action: 'inbox', filter })
    inbox[filter] = { total: r.data.total, items: r.data.items }
  }
  const chair = await createContext({ openid: CHAIR, now: new Date(), db })
  const audit = (await allDocs('audit_log')).filter((a) => a.action !== 'opinion.setSettings')
  return {
    inbox,
    stats: (await invoke(CHAIR, { action: 'stats' })).data,
    publicStats: (await invoke(persona('staff').openid, { action: 'publicStats' })).data,
    desk: await deskItems(chair),
    audit,
  }
}

async function stage(bytes: Buffer, ext: string): Promise<string> {
  const res = await sdk.uploadFile({ cloudPath: `uploads/opinion/${crypto.randomBytes(16).toString('hex')}.${ext}`, fileContent: bytes })
  return res.fileID
}

async function allDocs(name: string): Promise<any[]> {
  const out: any[] = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(100).get()
    out.push(...data)
    if (data.length < 100) return out
  }
}

const collections = Object.entries(manifest.collections as Record<string, { about?: string }>)
  .filter(([, spec]) => !String(spec.about ?? '').startsWith('test only')).map(([name]) => name)

async function snapshot(): Promise<Map<string, string>> {
  const map = new Map<string, string>()
  for (const name of collections) for (const d of await allDocs(name)) map.set(`${name}/${d._id}`, JSON.stringify(d))
  return map
}

function filesUnder(dir: string, skip: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (full === skip) return []
    return e.isDirectory() ? filesUnder(full, skip) : [full]
  })
}

/** Every way an instant in [from, to] could be written down, to the second. */
function timeForms(from: number, to: number): string[] {
  const forms: string[] = []
  for (let s = Math.floor(from / 1000); s <= Math.floor(to / 1000); s++) {
    const utc = new Date(s * 1000).toISOString().slice(0, 19)
    const sh = new Date(s * 1000 + 8 * 3600_000).toISOString().slice(0, 19)
    forms.push(utc, sh.replace('T', ' '), sh.slice(11), String(s))
  }
  return forms
}

let before: Map<string, string>
let unionBefore: any
let unionWhileWaiting: any
const codes: string[] = []
const times: Array<[number, number]> = []
let releasedAt = 0

beforeAll(async () => {
  cloud = await spawnLocalCloud({ dataRoot, env: ENV })
  cloud.child.stdout!.on('data', (d: Buffer) => { logs += d.toString() })
  cloud.child.stderr!.on('data', (d: Buffer) => { logs += d.toString() })
  ;({ db, cloud: sdk } = connectLocalSdk(cloud.adminUrl, ENV))
  await seedDemoData(db, { reset: true })
  await asTimer('demoRelease') // whatever the seed left waiting: the baseline is a settled day
  before = await snapshot()
  unionBefore = await unionView()

  for (const [i, s] of submitters.entries()) {
    // The chair changes the due days between the second and the third submission.
    // (A second apart, so the chair's own audit entry is not stamped with a submission's second.)
    if (i === 2) {
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await invoke(CHAIR, { action: 'setSettings', dueDays: 12 })
      await new Promise((resolve) => setTimeout(resolve, 1100))
    }
    const t0 = Date.now()
    const images = i === 0 ? [await stage(cameraJpeg(), 'jpg'), await stage(cameraPng(), 'png')] : [await stage(cameraJpeg(), 'jpg')]
    const r = await invoke(s.openid, { action: 'submit', requestId: newRequestId(), category: '后勤保障', text: `匿名审计第 ${i + 1} 条：饮水机滤芯需要更换。`, images })
    times.push([t0, Date.now()])
    if (!r.ok) throw new Error(r.message)
    codes.push(r.data.code)
  }
  unionWhileWaiting = await unionView()
  await new Promise((resolve) => setTimeout(resolve, 1100))
  // The batch, then the work on the items: assign, reply, follow-up, rate, misses.
  releasedAt = Date.now()
  await asTimer('demoRelease')
  const inbox = (await invoke(CHAIR, { action: 'inbox', filter: 'pending' })).data.items.filter((x: any) => x.text.startsWith('匿名审计'))
  for (const item of inbox) {
    await invoke(CHAIR, { action: 'assign', id: item.id, assigneeId: 'mem005' })
    await invoke(HANDLER, { action: 'reply', id: item.id, text: '已安排后勤处本周更换滤芯。' })
  }
  for (const [i, s] of submitters.entries()) {
    await invoke(s.openid, { action: 'followUp', code: codes[i], text: '谢谢，请定期更换。' })
    await invoke(s.openid, { action: 'rate', code: codes[i], rating: 'satisfied' })
    await invoke(s.openid, { action: 'checkCode', code: codes[i] })
    await invoke(s.openid, { action: 'view', code: codes[(i + 1) % codes.length].replace(/.$/, (c) => (c === '0' ? '1' : '0')) })
  }
  // Canary: an item that makes the function fail proves its console output reaches `logs`.
  await db.collection('opinions').add({ data: { _id: 'log-canary', anonymous: false, memberId: 'mem009', replies: null } })
  await invoke('o_seed_009', { action: 'view', id: 'log-canary' })
  await db.collection('opinions').doc('log-canary').remove()
  await new Promise((resolve) => setTimeout(resolve, 300))
}, 180_000)

afterAll(async () => {
  await cloud?.stop()
  fs.rmSync(dataRoot, { recursive: true, force: true })
})

function forbidden(s: (typeof submitters)[number], i: number): string[] {
  return [s.openid, s.memberId, s.name, ...timeForms(times[i][0], times[i][1])]
}

describe('anonymity audit', () => {
  it('until the batch, nothing the union sees or is told changed: lists, order, counts, statistics, desk, audit', () => {
    expect(unionWhileWaiting).toEqual(unionBefore)
  })

  it('the batch dates its items alike (the setting changed between them) and orders them by random id only', async () => {
    const items = (await allDocs('opinions')).filter((o) => String(o.text).startsWith('匿名审计'))
    expect(new Set(items.map((o) => o.visibleOn)).size).toBe(1)
    expect(new Set(items.map((o) => o.dueOn)).size).toBe(1)
    const listed = (await invoke(CHAIR, { action: 'inbox', filter: 'replied' })).data.items.filter((x: any) => x.text.startsWith('匿名审计')).map((x: any) => x.id)
    expect(listed).toHaveLength(submitters.length)
    expect(listed).toEqual([...listed].sort())
  })

  it('the submissions and all that followed wrote documents (so the search has something to search)', async () => {
    const after = await snapshot()
    const touched = [...after].filter(([k, v]) => before.get(k) !== v)
    const changed = touched.map(([k]) => k.split('/')[0])
    expect(touched.filter(([k, v]) => k.startsWith('opinions/') && v.includes('匿名审计'))).toHaveLength(submitters.length)
    expect(changed).toContain('opinion_counters')
    expect(changed).toContain('audit_log')
  })

  it('no document written or changed anywhere holds a submitter’s openid, member id, name or submission time', async () => {
    const after = await snapshot()
    const touched = [...after].filter(([k, v]) => before.get(k) !== v).map(([k, v]) => `${k} ${v}`)
    for (const [i, s] of submitters.entries()) {
      for (const needle of forbidden(s, i)) {
        const hits = touched.filter((t) => t.includes(needle))
        expect({ needle, hits }).toEqual({ needle, hits: [] })
      }
    }
  })

  it('no stored file (images, outbox, …) holds an identity, a submission time or image metadata', () => {
    const files = filesUnder(dataRoot, path.join(dataRoot, 'pgdata'))
    const images = files.filter((f) => f.includes('opinion-images'))
    expect(images).toHaveLength(submitters.length + 1)
    // The staged uploads were deleted at submission; nothing under uploads/ is left.
    expect(files.filter((f) => f.includes(`${path.sep}uploads${path.sep}`))).toEqual([])
    // File times: no stored file was last written during a submission (the photos were filed by the batch).
    for (const f of files) {
      const written = fs.statSync(f).mtimeMs
      const during = times.findIndex(([t0, t1]) => written >= t0 - 1000 && written <= t1 + 1000)
      expect({ file: path.relative(dataRoot, f), writtenDuringSubmission: during }).toEqual({ file: path.relative(dataRoot, f), writtenDuringSubmission: -1 })
    }
    for (const f of images) expect(fs.statSync(f).mtimeMs).toBeGreaterThanOrEqual(releasedAt - 1000)
    for (const f of files) {
      const text = fs.readFileSync(f).toString('latin1') + fs.readFileSync(f).toString('utf8') + path.basename(f)
      const needles = [...submitters.flatMap((s, i) => forbidden(s, i)), CAMERA.make, CAMERA.model, CAMERA.dateTime, 'Exif', 'date:create', 'Zhang Ming']
      for (const needle of needles) expect({ file: path.relative(dataRoot, f), has: text.includes(needle) ? needle : null }).toEqual({ file: path.relative(dataRoot, f), has: null })
    }
    for (const f of images) expect(path.basename(f)).toMatch(/^[0-9a-f]{32}\.(jpg|png)$/)
  })

  it('the function logs were captured, and no line holds an identity, a submission time, a text or a code', () => {
    expect(logs).toContain('[view] unexpected error')
    const needles = [...submitters.flatMap((s, i) => forbidden(s, i)), ...codes, '匿名审计', '饮水机', '谢谢，请定期更换']
    for (const needle of needles) expect({ needle, inLogs: logs.includes(needle) }).toEqual({ needle, inLogs: false })
  })

  it('two anonymous items by different members on one day have indistinguishable metadata', async () => {
    const items = (await allDocs('opinions')).filter((o) => String(o.text).startsWith('匿名审计'))
    const shape = (o: any): unknown => (Array.isArray(o) ? o.map(shape) : o && typeof o === 'object' && !(o instanceof Date) ? Object.fromEntries(Object.keys(o).sort().map((k) => [k, shape(o[k])])) : typeof o)
    const [a, b] = ['第 2 条', '第 3 条'].map((n) => items.find((o) => o.text.includes(n)))
    expect(shape(a)).toEqual(shape(b))
    for (const key of ['anonymous', 'submittedOn', 'submittedMonth', 'visibleOn', 'dueOn', 'state', 'category']) expect(a[key]).toEqual(b[key])
    for (const o of items) {
      expect(o._id).toMatch(/^[0-9a-f]{32}$/)
      expect(o).not.toHaveProperty('memberId')
      expect(o.receipt.lookup).toMatch(/^[0-9a-f]{16}$/)
      expect(o.followUps.every((f: any) => Object.keys(f).sort().join() === 'on,text')).toBe(true)
    }
  })
})
