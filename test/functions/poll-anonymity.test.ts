/**
 * The anonymity audit of the ballot engine. Its own local cloud, so that every line the functions
 * print is captured here and every stored file is under a data folder only this test uses.
 * Twelve known members vote one after another (one of them with a 评议码 slip the chair handed
 * out); the chair closes, reads the results, downloads both reports and publishes the results
 * notice. Then:
 *  - every document written or changed after the seed, in every collection, is searched for each
 *    voter's openid, member id and name and for their casting times (to the second) — except the
 *    roster, its rows and the receipts, which say who may vote and who has voted by design, and are
 *    checked to hold nothing else (no tracker, no choice, no time);
 *  - every stored file (reports and slips unzipped, the outbox, everything but the database pages)
 *    and every captured log line is searched the same way, and for trackers and comments;
 *  - ballot documents carry only pollId, round, state, choices and tracker, and neither their ids,
 *    their trackers nor the database's own order (an unsorted read) give back the casting order.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import manifest from '../../cloudfunctions/_database/collections.json'
import { spawnLocalCloud, type SpawnedCloud } from '../../emulator/spawn'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { seedDemoData } from '../../emulator/seed'
import { persona } from '../../emulator/seed/personas'

jest.setTimeout(300_000)

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-poll-audit-'))
const ENV = 'poll-audit'
let cloud: SpawnedCloud
let db: any
let logs = ''

const CHAIR = persona('chair').openid
/** Known voters: three personas and nine seeded members (none of them a subject of the poll). */
const voters = [
  { openid: persona('staff').openid, memberId: 'mem003', name: '张明' },
  { openid: persona('retiree').openid, memberId: 'mem004', name: '陈桂兰' },
  { openid: persona('committee').openid, memberId: 'mem002', name: '李晓梅' },
  ...[['006', '刘芳'], ['007', '孙丽娟'], ['008', '黄俊'], ['009', '赵磊'], ['010', '吴静'], ['011', '郑海涛'], ['012', '徐婷婷'], ['013', '何雨萱']]
    .map(([n, name]) => ({ openid: `o_seed_${n}`, memberId: `mem${n}`, name })),
]
/** The last voter votes with a 评议码 on the committee member's phone (a shared device at the venue). */
const SLIP_VOTER = { openid: 'o_seed_014', memberId: 'mem014', name: '林楠' }
const everyone = [...voters, SLIP_VOTER]

async function invoke(openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'poll', data, openid }) })
  const answer = (await res.json()) as any
  if (!answer.ok) throw new Error(`invoke failed: ${answer.errMsg}`)
  if (!answer.result.ok && data.action !== 'detail') throw new Error(`poll.${String(data.action)}: ${answer.result.message}`)
  return answer.result.data
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

/** A .docx/.xlsx is a zip: its text is in the XML parts. */
async function textOf(file: Buffer): Promise<string> {
  if (file.subarray(0, 2).toString() !== 'PK') return file.toString('utf8') + file.toString('latin1')
  const JSZip = require('jszip')
  const zip = await JSZip.loadAsync(file)
  const parts = await Promise.all(Object.values(zip.files).filter((f: any) => !f.dir).map((f: any) => f.async('string')))
  return parts.join('\n')
}

let before: Map<string, string>
let afterAll_: Map<string, string>
let pollId = ''
const trackers: string[] = []
const times: Array<[number, number]> = []
const comments: string[] = []
let slipCode = ''
const reports: Buffer[] = []

