/**
 * Conditional updates of one document as a single SQL statement (update-statement.ts). Through the
 * real SDK on the engine, every query × update × document below gives exactly what the general path
 * gives — the same stats, the same refusal, the same document after — including the documents the
 * statement must hand back (an array on a path the query reads, a missing parent, an $inc on a
 * string or past 2^53, a $push on a non-array). The twin document takes the general path because
 * its query holds an $expr, which the statement does not take. And the store sends one statement
 * for the shapes it takes, none for the others.
 */
import crypto from 'node:crypto'
import { newEnvName, sdkFor } from '../support/cloud'
import { CollectionStore } from '../../emulator/db/store'
import type { SqlRunner } from '../../emulator/db/engine'
import type { EnvironmentCatalog } from '../../emulator/db/schema'

const at = new Date(Date.UTC(2026, 11, 1))
// Member-id-like keys: the large document is stored compressed and out of line, as a real activity.
const ledger = Object.fromEntries(Array.from({ length: 300 }, (_v, i) => [i < 5 ? `m${i}` : `m${crypto.createHash('md5').update(String(i)).digest('hex')}`, { s: i % 2 ? 'c' : 'w', n: 1, r: 1 }]))

type Body = Record<string, unknown>
const documents: Array<[string, () => Body]> = [
  ['a small document', () => ({ probe: 1, n: 5, state: 'published', seatsTaken: 3, waitlistCount: 0, v: 1, queue: ['m1'], ledger: { m1: { s: 'w', n: 1, r: 1 } }, at, null: 1, NULL: { Null: 2 } })],
  ['a large document', () => ({ probe: 1, n: 5, state: 'published', seatsTaken: 99, waitlistCount: 2, v: 7, queue: ['m1', 'm3'], ledger, at, null: 1, NULL: { Null: 2 } })],
  ['arrays where the query reads', () => ({ probe: 1, n: [1, 200], state: ['draft', 'published'], seatsTaken: [5], waitlistCount: 0, v: 1, queue: [], ledger: [{ m1: { r: 1 } }], at: [at] })],
  ['wrong types where the update writes', () => ({ probe: 1, n: '5', state: 'published', seatsTaken: 3, waitlistCount: 0, v: 1.5, queue: 'm1', ledger: 'none', at })],
  ['an entry that is an array, numbers at the limit', () => ({ probe: 1, n: Number.MAX_SAFE_INTEGER, state: 'published', seatsTaken: -3, waitlistCount: 1, v: Number.MAX_SAFE_INTEGER, ledger: { m1: [{ s: 'w', r: 1 }] } })],
  ['missing fields', () => ({ probe: 1 })],
]

