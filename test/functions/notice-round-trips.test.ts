/**
 * Round trips (#18.1): in production each database request from a function is a network round
 * trip, so the board counts them. The notice detail makes at most 4 (the caller's member record
 * included), the list at most 3, and no action reads the same thing twice.
 *
 * The actions run in this process through the real dispatcher on the real SDK and database; the
 * only addition is a proxy that counts every request the SDK sends (get, count, add, update, …).
 * createDraft runs in the local cloud instead, which lists the documents an invocation read twice.
 */
import { dispatch } from '../../cloudfunctions/_shared/dispatch'
import { servicesFrom } from '../../cloudfunctions/_shared/services'
import { routes } from '../../cloudfunctions/notice/routes'
import { persona, type PersonaKey } from '../../emulator/seed/personas'
import { sdkFor } from '../support/cloud'
import { invokeCounted, seededEnv } from './helpers'
import { BYTES, body, day, ok, published, rid, stage } from './notice-support'

/** SDK calls that send a request to the database. */
const REQUESTS = new Set(['get', 'count', 'add', 'update', 'remove', 'set', 'end', 'startTransaction', 'commit', 'rollback'])

interface Log { requests: string[] }

/** Wraps a database (or a query built from it) so every request is logged as `collection.method(query)`. */
function counting(target: any, log: Log, where = ''): any {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t)
      if (typeof value !== 'function') return value
      return (...args: any[]) => {
        const name = String(prop)
        const here = name === 'collection' ? String(args[0]) : name === 'where' || name === 'doc' ? `${where}.${name}(${JSON.stringify(args[0])})` : where
        if (REQUESTS.has(name)) log.requests.push(`${where}.${name}`)
        const out = value.apply(t, args)
        if (out && typeof out === 'object' && typeof out.then !== 'function') return counting(out, log, here)
        return out
      }
    },
  })
}

let env: string
let db: any
let cloud: any
beforeAll(async () => {
  ({ env, db } = await seededEnv('notice-rt'))
  cloud = sdkFor(env).cloud
})

async function run(who: PersonaKey, action: string, input: Record<string, unknown>): Promise<{ data: any; requests: string[] }> {
  const log: Log = { requests: [] }
  const answer = await dispatch(routes, { action, ...input }, { openid: persona(who).openid, db: counting(db, log), now: new Date(), services: servicesFrom(cloud) })
  if (!answer.ok) throw new Error(`${action}: ${answer.code} ${answer.message}`)
  return { data: answer.data, requests: log.requests }
}

const noRepeats = (requests: string[]) => expect(requests.filter((r, i) => !r.endsWith('.add') && requests.indexOf(r) !== i)).toEqual([])

describe('notice.get', () => {
  let id: string
  beforeAll(async () => {
    id = await published(env, {
      title: '2026年度绩效工资分配方案公示', publicity: { startDate: day(0), endDate: day(5) },
      body: [{ type: 'paragraph', text: '方案如下。' }, { type: 'image', fileId: await stage(env, 'png', BYTES.png) }],
      attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '方案.pdf', size: 1 }],
    })
    await ok(env, 'chair', 'correct', { id, version: 1, title: '2026年度绩效工资分配方案公示', body: body('方案（修订）。'), reason: '修订' })
    await ok(env, 'retiree', 'object', { id, text: '请说明分配系数的依据。' })
  })

  it.each<[string, PersonaKey, Record<string, unknown>]>([
    ['a member’s first open (read receipt, own objections, versions, verified image)', 'staff', {}],
    ['a member opening it again', 'staff', {}],
    ['a member with an objection', 'retiree', {}],
    ['the chair (read count)', 'chair', {}],
    ['an earlier version', 'staff', { version: 1 }],
  ])('%s: at most 4 database requests, none repeated', async (_label, who, extra) => {
    const { data, requests } = await run(who, 'get', { id, ...extra })
    expect(data.id).toBe(id)
    expect(requests[0]).toMatch(/^members\.where/) // the caller, read by the dispatcher: counted too
    expect(requests.length).toBeLessThanOrEqual(4)
    noRepeats(requests)
  })

  it('still shows every version and the objection counts without reading them separately', async () => {
    const { data, requests } = await run('staff', 'get', { id })
    expect(data.versions.map((v: any) => v.version)).toEqual([2, 1])
    expect(requests.some((r) => r.startsWith('notice_versions'))).toBe(false)
  })
})

