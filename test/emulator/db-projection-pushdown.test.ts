/**
 * field() answered by the database: when SQL decides the match, only the projected parts of each
 * document leave PostgreSQL (projection-sql.ts). The SQL is checked on the engine itself (the pruned
 * document holds none of what was left out), and every projection shape gives, through the real
 * SDK, exactly what the whole-document path gives (a query the evaluator must decide takes that path).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { newEnvName, sdkFor } from '../support/cloud'
import { Params } from '../../emulator/db/pushdown'
import { prunablePaths, prunedDocSql } from '../../emulator/db/projection-sql'

const ledger = Object.fromEntries(Array.from({ length: 50 }, (_v, i) => [`m${i}`, { s: i % 2 ? 'c' : 'w', n: 1 }]))
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
      const whole = await items().where({ _id: id, probe: 1 }).field(field).get()
      expect(pushed.data).toEqual(whole.data)
    }
  })
})

describe('the pruned document on the engine', () => {
  // PGlite is ESM only and jest runs CommonJS: the engine runs the SQL in a child process.
  it('keeps only the projected paths', () => {
    const params = new Params()
    const sql = prunedDocSql(prunablePaths({ 'ledger.m3': true, 'ledger.none': true, 'nested.a.0': true, 'nested.b.c': true, 'absent.x': true })!, params)
    const doc = { title: '活动', ledger, queue: ['m1'], nested: { a: [1, 2], b: { c: 3, d: 4 } } }
    const script = `
      import { PGlite } from '@electric-sql/pglite'
      const [sql, params, doc] = JSON.parse(process.argv[1])
      const pg = await PGlite.create()
      await pg.exec('CREATE TABLE t (doc jsonb)')
      await pg.query('INSERT INTO t VALUES ($1::jsonb)', [JSON.stringify(doc)])
      const r = await pg.query('SELECT ' + sql + ' AS doc FROM t', params)
      process.stdout.write(JSON.stringify(r.rows[0].doc))
      await pg.close()`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([sql, params.values, doc])], { cwd: path.resolve(__dirname, '../..') })
    expect(JSON.parse(out.toString())).toEqual({ ledger: { m3: { s: 'c', n: 1 } }, nested: { a: [1, 2], b: { c: 3 } } })
  })

  it('leaves exclusions and $slice to the whole document', () => {
    expect(prunablePaths({ ledger: false })).toBeNull()
    expect(prunablePaths({ queue: { $slice: 2 } })).toBeNull()
    expect(prunablePaths({ _id: true })).toBeNull()
    expect(prunablePaths({ title: true, _id: false })).toEqual([['title']])
  })
})