type Shape = [string, (c: any) => Body, (c: any) => Body]
const shapes: Shape[] = [
  ['a conditional increment', (c) => ({ n: c.lt(100) }), (c) => ({ n: c.inc(1) })],
  ['an increment by a negative number', () => ({}), (c) => ({ n: c.inc(-7) })],
  ['a sign-up taking a place', (c) => ({ state: 'published', 'ledger.mnew': c.exists(false), waitlistCount: 0, seatsTaken: c.lte(99) }),
    (c) => ({ 'ledger.mnew': c.set({ s: 'c', n: 1, r: 1 }), v: c.inc(1), seatsTaken: c.inc(1), updatedAt: at })],
  ['a sign-up joining the queue', (c) => c.and([{ state: 'published', 'ledger.mnew': c.exists(false) }, c.or([{ waitlistCount: c.gt(0) }, { seatsTaken: c.gt(98) }])]),
    (c) => ({ 'ledger.mnew': c.set({ s: 'w', n: 1, r: 1 }), v: c.inc(1), queue: c.push(['mnew']), waitlistCount: c.inc(1), updatedAt: at })],
  ['an entry still as read', () => ({ 'ledger.m1.r': 1, 'ledger.m1.s': 'w' }), (c) => ({ 'ledger.m1': c.set({ s: 'x', n: 1, r: 2 }), v: c.inc(1) })],
  ['a field inside an entry', (c) => ({ 'ledger.m1': c.exists(true) }), (c) => ({ 'ledger.m1.ci': at, v: c.inc(1) })],
  ['a missing parent to create', () => ({}), (c) => ({ 'fresh.a.b': 1, v: c.inc(1) })],
  ['$in, a date range, a string range', (c) => ({ n: c.in([5, 6, 200]), at: c.lte(at), state: c.gte('p') }), (c) => ({ n: c.inc(2), queue: c.push(['a', 'b']) })],
  ['a range that matches nothing', (c) => ({ seatsTaken: c.gt(1000) }), (c) => ({ n: c.inc(1) })],
  ['an increment that passes 2^53', () => ({}), (c) => ({ v: c.inc(2) })],
  ['a push of arrays and objects', () => ({}), (c) => ({ queue: c.push([[1, 2], { k: at }]), v: c.inc(1) })],
  ['a push alone', () => ({}), (c) => ({ queue: c.push(['z']) })],
  ['a field under a date', () => ({}), (c) => ({ 'at.x': 1, v: c.inc(1) })],
  ['conditions on fields the update does not write', (c) => ({ n: c.lt(100), state: 'published' }), (c) => ({ hits: c.inc(1) })],
  ['a condition inside an entry', () => ({ 'ledger.m1.r': 1 }), (c) => ({ hits: c.inc(1) })],
  // Unquoted in a SQL path array, a key spelled NULL is the SQL NULL: such a field was never found.
  ['a key spelled null', () => ({ null: 1 }), (c) => ({ null: c.inc(1) })],
  ['keys spelled null on a path', (c) => ({ 'NULL.Null': c.exists(true) }), (c) => ({ 'NULL.Null': c.inc(5), v: c.inc(1) })],
]

describe('a conditional update of one document in one statement', () => {
  const { db } = sdkFor(newEnvName('update-statement'))
  const _ = db.command
  const $ = db.command.aggregate
  const items = () => db.collection('conformance_items')

  const cases = documents.flatMap(([docName, doc]) => shapes.map(([name, where, data]) => [`${name}, on ${docName}`, doc, where, data] as const))

  it.each(cases)('%s: the same result as the general path', async (_name, doc, where, data) => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: [{ _id: 'one', ...doc() }, { _id: 'general', ...doc() }] })
    const run = (query: any) => items().where(query).update({ data: data(_) }).then((r: any) => r.stats, (err: any) => ({ refused: String(err.errMsg ?? err.message).replace(/.*database request fail\.\s*/, '') }))
    const condition = where(_)
    const one = await run(_.and([{ _id: 'one' }, condition]))
    const general = await run(_.and([{ _id: 'general' }, condition, _.expr($.eq(['$probe', 1]))]))
    const read = async (id: string) => { const { _id, ...rest } = (await items().doc(id).get()).data; return rest }
    expect(one).toEqual(general)
    expect(await read('one')).toEqual(await read('general'))
    // A read gives a stored date back as a Date even with a field inside it; a query sees the field.
    const underDate = async (id: string) => (await items().where({ _id: id, 'at.x': _.exists(true) }).count()).total
    expect(await underDate('one')).toBe(await underDate('general'))
  })

  it('takes a place exactly once when 40 updates race for the last 3', async () => {
    await items().doc('race').set({ data: { n: 97 } })
    const raced = await Promise.all(Array.from({ length: 40 }, () => items().where({ _id: 'race', n: _.lt(100) }).update({ data: { n: _.inc(1) } })))
    expect(raced.filter((r: any) => r.stats.updated === 1)).toHaveLength(3)
    expect((await items().doc('race').get()).data.n).toBe(100)
  })
})

