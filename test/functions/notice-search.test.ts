/** Title search: pinned first then newest, paged by 20, whether few or many notices match. */
import { seededEnv } from './helpers'
import { ok } from './notice-support'

let env: string
let db: any
beforeAll(async () => {
  ({ env, db } = await seededEnv('notice-search'))
  const base = Date.UTC(2025, 0, 1)
  const doc = (i: number, word: string) => ({
    title: `${word}第${i}号通知`, category: '校务', visibility: i % 2 ? 'internal' : 'public', pinned: i % 40 === 3, state: 'published',
    body: [{ type: 'paragraph', text: '正文' }], attachments: [], version: 1, correctionCount: 0,
    publishedAt: new Date(base + ((i * 7919) % 130) * 3600_000), createdBy: 'mem001', createdAt: new Date(base), updatedAt: new Date(base),
  })
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
