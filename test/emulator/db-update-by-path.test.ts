/**
 * Updates of large documents written back by path (update-sql.ts). Every update shape gives, through
 * the real SDK on the engine, exactly what the whole-document path gives: the same document after,
 * the same updated/matched counts, the same refusal. The twin document takes the whole-document path
 * because its query holds an $expr, which the pruned read cannot decide. And the statements the store
 * sends for a large document carry the changed parts, never the document.
 */
import crypto from 'node:crypto'
import { newEnvName, sdkFor } from '../support/cloud'
import { CollectionStore } from '../../emulator/db/store'
import type { SqlRunner } from '../../emulator/db/engine'
import type { EnvironmentCatalog } from '../../emulator/db/schema'
import { updatePaths, writePositions } from '../../emulator/db/update-sql'

// Member-id-like keys compress as little as real ones: the stored document is over the size above
// which locked reads are pruned (projection-sql.ts).
const ledger = Object.fromEntries(Array.from({ length: 300 }, (_v, i) => [i < 5 ? `m${i}` : `m${crypto.createHash('md5').update(String(i)).digest('hex')}`, { s: i % 2 ? 'c' : 'w', n: 1, r: 1 }]))
const large = () => ({
  probe: 1, title: '活动', ledger, queue: ['m1', 'm3'], seatsTaken: 3, v: 7, at: new Date(Date.UTC(2026, 11, 1)),
  nested: { a: { b: { c: 1, d: 2 } }, list: [{ x: 1 }, { x: 2 }] }, places: [{ area: 80 }, { area: 120 }], tags: ['a'],
  'odd"key': { "it's": 1 }, nul: null,
})

type Case = [string, (c: any) => Record<string, unknown>]
const updates: Case[] = [
  ['a sign-up: one ledger entry, counters, the queue', (c) => ({ 'ledger.mnew': c.set({ s: 'w', n: 1, r: 1 }), v: c.inc(1), queue: c.push(['mnew']), updatedAt: new Date(Date.UTC(2026, 11, 2)) })],
  ['an entry replaced and a counter moved', (c) => ({ 'ledger.m3': c.set({ s: 'x', n: 1, r: 2 }), seatsTaken: c.inc(-1), queue: c.set([]) })],
  ['a field inside an entry', () => ({ 'ledger.m1.s': 'c', 'ledger.m1.ci': 5 })],
  ['a missing nested path is created', () => ({ 'fresh.a.b': 1, 'nested.a.new.deep': true })],
  ['an existing nested value', () => ({ 'nested.a.b.c': 9 })],
  ['removals: an entry, a top-level field, a missing one', (c) => ({ 'ledger.m2': c.remove(), title: c.remove(), 'absent.x': c.remove() })],
  ['an array element by index, and inside one', () => ({ 'places.1.area': 130, 'nested.list.0.x': 5, 'tags.3': 'z' })],
  ['push with each, sort and slice', (c) => ({ queue: c.push({ each: ['m0', 'm9'], sort: 1, slice: 3 }) })],
  ['pull, addToSet, pop', (c) => ({ places: c.pull({ area: c.gt(100) }), tags: c.addToSet('b'), 'nested.list': c.pop() })],
  ['rename', (c) => ({ 'nested.a.b.d': c.rename('moved') })],
  ['inc, mul, min, max on present and missing fields', (c) => ({ v: c.mul(2), seatsTaken: c.max(10), missingCount: c.inc(4), 'nested.a.b.c': c.min(0) })],
  ['a whole object replaced', () => ({ nested: { only: true } })],
  ['a date replaced, and a path under a date', () => ({ at: new Date(Date.UTC(2027, 0, 1)), 'nul.x': 1 })],
  ['unusual keys', () => ({ 'odd"key.it\'s': 2, 'odd"key.new key': 3 })],
  ['values equal to what is stored (nothing changes)', () => ({ title: '活动', 'ledger.m1.s': 'c', v: 7 })],
  ['a path through a scalar', () => ({ 'title.x': 1 })],
]