describe('what the store sends', () => {
  const statements: string[] = []
  const recording: SqlRunner = {
    async query<T>(sql: string) {
      statements.push(sql)
      return { rows: [] as T[], affectedRows: 1 }
    },
  }
  const catalog = { spec: () => ({ indexes: [{ name: 'search', keys: [['searchTerms', 1]] }] }), isMultikey: () => false, markMultikey: async () => undefined } as unknown as EnvironmentCatalog
  const store = new CollectionStore(catalog)
  const send = async (query: Body, update: Body) => {
    statements.length = 0
    const r = await store.updateInOneStatement(recording, 'env', 'activities', query, update)
    return { r, statements: [...statements] }
  }

  it('one UPDATE for a sign-up, nothing read first', async () => {
    const { r, statements: sent } = await send({ $and: [{ _id: 'a', state: 'published', 'ledger.mx': { $exists: false } }, { $or: [{ waitlistCount: { $gt: 0 } }, { seatsTaken: { $gt: 99 } }] }] },
      { $set: { 'ledger.mx': { s: 'w', n: 1, r: 1 }, updatedAt: at }, $inc: { v: 1, waitlistCount: 1 }, $push: { queue: { $each: ['x'] } } })
    expect(r).toEqual({ matched: 1, updated: 1 })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatch(/^UPDATE "env_env_[0-9a-f]+"\."c_activities" SET doc = /)
    expect(sent[0]).toContain('general_path()')
  })

  it.each<[string, Body, Body]>([
    ['no _id', { n: { $lt: 5 } }, { $inc: { n: 1 } }],
    ['two ids', { _id: { $in: ['a', 'b'] } }, { $inc: { n: 1 } }],
    ['an $expr', { _id: 'a', $expr: { $eq: ['$n', 1] } }, { $inc: { n: 1 } }],
    ['a condition on a part of _id', { _id: 'a', '_id.x': 1 }, { $inc: { n: 1 } }],
    ['$ne (missing fields match it)', { _id: 'a', n: { $ne: 1 } }, { $inc: { n: 1 } }],
    ['equality with null', { _id: 'a', n: null }, { $inc: { n: 1 } }],
    ['only $set (may change nothing)', { _id: 'a' }, { $set: { n: 1 } }],
    ['an $inc by 0 alone', { _id: 'a' }, { $inc: { n: 0 } }],
    ['an $inc by a fraction', { _id: 'a' }, { $inc: { n: 0.5 } }],
    ['a positional path', { _id: 'a' }, { $inc: { 'list.$.n': 1 } }],
    ['an array index', { _id: 'a' }, { $inc: { 'list.0': 1 } }],
    ['overlapping paths', { _id: 'a' }, { $inc: { v: 1 }, $set: { 'v.x': 1 } }],
    ['$push with a modifier', { _id: 'a' }, { $push: { queue: { $each: ['x'], $slice: 3 } } }],
    ['$push on an indexed path', { _id: 'a' }, { $push: { searchTerms: { $each: ['x'] } } }],
    ['an array written where an index reads', { _id: 'a' }, { $inc: { v: 1 }, $set: { searchTerms: ['x'] } }],
    ['another operator', { _id: 'a' }, { $inc: { v: 1 }, $unset: { n: '' } }],
  ])('none for %s', async (_name, query, update) => {
    const { r, statements: sent } = await send(query, update)
    expect(r).toBeNull()
    expect(sent).toHaveLength(0)
  })
})

describe('doc().set() in one statement', () => {
  const { db } = sdkFor(newEnvName('set-statement'))
  const _ = db.command
  const items = () => db.collection('conformance_items')

  it('sets of one new id at the same instant all succeed: one creates it, the rest replace it (10 rounds of 30)', async () => {
    for (let round = 0; round < 10; round++) {
      const id = `fresh${round}`
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_v, i) => items().doc(id).set({ data: { n: i } })))
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
      const stats = results.map((r) => (r as PromiseFulfilledResult<any>).value.stats)
      expect(stats.filter((s) => s.created === 1)).toHaveLength(1)
      expect(stats.filter((s) => s.updated === 1)).toHaveLength(29)
      expect((await items().where({ _id: id }).count()).total).toBe(1)
    }
  })

  it('a set that first puts an array on an indexed path is found by an element afterwards (its multikey record committed with it)', async () => {
    await items().doc('plain').set({ data: { tags: 'b' } })
    await items().doc('arr').set({ data: { tags: ['a', 'b'] } })
    expect((await items().where({ tags: 'b' }).get()).data.map((d: any) => d._id).sort()).toEqual(['arr', 'plain'])
    await items().doc('arr').set({ data: { tags: ['c'], n: 1 } })
    expect((await items().where({ tags: 'c' }).get()).data.map((d: any) => d._id)).toEqual(['arr'])
    expect((await items().where({ tags: _.all(['a']) }).get()).data).toEqual([])
  })
})