beforeAll(async () => {
  cloud = await spawnLocalCloud({ dataRoot, env: ENV })
  cloud.child.stdout!.on('data', (d: Buffer) => { logs += d.toString() })
  cloud.child.stderr!.on('data', (d: Buffer) => { logs += d.toString() })
  ;({ db } = connectLocalSdk(cloud.adminUrl, ENV))
  await seedDemoData(db, { reset: true })
  before = await snapshot()

  const saved = await invoke(CHAIR, {
    action: 'save', requestId: crypto.randomBytes(8).toString('hex'), title: '匿名审计测评', kind: 'appraisal', closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    items: [{ name: '谢琳', note: '教务处主任' }, { name: '曹建国', note: '后勤处主任' }, { name: '高峰', note: '政教处主任' }], electorate: { kind: 'members', memberIds: [...everyone.map((v) => v.memberId), 'mem015', 'mem016', 'mem017'] }, comments: true,
  })
  const poll = await invoke(CHAIR, { action: 'open', id: saved.id, revision: saved.revision })
  pollId = poll.id
  const printed = await invoke(CHAIR, { action: 'printSlips', id: pollId, count: 3, requestId: crypto.randomBytes(8).toString('hex') })
  const slips = await textOf(Buffer.from(await (await fetch(printed.url)).arrayBuffer()))
  slipCode = /([2-9A-HJ-NP-Z]{5})-([2-9A-HJ-NP-Z]{5})/.exec(slips)!.slice(1).join('')
  await invoke(CHAIR, { action: 'issueSlip', id: pollId, memberId: SLIP_VOTER.memberId })
  await new Promise((resolve) => setTimeout(resolve, 1100))

  const grades = ['excellent', 'competent', 'basic', 'incompetent']
  for (const [i, v] of everyone.entries()) {
    const comment = `审计评语第${i + 1}条`
    comments.push(comment)
    const ballot = { grades: poll.items.map((it: any, k: number) => ({ itemId: it.id, grade: grades[(i + k) % 4], comment })) }
    const t0 = Date.now()
    const r = v === SLIP_VOTER
      ? await invoke(persona('committee').openid, { action: 'castBySlip', id: pollId, code: slipCode, ballot })
      : await invoke(v.openid, { action: 'cast', id: pollId, ballot })
    times.push([t0, Date.now()])
    trackers.push(r.tracker)
  }
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await invoke(CHAIR, { action: 'close', id: pollId })
  await invoke(voters[0].openid, { action: 'results', id: pollId })
  await invoke(voters[1].openid, { action: 'ballots', id: pollId, page: 1 })
  for (const format of ['docx', 'xlsx']) {
    const file = await invoke(CHAIR, { action: 'report', id: pollId, format })
    reports.push(Buffer.from(await (await fetch(file.url)).arrayBuffer()))
  }
  await invoke(CHAIR, { action: 'publish', id: pollId, publicityDays: 5 })
  // Canary: a broken poll makes the function fail, proving its console output reaches `logs`.
  await db.collection('polls').add({ data: { _id: 'log-canary', state: 'open', kind: 'election', items: null } })
  await invoke(voters[0].openid, { action: 'detail', id: 'log-canary' })
  await db.collection('polls').doc('log-canary').remove()
  await new Promise((resolve) => setTimeout(resolve, 300))
  afterAll_ = await snapshot()
}, 300_000)

afterAll(async () => {
  await cloud?.stop()
  fs.rmSync(dataRoot, { recursive: true, force: true })
})

const identities = (v: (typeof everyone)[number]) => [v.openid, v.memberId, v.name]
const forbidden = (v: (typeof everyone)[number], i: number) => [...identities(v), ...timeForms(times[i][0], times[i][1])]