describe('updates of a large document by path', () => {
  const { db } = sdkFor(newEnvName('update-by-path'))
  const _ = db.command
  const $ = db.command.aggregate
  const items = () => db.collection('conformance_items')

  async function both(where: (id: string) => Record<string, unknown>, data: (c: any) => Record<string, unknown>) {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: [{ _id: 'path', ...large() }, { _id: 'whole', ...large() }] })
    const run = (query: any) => items().where(query).update({ data: data(_) }).then((r: any) => r.stats, (err: any) => ({ refused: String(err.errMsg ?? err.message).replace(/.*database request fail\.\s*/, '') }))
    const byPath = await run(where('path'))
    const whole = await run(_.and([where('whole'), _.expr($.eq(['$probe', 1]))]))
    const read = async (id: string) => { const { _id, ...rest } = (await items().doc(id).get()).data; return rest }
    return { byPath, whole, docs: [await read('path'), await read('whole')] }
  }

  it.each(updates)('%s: the same result as the whole-document path', async (_name, data) => {
    const { byPath, whole, docs } = await both((id) => ({ _id: id }), data)
    expect(byPath).toEqual(whole)
    expect(docs[0]).toEqual(docs[1])
  })

  it('a sign-up changes the document it was meant to', async () => {
    const { byPath, docs } = await both((id) => ({ _id: id }), updates[0][1])
    expect(byPath).toEqual({ updated: 1 })
    expect(docs[0].ledger.mnew).toEqual({ s: 'w', n: 1, r: 1 })
    expect(Object.keys(docs[0].ledger)).toHaveLength(301)
    expect(docs[0].queue).toEqual(['m1', 'm3', 'mnew'])
    expect(docs[0].v).toBe(8)
  })

  // Conditions the evaluator decides on the pruned document: it must keep what they read.
  const conditions: Array<[string, (c: any) => Record<string, unknown>]> = [
    ['the entry still absent and a place free (matches)', (c) => ({ 'ledger.mnew': c.exists(false), seatsTaken: c.lte(99), state: c.neq('x') })],
    ['the entry as read (does not match)', () => ({ 'ledger.m1.r': 2 })],
    ['either of two ledger entries', (c) => c.or([{ 'ledger.m3.s': 'w' }, { 'ledger.m4.s': 'w' }])],
  ]

  it.each(conditions)('condition %s: the same result as the whole-document path', async (_name, condition) => {
    const { byPath, whole, docs } = await both((id) => _.and([{ _id: id }, condition(_)]), updates[0][1])
    expect(byPath).toEqual(whole)
    expect(docs[0]).toEqual(docs[1])
  })

  it('an update of several large documents by one query', async () => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: [1, 2, 3].map((i) => ({ _id: `d${i}`, ...large(), v: i })) })
    const res = await items().where({ probe: 1 }).update({ data: { 'ledger.m0.s': 'x', v: _.inc(10) } })
    expect(res.stats).toEqual({ updated: 3 })
    const after = (await items().where({ probe: 1 }).orderBy('v', 'asc').get()).data
    expect(after.map((d: any) => [d.v, d.ledger.m0.s, Object.keys(d.ledger).length])).toEqual([[11, 'x', 300], [12, 'x', 300], [13, 'x', 300]])
  })
})

describe('what the store sends for a large document', () => {
  const stored = { title: '活动', ledger: { m1: { s: 'w', n: 1 } }, queue: ['m1'], v: 3 }
  const statements: Array<{ sql: string; params: unknown[] }> = []
  // The store's own code, with a runner that records each statement and answers the locked read
  // as the engine answers it for a large document: cut down to the update's paths, marked pruned.
  const recording: SqlRunner = {
    async query<T>(sql: string, params: unknown[] = []) {
      statements.push({ sql, params })
      const rows = sql.startsWith('SELECT') ? [{ _id: 'a', doc: stored, pruned: true }] : []
      return { rows: rows as T[], affectedRows: rows.length ? 0 : 1 }
    },
  }
  const catalog = { spec: () => ({ indexes: [] }), isMultikey: () => false, markMultikey: async () => undefined } as unknown as EnvironmentCatalog

  beforeAll(async () => {
    await new CollectionStore(catalog).update(recording, 'env', 'activities', { _id: 'a', 'ledger.m2': { $exists: false } },
      { $set: { 'ledger.m2': { s: 'w', n: 1 } }, $inc: { v: 1 }, $push: { queue: 'm2' } }, false)
  })

  it('reads the locked row cut down to the update and the query', () => {
    expect(statements[0].sql).toMatch(/FOR UPDATE$/)
    expect(statements[0].sql).toContain("doc || '{}'::jsonb AS d")
    expect(statements[0].params).toEqual(expect.arrayContaining(['ledger', 'm2', 'v', 'queue']))
  })

  it('writes back only the changed parts, by path', () => {
    const update = statements[1]
    expect(update.sql).toMatch(/^UPDATE .* SET doc = jsonb_set\(\(doc \|\| \$2::jsonb\), ARRAY\[\$3::text, \$4::text\], \$5::jsonb, true\) WHERE _id = \$1::jsonb$/)
    expect(update.params).toEqual(['"a"', JSON.stringify({ v: 4, queue: ['m1', 'm2'] }), 'ledger', 'm2', JSON.stringify({ s: 'w', n: 1 })])
  })

  it('writes at the first step that is not an object, and never inside another write', () => {
    const before = { a: { b: 1 }, list: [{ x: 1 }], at: { $date: 5 }, o: { p: { q: 1 } } }
    const paths = updatePaths({ $set: { 'a.b': 2, 'list.0.x': 3, 'missing.y.z': 1, 'at.x': 1, o: {}, 'o.p.q': 2 } })!
    expect(writePositions(before, paths)).toEqual([['a', 'b'], ['list'], ['missing'], ['at'], ['o']])
  })

  it('leaves positional paths, an update of _id and an empty update to the whole-document path', () => {
    expect(updatePaths({ $set: { 'list.$.x': 1 } })).toBeNull()
    expect(updatePaths({ $set: { 'list.$[].x': 1 } })).toBeNull()
    expect(updatePaths({ $set: { _id: 1 } })).toBeNull()
    expect(updatePaths({})).toBeNull()
  })
})
