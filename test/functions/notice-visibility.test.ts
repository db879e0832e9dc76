/** A visitor never receives an internal notice: not through the list, the detail, search or an attachment link. */
import { seededEnv } from './helpers'
import { BYTES, call, ok, published, stage } from './notice-support'

let env: string
let db: any
let internalId: string
let publicId: string
const SECRET = '内部专用：绩效工资分配方案'
beforeAll(async () => {
  ({ env, db } = await seededEnv('notice-vis'))
  const fileId = await stage(env, 'pdf', BYTES.pdf)
  internalId = await published(env, { title: SECRET, visibility: 'internal', attachments: [{ fileId, name: '分配方案.pdf', size: 1 }] })
  const pubFile = await stage(env, 'pdf', BYTES.pdf)
  publicId = await published(env, { title: '对外：校园开放日', visibility: 'public', attachments: [{ fileId: pubFile, name: '开放日.pdf', size: 1 }] })
})

async function everyListed(who: 'visitor' | { openid: string }, input: Record<string, unknown> = {}) {
  const all: any[] = []
  for (let page = 1; ; page++) {
    const r = await ok(env, who, 'list', { ...input, page })
    all.push(...r.items)
    if (all.length >= r.total || r.items.length === 0) return all
  }
}

describe.each([
  ['visitor', 'visitor' as const],
  ['applicant', 'applicant' as const],
  ['removed member', 'removed' as const],
])('%s', (_label, kind) => {
  let who: 'visitor' | { openid: string }
  beforeAll(async () => {
    if (kind === 'visitor') { who = 'visitor'; return }
    const m = (await db.collection('members').where({ membership: kind === 'applicant' ? 'pending' : 'removed' }).limit(1).get()).data[0]
    who = { openid: m.openid }
  })

  it('lists only 对外 notices, on every page and every category', async () => {
    const all = await everyListed(who)
    expect(all.length).toBeGreaterThan(0)
    expect(all.every((n) => n.visibility === 'public')).toBe(true)
    for (const category of ['校务', '财务', '人事', '工会经费', '教代会', '其他']) {
      expect((await everyListed(who, { category })).every((n) => n.visibility === 'public')).toBe(true)
    }
  })

  it('finds nothing internal by searching its title', async () => {
    expect((await ok(env, who, 'list', { keyword: '绩效工资' })).total).toBe(0)
    expect((await ok(env, who, 'list', { keyword: '内部专用' })).items).toEqual([])
  })

  it('gets the same NOT_FOUND for an internal notice as for one that does not exist, with no link', async () => {
    const internal = await call(env, who, 'get', { id: internalId })
    const missing = await call(env, who, 'get', { id: 'no-such-notice' })
    expect(internal).toEqual(missing)
    expect(JSON.stringify(internal)).not.toMatch(/绩效|http|cloud:/)
    expect(await call(env, who, 'get', { id: internalId, version: 1 })).toEqual(missing)
    const file = await call(env, who, 'file', { id: internalId, index: 0 })
    expect(file).toEqual(await call(env, who, 'file', { id: 'no-such-notice', index: 0 }))
    expect(JSON.stringify(file)).not.toMatch(/分配方案|http|cloud:/)
  })

  it('reads a public notice and gets its attachment link', async () => {
    const shown = await ok(env, who, 'get', { id: publicId })
    expect((await ok(env, who, 'file', { id: publicId, index: 0 })).url).toMatch(/^http/)
    expect(shown.canObject).toBe(false)
    expect(shown.readCount).toBeUndefined()
  })
})

it('a member sees the internal notice and its attachment', async () => {
  const shown = await ok(env, 'staff', 'get', { id: internalId })
  expect(shown.attachments[0].name).toBe('分配方案.pdf')
  expect((await ok(env, 'staff', 'file', { id: internalId, index: 0 })).url).toMatch(/^http/)
  expect((await ok(env, 'staff', 'list', { keyword: '绩效工资' })).total).toBe(1)
})
