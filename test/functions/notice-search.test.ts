/**
 * Title search answers from an index (#18.3): every notice keeps its title's search terms through
 * draft, publish and correction, and is found by any 2+ character part of its title; results come
 * in board order (pinned first, then newest), paged by 20, with an exact total.
 */
import { searchTerms } from '../../cloudfunctions/_shared/search-terms'
import { seededEnv } from './helpers'
import { body, call, ok } from './notice-support'

let env: string
let db: any
beforeAll(async () => {
  ({ env, db } = await seededEnv('notice-search'))
  const base = Date.UTC(2025, 0, 1)
  const doc = (i: number, word: string) => {
    const title = `${word}第${i}号通知`
    return {
      title, searchTerms: searchTerms([title]), category: '校务', visibility: i % 2 ? 'internal' : 'public', pinned: i % 40 === 3, state: 'published',
      body: [{ type: 'paragraph', text: '正文' }], attachments: [], version: 1, revision: 0, correctionCount: 0, versionLog: [], objectionCount: 0, answeredCount: 0,
      publishedAt: new Date(base + ((i * 7919) % 130) * 3600_000), createdBy: 'mem001', createdAt: new Date(base), updatedAt: new Date(base),
    }
  }
  await db.collection('notices').add({ data: Array.from({ length: 130 }, (_v, i) => doc(i, '检索压测')) })
  await db.collection('notices').add({ data: Array.from({ length: 7 }, (_v, i) => doc(i + 200, '少量命中')) })
})

async function allPages(who: 'staff' | 'visitor', keyword: string) {
  const out: any[] = []
  for (let page = 1; ; page++) {
    const r = await ok(env, who, 'list', { keyword, page })
    out.push(...r.items)
    expect(r.items.length).toBeLessThanOrEqual(20)
    if (out.length >= r.total) return { items: out, total: r.total }
  }
}

function expectBoardOrder(items: any[]) {
  const firstUnpinned = items.findIndex((n) => !n.pinned)
  expect(items.slice(firstUnpinned).every((n) => !n.pinned)).toBe(true)
  for (const group of [items.slice(0, firstUnpinned), items.slice(firstUnpinned)]) {
    const times = group.map((n) => Date.parse(n.publishedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  }
}

it.each([
  ['more than 100 matches', '检索压测', 130],
  ['a few matches', '少量命中', 7],
])('%s: every match once, pinned first then newest', async (_label, keyword, count) => {
  const { items, total } = await allPages('staff', keyword)
  expect(total).toBe(count)
  expect(new Set(items.map((n) => n.id)).size).toBe(count)
  expectBoardOrder(items)
})

it('a visitor’s search finds only the public matches', async () => {
  const { items, total } = await allPages('visitor', '检索压测')
  expect(total).toBe(65)
  expect(items.every((n) => n.visibility === 'public')).toBe(true)
  expectBoardOrder(items)
})

describe('notices made through the functions', () => {
  let id: string
  const title = '关于2026年三八节女教职工健康讲座的通知'
  beforeAll(async () => {
    const { id: draft } = await ok(env, 'committee', 'createDraft', { title: '三八节讲座（草稿）', category: '其他', visibility: 'internal', body: body('待定') })
    const source = (await ok(env, 'committee', 'get', { id: draft })).source
    await ok(env, 'committee', 'updateDraft', { id: draft, revision: source.revision, title, category: '其他', visibility: 'internal', body: body('讲座安排见正文。') })
    await ok(env, 'chair', 'publish', { id: draft })
    id = draft
  })

  const found = async (keyword: string) => (await ok(env, 'staff', 'list', { keyword })).items.map((n: any) => n.id)

  it('is found by any part of two or more characters a person would type', async () => {
    for (const keyword of ['三八', '三八节', '女教职工', '健康讲座', '讲座', '2026', '年三八节女', '关于2026年三八节女教职工健康讲座的通知', '教职工 讲座']) {
      expect(await found(keyword)).toContain(id)
    }
    for (const keyword of ['三八讲座', '男教职工', '草稿', '2025']) expect(await found(keyword)).not.toContain(id)
  })

  it('a correction that renames it is found by the new title and no longer by the old one', async () => {
    await ok(env, 'chair', 'correct', { id, version: 1, title: '关于2026年三八节女教职工健康讲座改期的通知', body: body('讲座改期。'), reason: '时间调整' })
    expect(await found('讲座改期')).toContain(id)
    await ok(env, 'chair', 'correct', { id, version: 2, title: '关于2026年三八节女教职工心理讲座的通知', body: body('改为心理讲座。'), reason: '主题调整' })
    expect(await found('健康讲座')).not.toContain(id)
    expect(await found('心理讲座')).toContain(id)
  })

  it('keeps the title’s search terms on the stored notice (what the index answers from)', async () => {
    const [doc] = (await db.collection('notices').where({ _id: id }).get()).data
    expect(doc.searchTerms).toEqual(expect.arrayContaining(['心理', '理讲', '三八', '2026']))
    expect(doc.searchTerms).not.toContain('健康')
  })

  it('a draft is never found by search, even by the committee', async () => {
    const { id: draft } = await ok(env, 'committee', 'createDraft', { title: '三八节游园会方案（未发布）', category: '其他', visibility: 'internal', body: body('x') })
    expect(await found('游园会')).not.toContain(draft)
    expect((await call(env, 'chair', 'list', { keyword: '游园会' })).data.total).toBe(0)
  })
})