describe('notice.list', () => {
  beforeAll(async () => {
    for (let i = 0; i < 23; i++) await published(env, { title: `第${i}号工会小组活动通知`, visibility: i % 2 ? 'internal' : 'public' })
  })

  it.each<[string, PersonaKey, Record<string, unknown>]>([
    ['a member’s first page with unread markers', 'staff', {}],
    ['a member’s second page', 'staff', { page: 2 }],
    ['a visitor', 'visitor', {}],
    ['a category', 'staff', { category: '校务' }],
    ['a title search', 'staff', { keyword: '小组活动' }],
  ])('%s: at most 3 database requests', async (_label, who, input) => {
    const { data, requests } = await run(who, 'list', { page: 1, ...input })
    expect(data.items.length).toBeGreaterThan(0)
    expect(requests[0]).toMatch(/^members\.where/)
    expect(requests.length).toBeLessThanOrEqual(3)
    noRepeats(requests)
  })

  it('pages to the end without a count: the last page’s total is exact', async () => {
    const seen: string[] = []
    let total = 0
    for (let page = 1; page < 10; page++) {
      const { data } = await run('staff', 'list', { page })
      seen.push(...data.items.map((n: any) => n.id))
      total = data.total
      if (seen.length >= data.total) break
    }
    const published = (await db.collection('notices').where({ state: 'published' }).count()).total
    expect(total).toBe(published)
    expect(new Set(seen).size).toBe(published)
  })
})

describe('notice.createDraft reads the draft once', () => {
  const draft = (over: Record<string, unknown>) => invokeCounted(env, persona('committee').openid, 'notice', {
    action: 'createDraft', requestId: rid(), category: '校务', visibility: 'internal', body: body('x'), ...over,
  })
  const stored = async (title: string) => (await db.collection('notices').where({ title }).count()).total

  it('a refused file is refused after one look for the draft (it was looked for twice), and nothing is stored', async () => {
    const notPdf = await draft({ title: '附件被拒', attachments: [{ fileId: await stage(env, 'pdf', BYTES.exe), name: '方案.pdf', size: 1 }] })
    expect(notPdf.result).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '附件“方案.pdf”的内容与文件类型不符，请上传真正的 PDF、Word、Excel 文件或图片' })
    expect(notPdf.repeatedReads).toEqual([])
    expect(notPdf.dbRequests).toBeLessThanOrEqual(2)
    const notImage = await draft({ title: '图片被拒', body: [{ type: 'image', fileId: await stage(env, 'png', BYTES.pdf) }] })
    expect(notImage.result).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '正文图片只能是 JPG 或 PNG 格式的图片' })
    expect(notImage.repeatedReads).toEqual([])
    expect([await stored('附件被拒'), await stored('图片被拒')]).toEqual([0, 0])
  })

  it('a draft and its retry: one draft, one audit entry, the same id, no document read twice', async () => {
    const requestId = rid()
    const input = { requestId, title: '读一次的草稿', attachments: [{ fileId: await stage(env, 'pdf', BYTES.pdf), name: '方案.pdf', size: 1 }] }
    const made = await draft(input)
    expect(made.result).toMatchObject({ ok: true, data: { id: expect.stringMatching(/^[0-9a-f]{32}$/) } })
    expect(made.repeatedReads).toEqual([])
    const retry = await draft(input)
    expect(retry.result).toEqual(made.result)
    expect(retry.repeatedReads).toEqual([])
    const [doc] = (await db.collection('notices').where({ title: '读一次的草稿' }).get()).data
    expect(doc).toMatchObject({ _id: made.result.data.id, state: 'draft', attachments: [{ name: '方案.pdf', size: BYTES.pdf.length }] })
    expect((await db.collection('audit_log').where({ action: 'notice.createDraft', 'target.id': doc._id }).count()).total).toBe(1)
  })
})
