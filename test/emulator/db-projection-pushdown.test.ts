/**
 * field() answered by the database: when SQL decides the match, only the projected parts of each
 * document leave PostgreSQL (projection-sql.ts). The SQL is checked on the engine itself (the pruned
 * document holds none of what was left out), and every projection shape gives, through the real
 * SDK, exactly what the whole-document path gives (a query the evaluator must decide takes that path).
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import path from 'node:path'
import { newEnvName, sdkFor } from '../support/cloud'
import { Params } from '../../emulator/db/pushdown'
import { prunablePaths, prunedDocSql, queryPaths } from '../../emulator/db/projection-sql'

// 300 entries under member-id-like keys (they compress as little as real ones): over the stored size
// above which the database prunes (projection-sql.ts); 'small' stays under it.
const ledger = Object.fromEntries(Array.from({ length: 300 }, (_v, i) => [i < 5 ? `m${i}` : crypto.createHash('md5').update(String(i)).digest('hex'), { s: i % 2 ? 'c' : 'w', n: 1 }]))
const docs = [
  {
    _id: 'big', probe: 1, title: '活动', ledger, queue: ['m1', 'm3'], at: new Date(Date.UTC(2026, 11, 1)), nested: { a: { b: { c: 1, d: 2 } }, list: [{ x: 1 }, { x: 2 }] },
    places: [{ area: 80 }, { area: 120 }], 'odd"key': { "it's": 1 }, nul: null,
  },
  { _id: 'small', probe: 1, title: '小', nested: 5, places: [] },
]

const projections: Array<Record<string, any>> = [
  { title: true },
  { 'ledger.m3': true },
  { 'ledger.m3': true, 'ledger.missing': true, queue: true },
  { 'ledger.nobody': true },
  { ledger: true, 'ledger.m1': true },
  { 'nested.a.b.c': true, 'nested.list.x': true, 'nested.list.0': true },
  { 'nested.a.b.c.deeper': true },
  { 'at.x': true, at: true },
  { 'at.$date': true },
  { title: true, _id: false },
  { 'odd"key.it\'s': true, nul: true, 'nul.x': true },
  { places: { $elemMatch: { area: { $gt: 100 } } }, title: 1 },
  { '_id.x': true, title: true },
]

describe('field() pushed down to SQL', () => {
  const { db } = sdkFor(newEnvName('projection-pushdown'))
  const _ = db.command
  const $ = db.command.aggregate
  const items = () => db.collection('conformance_items')

  beforeAll(async () => {
    await items().where({ _id: _.exists(true) }).remove()
    await items().add({ data: docs })
  })

  it.each(projections.map((p) => [JSON.stringify(p), p]))('%s: the same as the whole-document path', async (_name, projection) => {
    const field = { ...projection }
    for (const [k, v] of Object.entries(field)) {
      if (v && typeof v === 'object') field[k] = _.project.elemMatch({ area: _.gt(100) })
    }
    for (const id of ['big', 'small']) {
      const pushed = await items().where({ _id: id }).field(field).get()
      const evaluated = await items().where({ _id: id, probe: 1 }).field(field).get()
      const whole = await items().where(_.and([{ _id: id }, _.expr($.eq(['$probe', 1]))])).field(field).get()
      expect(pushed.data).toEqual(whole.data)
      expect(evaluated.data).toEqual(whole.data)
    }
  })

  // Conditions the evaluator decides read the pruned document too: it must keep what they look at.
  const conditions: Array<[string, (c: any) => Record<string, any>]> = [
    ['nested path', () => ({ 'nested.a.b.c': 1 })],
    ['a missing nested path', (c) => ({ 'nested.a.x': c.exists(false) })],
    ['elemMatch on an array', (c) => ({ places: c.elemMatch({ area: c.gt(100) }) })],
    ['or across a ledger entry and a title', (c) => c.or([{ 'ledger.m3.s': 'c' }, { title: '小' }])],
    ['path into an array of objects', () => ({ 'nested.list.x': 2 })],
    ['null value', () => ({ nul: null })],
  ]

  it.each(conditions)('%s: the same documents, projected, as the whole-document path', async (_name, condition) => {
    const c = condition(_)
    const pushed = await items().where(_.and([{ probe: 1 }, c])).field({ title: true, 'ledger.m1': true }).orderBy('title', 'asc').get()
    const whole = await items().where(_.and([{ probe: 1 }, c, _.expr($.eq(['$probe', 1]))])).field({ title: true, 'ledger.m1': true }).orderBy('title', 'asc').get()
    expect(pushed.data).toEqual(whole.data)
    expect(pushed.data.length).toBeGreaterThan(0)
  })
})

/**
 * Each document pruned by the SQL for its projection, on PGlite. PGlite is ESM only and jest runs
 * CommonJS, so one child process runs every case (one engine start for all of them).
 */
function prunedOnEngine(cases: Array<{ projection: Record<string, any>; doc: Record<string, any> }>): unknown[] {
  const queries = cases.map(({ projection, doc }) => {
    const params = new Params()
    return { sql: prunedDocSql(prunablePaths(projection)!, params), params: params.values, doc }
  })
  const script = `
    import { PGlite } from '@electric-sql/pglite'
    const pg = await PGlite.create()
    await pg.exec('CREATE TABLE t (doc jsonb)')
    const out = []
    for (const { sql, params, doc } of JSON.parse(process.argv[1])) {
      await pg.exec('DELETE FROM t')
      await pg.query('INSERT INTO t VALUES ($1::jsonb)', [JSON.stringify(doc)])
      out.push((await pg.query('SELECT ' + sql + ' AS doc FROM t', params)).rows[0].doc)
    }
    process.stdout.write(JSON.stringify(out))
    await pg.close()`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(queries)], { cwd: path.resolve(__dirname, '../..') })
  return JSON.parse(out.toString())
}

describe('the pruned document on the engine', () => {
  const large = { title: '活动', ledger, queue: ['m1'], nested: { a: [1, 2], b: { c: 3, d: 4 } } }
  const small = { title: '小', other: 1 }
  let pruned: unknown[]
  beforeAll(() => {
    pruned = prunedOnEngine([
      { projection: { 'ledger.m3': true, 'ledger.none': true, 'nested.a.0': true, 'nested.b.c': true, 'absent.x': true }, doc: large },
      { projection: { title: true }, doc: small },
    ])
  })

  it('keeps only the projected paths', () => {
    expect(pruned[0]).toEqual({ ledger: { m3: { s: 'c', n: 1 } }, nested: { a: [1, 2], b: { c: 3 } } })
  })

  it('returns a small document whole (cheaper than pruning it; the projection then cuts it the same)', () => {
    expect(pruned[1]).toEqual(small)
  })

  it('leaves exclusions, $slice and paths deeper than any document to the whole document', () => {
    const deep = Array.from({ length: 2000 }, (_v, i) => `k${i}`).join('.')
    expect(prunablePaths({ [deep]: true })).toBeNull()
    expect(queryPaths({ [deep]: 1 })).toBeNull()
    expect(prunablePaths({ ledger: false })).toBeNull()
    expect(prunablePaths({ queue: { $slice: 2 } })).toBeNull()
    expect(prunablePaths({ _id: true })).toBeNull()
    expect(prunablePaths({ title: true, _id: false })).toEqual([['title']])
  })
})
