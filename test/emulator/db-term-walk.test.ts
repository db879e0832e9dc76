/**
 * A compound index led by an array field (conformance_items.tags_rank_at: tags, rank -1, at 1) is
 * read in its order through its term index (term-index.ts, term-walk.ts): a page of `_.all(terms)`
 * in that order reads about a page of documents, not every one holding the terms. Its answers
 * must be exactly what the evaluator gives for the same condition on `labels`, a field nobody
 * indexed (same values): a full page found early, a page found only on reading past the first
 * stretch, a term read to its end, a walk that gives way to the index intersection, skips, and
 * after updates, removals and an aborted transaction.
 */
import { EJSON } from 'bson'
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'

const env = newEnvName('termwalk')
const { db } = sdkFor(env)
const _ = db.command
const items = () => db.collection('conformance_items')

/** Deterministic "random" numbers, so a failure can be replayed. */
function sequence(seed: number): () => number {
  let x = seed
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648 }
}

const N = 1500

/**
 * `a` in nearly every document (a walk by it fills any page, or reads past the budget of 1,000
 * entries when the rest of the query is rare); `rare` in a few; numbers and booleans as terms;
 * an element twice; documents without an array (a scalar, nested, missing) that no $all matches;
 * ranks that tie, are null or missing (their order is the last keys', then insertion).
 */
function itemAt(i: number, next: () => number) {
  const tags: unknown[] = []
  if (next() < 0.9) tags.push('a')
  if (next() < 0.5) tags.push('b')
  if (next() < 0.02) tags.push('rare')
  if (next() < 0.3) tags.push(1)
  if (next() < 0.2) tags.push(true)
  if (next() < 0.05) tags.push('a')
  const shape = i % 97
  const value = shape === 1 ? 'a' : shape === 2 ? [tags] : shape === 3 ? undefined : tags
  const rank = i % 53 === 0 ? null : i % 59 === 0 ? undefined : Math.floor(next() * 40)
  return {
    _id: `w${i}`, status: next() < 0.01 ? 'scarce' : next() < 0.5 ? 'open' : 'closed',
    ...(value === undefined ? {} : { tags: value, labels: value }),
    ...(rank === undefined ? {} : { rank }),
    at: new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 30))),
  }
}

async function explainPlan(query: object, order: object): Promise<string> {
  const res = await fetch(`${localCloudUrl()}/local/db/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, collection: 'conformance_items', query: EJSON.stringify(query), order: EJSON.stringify(order), limit: 20 }),
  })
  return ((await res.json()).plan as string[]).join('\n')
}

async function page(field: 'tags' | 'labels', terms: unknown[], extra: object, skip: number, limit: number): Promise<string[]> {
  const res = await items().where({ [field]: _.all(terms), ...extra }).orderBy('rank', 'desc').orderBy('at', 'asc').skip(skip).limit(limit).field({ _id: true }).get()
  return res.data.map((d: any) => d._id)
}

const QUERIES: Array<[string, unknown[], object]> = [
  ['a common term: the first page fills early', ['a'], {}],
  ['two terms, one condition more', ['a', 'b'], { status: 'open' }],
  ['a rare term: read to its end', ['rare'], {}],
  ['a common term with a rare condition: the walk gives way', ['a'], { status: 'scarce' }],
  ['a condition one in 30 meet: the walk reads on past its first stretch', ['a'], { at: new Date(Date.UTC(2026, 0, 7)) }],
  // Ranks 39 come first in the order, 0 near the end: the first stretch finds enough to read on,
  // the rest of the budget too few, and the page needs the ones past it.
  ['matches at both ends of the order: the walk reads on, then gives way', ['a'], { status: 'open', rank: _.or(_.eq(39), _.eq(0)) }],
  ['a number and a boolean as terms', [1, true], {}],
  ['an element held twice counts once', ['a', 'a'], {}],
  ['a term nobody holds', ['nobody'], {}],
]
const WINDOWS: Array<[number, number]> = [[0, 20], [0, 1000], [15, 300], [990, 20]]

async function expectSameAsEvaluator(): Promise<void> {
  for (const [label, terms, extra] of QUERIES) {
    for (const [skip, limit] of WINDOWS) {
      const walked = await page('tags', terms, extra, skip, limit)
      const evaluated = await page('labels', terms, extra, skip, limit)
      expect({ label, skip, limit, ids: walked }).toEqual({ label, skip, limit, ids: evaluated })
    }
  }
}

beforeAll(async () => {
  await items().where({ _id: _.exists(true) }).remove()
  const next = sequence(7)
  const docs = Array.from({ length: N }, (_v, i) => itemAt(i, next))
  for (let i = 0; i < N; i += 500) await items().add({ data: docs.slice(i, i + 500) })
  // The term index is built in the background once `tags` first held an array.
  let shown = ''
  for (let tries = 0; tries < 100 && !shown.includes('t_conformance_items_tags_rank_at'); tries++) {
    shown = await explainPlan({ tags: { $all: ['a'] } }, { rank: -1, at: 1 })
    if (!shown.includes('t_conformance_items_tags_rank_at')) await new Promise((r) => setTimeout(r, 200))
  }
}, 120_000)

it('reads a page in the index order from the term index, not from all documents holding the term', async () => {
  const plan = await explainPlan({ tags: { $all: ['a'] }, status: 'open' }, { rank: -1, at: 1 })
  expect(plan).toMatch(/Index Only Scan using t_conformance_items_tags_rank_at\w* on t_conformance_items_tags_rank_at/)
  expect(plan).not.toMatch(/Sort Key: .*t_conformance_items/)
})

it('an order the index does not keep is answered without it', async () => {
  expect(await explainPlan({ tags: { $all: ['a'] } }, { rank: 1, at: 1 })).not.toContain('t_conformance_items_tags_rank_at')
})

it('answers every query and window exactly as the evaluator', async () => {
  await expectSameAsEvaluator()
}, 120_000)

it('follows updates, removals and an aborted transaction', async () => {
  const next = sequence(11)
  // New terms, new ranks, a term taken away, an array becoming a scalar and back.
  for (let i = 0; i < 40; i++) {
    const id = `w${Math.floor(next() * N)}`
    const change = i % 4 === 0 ? { tags: ['rare', 'b'], labels: ['rare', 'b'] }
      : i % 4 === 1 ? { rank: Math.floor(next() * 40) }
        : i % 4 === 2 ? { tags: 'a', labels: 'a' }
          : { tags: ['a', 1], labels: ['a', 1], rank: 41 }
    await items().doc(id).update({ data: change })
  }
  await items().where({ status: 'closed', rank: _.lt(3) }).remove()
  const tx = await db.startTransaction()
  await tx.collection('conformance_items').doc('w5').update({ data: { tags: ['nobody'], rank: 99 } })
  await tx.rollback()
  await expectSameAsEvaluator()
  expect(await page('tags', ['nobody'], {}, 0, 20)).toEqual([])
}, 120_000)