describe('ballot anonymity audit', () => {
  it('the votes wrote ballots, receipts, a result, comments, a notice and audit entries (so the search has something to search)', () => {
    const touched = [...afterAll_].filter(([k, v]) => before.get(k) !== v).map(([k]) => k.split('/')[0])
    for (const c of ['poll_ballots', 'poll_receipts', 'poll_electors', 'poll_results', 'poll_comments', 'notices', 'audit_log', 'poll_slips']) expect(touched).toContain(c)
    expect(trackers).toHaveLength(everyone.length)
  })

  it('no document written or changed holds a voter’s openid, member id, name or casting time — roster rows and receipts aside', () => {
    const touched = [...afterAll_].filter(([k, v]) => before.get(k) !== v)
      .filter(([k]) => !k.startsWith('poll_electors/') && !k.startsWith('poll_receipts/') && !k.startsWith('poll_rosters/'))
      // The electorate the chair chose (a list of members) is who may vote, like the roster.
      .map(([k, v]): [string, string] => (k.startsWith('polls/') ? [k, JSON.stringify({ ...JSON.parse(v), electorate: null })] : [k, v]))
      // The chair's own audit entry for handing out the slip names whom it went to (by design, not which slip or ballot).
      .filter(([k, v]) => !(k.startsWith('audit_log/') && v.includes('"poll.issueSlip"')))
      .map(([k, v]) => `${k} ${v}`)
    for (const [i, v] of everyone.entries()) {
      for (const needle of forbidden(v, i)) expect({ needle, hits: touched.filter((t) => t.includes(needle)) }).toEqual({ needle, hits: [] })
    }
  })

  it('roster rows and receipts say who may vote and who voted — nothing about what, or when', () => {
    const rows = [...afterAll_].filter(([k]) => /^poll_(electors|receipts|rosters)\//.test(k)).map(([k, v]) => [k, JSON.parse(v)] as const)
    const shape: Record<string, string> = { poll_receipts: '_id,memberId,pollId', poll_electors: '_id,department,memberId,name,openedAt,pollId,voted', poll_rosters: '_id,fingerprint,memberIds,pollId,slotSeed' }
    for (const [k, doc] of rows) {
      expect(Object.keys(doc).sort().join()).toBe(shape[k.split('/')[0]])
      const text = JSON.stringify(doc)
      for (const t of trackers) expect(text).not.toContain(t)
      for (const [i] of everyone.entries()) for (const form of timeForms(times[i][0], times[i][1])) expect(text).not.toContain(form)
    }
    const issued = [...afterAll_].filter(([k, v]) => k.startsWith('audit_log/') && v.includes('"poll.issueSlip"')).map(([, v]) => v)
    expect(issued).toHaveLength(1)
    for (const t of [...trackers, slipCode, ...comments]) expect(issued[0]).not.toContain(t)
  })

  it('ballots hold only the choices and the tracker, and nothing gives back the order they were cast in', async () => {
    const cast = (await db.collection('poll_ballots').where({ pollId, state: 'cast' }).limit(100).get()).data
    expect(cast).toHaveLength(everyone.length)
    for (const b of cast) {
      expect(Object.keys(b).sort()).toEqual(['_id', 'choices', 'pollId', 'round', 'state', 'tracker'])
      expect(b._id).toMatch(/^[0-9a-f]{32}$/)
    }
    const castOrder = trackers.join()
    const reversed = [...trackers].reverse().join()
    const orders = {
      natural: cast.map((b: any) => b.tracker),
      byId: [...cast].sort((a: any, b: any) => (a._id < b._id ? -1 : 1)).map((b: any) => b.tracker),
      byTracker: [...trackers].sort(),
    }
    for (const [how, order] of Object.entries(orders)) {
      expect({ how, same: order.join() === castOrder || order.join() === reversed }).toEqual({ how, same: false })
    }
    // A slip ballot looks like any other: same fields, same shapes.
    const shapes = new Set(cast.map((b: any) => JSON.stringify(Object.keys(b.choices).sort())))
    expect(shapes.size).toBe(1)
  })

  it('no stored file (reports, slips, outbox …) and no export holds a voter’s identity or casting time', async () => {
    const files = filesUnder(dataRoot, path.join(dataRoot, 'pgdata'))
    expect(files.some((f) => f.includes('poll-reports'))).toBe(true)
    const texts = [...await Promise.all(files.map(async (f) => `${path.relative(dataRoot, f)}\n${await textOf(fs.readFileSync(f))}`)), ...await Promise.all(reports.map(textOf))]
    expect(texts.some((t) => t.includes('民主测评结果统计表'))).toBe(true)
    for (const [i, v] of everyone.entries()) {
      for (const needle of forbidden(v, i)) expect({ needle, files: texts.filter((t) => t.includes(needle)).map((t) => t.split('\n')[0]) }).toEqual({ needle, files: [] })
    }
  })

  it('the function logs were captured, and no line holds an identity, a tracker, a comment, a code or a casting time', () => {
    expect(logs).toContain('[detail] unexpected error')
    const needles = [...everyone.flatMap((v, i) => forbidden(v, i)), ...trackers, ...comments, slipCode]
    for (const needle of needles) expect({ needle, inLogs: logs.includes(needle) }).toEqual({ needle, inLogs: false })
  })
})
