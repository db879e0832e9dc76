/**
 * PGlite runs a statement text it has seen before as a prepared statement (emulator/db/prepared.ts):
 * EXECUTE with the values written as SQL literals. Every answer must be what the plain query gives —
 * rows, affected counts, refusals with their codes — for strings a literal could get wrong, inside
 * and after transactions, after the table is made again, at first sight under concurrency, and with
 * the oldest statements deallocated. The probe runs in a child process (PGlite is ESM-only).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const TRICKY = ["it's", "''", '\\', "\\'", 'a\\nb', '换行\n制表\t', '😀 表情', '$1', "E'x'", '{"q":"\\""}', ' ', '', 'NULL', "'); DROP TABLE t; --"]

type Answer = { rows?: any[]; affected?: number; code?: string; message?: string }

let seen: Record<string, any>

beforeAll(() => {
  const probe = path.join(__dirname, '../fixtures/engine/prepared-probe.ts')
  seen = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))
}, 120_000)

/** The plain query (first run), the run that prepares (second) and the prepared one (third) agree. */
function agreed(runs: Answer[]): Answer {
  expect(runs).toHaveLength(3)
  expect(runs[1]).toEqual(runs[0])
  expect(runs[2]).toEqual(runs[0])
  return runs[0]
}

describe('prepared statements on PGlite', () => {
  it('are used: a text seen twice is prepared, also one first seen inside a transaction', () => {
    const texts: string[] = seen.preparedTexts
    expect(texts).toContain('PREPARE lc_1 AS INSERT INTO t (_id, doc, note) VALUES ($1::jsonb, $2::jsonb, $3::text)')
    expect(texts.some((t) => t.endsWith('AS SELECT doc, note FROM t WHERE _id = $1::jsonb'))).toBe(true)
    expect(texts.some((t) => t.endsWith('AS SELECT note FROM t WHERE note = $1::text ORDER BY note'))).toBe(true)
  })

  it('store and read back strings a literal could get wrong, exactly', () => {
    expect(seen.inserts).toEqual(TRICKY.map(() => 1))
    expect(seen.rowCount).toBe(TRICKY.length)
    TRICKY.forEach((s, i) => expect(agreed(seen.readBack[i]).rows).toEqual([{ doc: { s }, note: s }]))
  })

  it('give numbers and NULL the values the query gives, and leave booleans to the query', () => {
    expect(seen.numbers.map((runs: Answer[]) => agreed(runs).rows![0].v)).toEqual(['42', '2.5', '1', '1000000000000000000001', '1.1'])
    expect(agreed(seen.nullParam).rows).toEqual([{ v: true }])
    expect(agreed(seen.untyped).rows).toEqual([{ v: 'x' }])
    expect(agreed(seen.boolean).rows).toEqual([{ v: true }])
    agreed(seen.booleanAsText)
    expect(seen.preparedTexts.some((t: string) => t.includes('$1::boolean') || t.endsWith('AS SELECT $1::text AS v'))).toBe(false)
  })

  it('refuse what the query refuses, with the same code: U+0000 in a value, a duplicate key', () => {
    expect(agreed(seen.nul)).toMatchObject({ code: '22021' })
    expect(agreed(seen.duplicate)).toMatchObject({ code: '23505' })
  })

  it('count the rows an update changed', () => {
    expect(agreed(seen.updated)).toEqual({ rows: [], affected: 1 })
    expect(agreed(seen.missed)).toEqual({ rows: [], affected: 0 })
  })

  it('answer the same inside a transaction, after it, after one rolled back, and after the table is made again', () => {
    for (const key of ['inTransaction', 'afterTransaction', 'afterRollback']) expect(agreed(seen[key]).rows).toEqual([{ note: 'changed' }])
    expect(agreed(seen.beforeRecreate).rows).toEqual([{ v: 'old' }])
    expect(agreed(seen.afterRecreate).rows).toEqual([{ v: 'new' }])
  })

  it('answer 60 concurrent first runs of one text each with its own values', () => {
    expect(seen.concurrent).toEqual(Array.from({ length: 60 }, (_v, i) => i * 2))
  })

  it('keep at most the limit prepared, deallocating the least recently used, with every answer right', () => {
    expect(seen.evictionAnswers).toEqual([0, 1, 2].flatMap((round) => Array.from({ length: 10 }, (_v, k) => round + k)))
    expect(seen.preparedAtOnce.n).toBeLessThanOrEqual(3)
  })
})
