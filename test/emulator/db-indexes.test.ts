/**
 * List queries are answered by SQL over the manifest's indexes, not by scanning in JavaScript.
 * The plans come from the local cloud's /local/db/explain route, which runs the store's own code.
 */
import { EJSON } from 'bson'
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'

const env = newEnvName('indexes')
const { db } = sdkFor(env)
const _ = db.command

async function explain(query: object, order?: object, limit = 20): Promise<{ sql: string[]; plan: string }> {
  const res = await fetch(`${localCloudUrl()}/local/db/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, collection: 'conformance_items', query: EJSON.stringify(query), order: order && EJSON.stringify(order), limit }),
  })
  const out = await res.json()
  return { sql: out.sql, plan: out.plan.join('\n') }
}

beforeAll(async () => {
  const docs = Array.from({ length: 300 }, (_v, i) => ({
    status: ['open', 'closed', 'draft'][i % 3],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000),
    score: i,
    note: `n${i}`,
  }))
  for (let i = 0; i < docs.length; i += 100) await db.collection('conformance_items').add({ data: docs.slice(i, i + 100) })
})

it('answers equality + sort + limit on a compound index in index order, with no sort step', async () => {
  const { sql, plan } = await explain({ status: 'open' }, { createdAt: -1 })
  expect(sql).toHaveLength(1)
  expect(sql[0]).toMatch(/LIMIT 20/)
  expect(plan).toMatch(/Index Scan.*ix_conformance_items_status_created/)
  expect(plan).not.toMatch(/Seq Scan/)
})

it('answers a range predicate from an index', async () => {
  const { plan } = await explain({ score: { $gte: 100, $lt: 120 } })
  expect(plan).toMatch(/Index.*ix_conformance_items_score/)
})

it('answers $in from an index', async () => {
  const { plan } = await explain({ status: { $in: ['open', 'draft'] } }, { createdAt: -1 })
  expect(plan).toMatch(/ix_conformance_items_status_created/)
})

it('returns the same page the evaluator would', async () => {
  const page = await db.collection('conformance_items').where({ status: 'open', score: _.gte(150) }).orderBy('createdAt', 'desc').limit(5).get()
  expect(page.data.map((d: any) => d.score)).toEqual([297, 294, 291, 288, 285])
})

it('does not push down a field that has no index (the evaluator decides the match)', async () => {
  const { sql } = await explain({ note: 'n5' })
  expect(sql[0]).not.toMatch(/note/)
})
