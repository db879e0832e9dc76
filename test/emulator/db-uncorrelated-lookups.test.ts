/**
 * A `$lookup` whose pipeline names no variable runs once, as an aggregate of its own, and SQL answers
 * that aggregate's head: its leading $match, then $sort / $skip / $limit, or a count
 * (emulator/db/lookup-sources.ts, store.ts). Every list page's reads are such lookups (readsAt in the
 * functions); before, each read every document its $match allowed (a year of 慰问 visits for a page of
 * 20: 732 ms a page at 10,000 visits, 35 ms after).
 * Through the real SDK, each shape answers exactly what the evaluator answers on whole collections;
 * then, on the modules themselves, what is asked of the database.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { aggregate as evaluate, matcher } from '../../emulator/db/evaluator'
import { runWithLookups } from '../../emulator/db/lookup-sources'
import { CollectionStore } from '../../emulator/db/store'
import type { SqlRunner } from '../../emulator/db/engine'
import type { EnvironmentCatalog } from '../../emulator/db/schema'

// conformance_items has indexes on status + createdAt, score and tags (SQL sorts those); n has none.
const items = Array.from({ length: 40 }, (_v, i) => ({
  _id: `u${String(i).padStart(2, '0')}`,
  status: i % 3 === 0 ? 'closed' : 'open',
  ...(i % 11 === 5 ? {} : { score: i % 7 }), // ties, and a few without a score
  n: (i * 13) % 17,
  createdAt: new Date(Date.UTC(2026, 0, 1 + ((i * 7) % 30))),
  tags: i % 4 === 0 ? ['a', 'b'] : ['c'],
}))
const anchor = { _id: 'anchor', kind: 'x', stock: 1 }

const pipelines: Array<[string, any[]]> = [
  ['a page by an indexed field (ties by insertion)', [{ $match: { status: 'open' } }, { $sort: { score: -1 } }, { $skip: 3 }, { $limit: 5 }]],
  ['a page by an unindexed field', [{ $match: { status: 'open' } }, { $sort: { n: 1 } }, { $limit: 4 }]],
  ['two sort keys, descending date', [{ $match: { status: 'open' } }, { $sort: { createdAt: -1, score: 1 } }, { $limit: 6 }]],
  ['a condition SQL cannot decide, then a page', [{ $match: { status: 'open', n: { $gt: 5 } } }, { $sort: { score: 1 } }, { $skip: 1 }, { $limit: 3 }]],
  ['two $match stages', [{ $match: { status: 'open' } }, { $match: { score: { $gte: 3 } } }, { $sort: { score: 1 } }, { $limit: 5 }]],
  ['a count', [{ $match: { status: 'closed' } }, { $group: { _id: null, n: { $sum: 1 } } }]],
  ['a count of nothing', [{ $match: { status: 'nope' } }, { $group: { _id: null, n: { $sum: 1 } } }]],
  ['a count the evaluator must decide', [{ $match: { n: { $gt: 8 } } }, { $group: { _id: null, total: { $sum: 1 } } }]],
  ['a group that is not a count', [{ $match: { status: 'open' } }, { $group: { _id: '$score', n: { $sum: '$n' } } }, { $sort: { _id: 1 } }]],
  ['a page then a projection', [{ $match: { status: 'open' } }, { $sort: { createdAt: -1 } }, { $limit: 3 }, { $project: { createdAt: 1 } }]],
  ['a sort and limit without a match', [{ $sort: { score: 1 } }, { $limit: 2 }]],
  ['a skip past the end', [{ $match: { status: 'closed' } }, { $skip: 100 }]],
  ['a limit before a sort (not a page)', [{ $match: { status: 'open' } }, { $limit: 5 }, { $sort: { n: -1 } }]],
  ['a multikey field', [{ $match: { tags: 'a' } }, { $sort: { score: -1 } }, { $limit: 3 }]],
]

describe('an uncorrelated lookup answers as a join against the whole collection', () => {
  const { db } = sdkFor(newEnvName('uncorrelated-lookups'))

  beforeAll(async () => {
    await db.collection('conformance_items').add({ data: items })
    await db.collection('conformance_refs').add({ data: [anchor] })
  })

  it.each(pipelines)('%s', async (_name, pipeline) => {
    const lookup = { $lookup: { from: 'conformance_items', pipeline, as: 'rows' } }
    const res = await db.collection('conformance_refs').aggregate().match({ _id: 'anchor' }).lookup(lookup.$lookup as never).end()
    const whole = evaluate([anchor], [lookup], { conformance_items: items })
    expect(res.list).toEqual(whole)
  })

  it('several lookups on one anchor, each its own answer', async () => {
    const [page, count] = [pipelines[0][1], pipelines[5][1]]
    const res = await db.collection('conformance_refs').aggregate().match({ _id: 'anchor' })
      .lookup({ from: 'conformance_items', pipeline: page, as: 'page' } as never)
      .lookup({ from: 'conformance_items', pipeline: count, as: 'count' } as never).end()
    const whole = evaluate([anchor], [
      { $lookup: { from: 'conformance_items', pipeline: page, as: 'page' } }, { $lookup: { from: 'conformance_items', pipeline: count, as: 'count' } },
    ], { conformance_items: items })
    expect(res.list).toEqual(whole)
    expect((res.list[0] as any).count).toEqual([{ _id: null, n: items.filter((d) => d.status === 'closed').length }])
  })

  it('a top-level aggregate gets the same head: a page and a count', async () => {
    for (const [, pipeline] of pipelines) {
      const res = await db.collection('conformance_items').aggregate()
      let agg = res
      for (const stage of pipeline) {
        const [name, value] = Object.entries(stage)[0]
        agg = (agg as any)[name.slice(1)](value)
      }
      expect((await agg.end()).list).toEqual(evaluate(items, pipeline, {}))
    }
  })
})

describe('what an uncorrelated lookup asks for', () => {
  const read = jest.fn(async (_from: string, where: any) => { const test = matcher(where); return items.filter((d) => test(d)) })
  const aggregateOn = jest.fn(async (_from: string, pipeline: any[]) => evaluate(items, pipeline, {}))
  beforeEach(() => { read.mockClear(); aggregateOn.mockClear() })

  it('runs its pipeline once, as an aggregate, for every local document', async () => {
    const pipeline = [{ $match: { status: 'open' } }, { $limit: 2 }]
    const out = await runWithLookups([anchor, { ...anchor, _id: 'other' }], [{ $lookup: { from: 'items', pipeline, as: 'r' } }], read, evaluate, aggregateOn)
    expect(aggregateOn.mock.calls).toEqual([['items', pipeline]])
    expect(read).not.toHaveBeenCalled()
    expect(out.map((d) => d.r.map((r: any) => r._id))).toEqual([['u01', 'u02'], ['u01', 'u02']])
    expect(out[0].r).not.toBe(out[1].r)
  })

  it('a pipeline naming a variable is joined per document, as before', async () => {
    const pipeline = [{ $match: { status: 'open', $expr: { $gte: ['$n', '$$min'] } } }]
    await runWithLookups([anchor], [{ $lookup: { from: 'items', let: { min: '$stock' }, pipeline, as: 'r' } }], read, evaluate, aggregateOn)
    expect(aggregateOn).not.toHaveBeenCalled()
    expect(read.mock.calls).toEqual([['items', { status: 'open' }]])
  })
})

describe('what the store sends for the head of a pipeline', () => {
  const statements: string[] = []
  const recording: SqlRunner = {
    async query<T>(sql: string) {
      statements.push(sql)
      return { rows: (sql.includes('count(*)') ? [{ n: '7' }] : []) as T[], affectedRows: 0 }
    },
  }
  const indexed = { indexes: [{ name: 'score', keys: [['score', 1]] }] }
  const catalog = { spec: () => indexed, isMultikey: () => false, markMultikey: async () => undefined } as unknown as EnvironmentCatalog
  const store = new CollectionStore(catalog)
  beforeEach(() => { statements.length = 0 })

  it('a page: ORDER BY, LIMIT and OFFSET in SQL', async () => {
    await store.aggregate(recording, 'env', 'items', [{ $match: { score: { $gte: 1 } } }, { $sort: { score: -1 } }, { $skip: 40 }, { $limit: 20 }, { $project: { score: 1 } }])
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatch(/ORDER BY .*score.* DESC NULLS LAST, seq ASC LIMIT 20 OFFSET 40$/)
  })

  it('a count: count(*) in SQL, answered as the $group would', async () => {
    const out = await store.aggregate(recording, 'env', 'items', [{ $match: { score: 3 } }, { $group: { _id: null, n: { $sum: 1 } } }])
    expect(statements).toEqual([expect.stringContaining('SELECT count(*)')])
    expect(out).toEqual([{ _id: null, n: 7 }])
  })
})
