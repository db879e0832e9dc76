/**
 * Keyword search in the list's order, at a cost that does not grow with the collection.
 *
 * `{ state: 'published', searchTerms: _.all(['体检']) }` ordered by pinned and date, first 200: the
 * GIN index (schema.ts) finds every notice holding 体检 — 3% of them, 3,334 at 100,000 notices —
 * and PostgreSQL must fetch and sort them all to return the newest 200. A term index
 * (term-index.ts) holds 体检's notices already in that order, so reading its entries until 200
 * match the whole query touches ~200 notices at any size. That is what MongoDB does with the same
 * compound index on the real cloud.
 *
 * Reading one term's entries is only quick when the query's other terms are common among them.
 * "第3721号" walks 第3's entries and finds one match in 11,000. So the walk has a budget, like
 * MongoDB's trial of competing plans: it reads at most WALK_BUDGET entries and gives way when they
 * did not yield the page; the caller then answers with the index intersection, which is best for a
 * selective query. A term whose entries run out within the budget has been read completely, so
 * its answer is final either way. The walk first reads PROBE_SHARE of the budget: when that
 * stretch matched too few to fill the page at the same rate within the budget, it gives way
 * there (a rare query used to read all 1,000 entries for nothing before the intersection ran);
 * otherwise it reads on from where it stopped, in the same snapshot.
 *
 * The answer is exactly the plain query's. The walk applies the whole filter to every document
 * it reads, and it reads in the query's order (the index keeps copies of the sort keys and seq,
 * the final tie-break). One entry per document and term, so no document comes twice.
 */
import type { PlannerSettings, SqlRunner } from './engine'
import type { Params } from './pushdown'
import { keyOrder } from './schema'
import type { TermIndex } from './term-index'

/** Entries of one term read before the walk gives way to the intersection plan. */
export const WALK_BUDGET = 1000

/** The share of the budget read first, to judge whether reading on can fill the page. */
const PROBE_SHARE = 0.4

/**
 * The plan is fixed, not left to estimates: PGlite runs no autovacuum, so PostgreSQL plans with
 * default guesses. With them it sorted the whole term, and it intersected with the state index once
 * per entry (2.4 s for one search at 10,000 notices). Without sorts and bitmaps, the only plan left
 * is the ordered index scan, one lookup by seq per entry.
 */
const WALK_PLAN = { enable_sort: 'off', enable_bitmapscan: 'off', enable_seqscan: 'off' } as const

/** The runner can read with planner settings in a snapshot of their own (the engine can; a held transaction cannot). */
export interface PlannedRunner extends SqlRunner {
  planned<T>(settings: PlannerSettings, fn: (q: SqlRunner) => Promise<T>): Promise<T>
}

export function canPlan(q: SqlRunner): q is PlannedRunner {
  return typeof (q as Partial<PlannedRunner>).planned === 'function'
}

/** The values of `{ [path]: { $all: [plain values…] } }` at the top of the query: any of them can be walked. */
export function allTerms(query: Record<string, any> | undefined, path: string): Array<string | number | boolean> | undefined {
  const all = query?.[path]?.$all
  if (!Array.isArray(all) || all.length === 0 || Object.keys(query![path]).length !== 1) return undefined
  const plain = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
  return all.every(plain) ? all : undefined
}

export interface Walk {
  index: TermIndex
  term: string | number | boolean
  /** The collection's table, and the whole query as SQL (exact) with its params (not changed here). */
  source: string
  filterSql: string
  params: Params
  /** The select list item that returns `doc` (the caller's projection, its params already added). */
  docSql: string
  skip: number
  limit: number
}

type Found = Array<{ _id: unknown; doc: unknown }>

/** The page's rows, or null when the walk gave way (the caller runs the plain query). */
export async function walkTerm(q: PlannedRunner, w: Walk): Promise<Found | null> {
  const want = w.skip + w.limit
  const budget = Math.max(WALK_BUDGET, want * 5)
  const probe = Math.ceil(budget * PROBE_SHARE)
  const page = (hits: Found) => hits.slice(w.skip, want)
  return q.planned(WALK_PLAN, async (r) => {
    const first = await readStretch(r, w, 0, probe, want)
    if (first.hits.length >= want || !first.more) return page(first.hits)
    // At the rate the first stretch matched, the whole budget would not fill the page.
    if (first.hits.length * budget < want * probe) return null
    const rest = await readStretch(r, w, probe, budget, want - first.hits.length)
    const hits = [...first.hits, ...rest.hits]
    return hits.length < want && rest.more ? null : page(hits)
  })
}

/**
 * The term's entries from position `from` to `to` (in the index order), up to `need` of them that
 * match; `more` when the stretch was read to its last entry, so the term may go on past it.
 */
async function readStretch(q: SqlRunner, w: Walk, from: number, to: number, need: number): Promise<{ hits: Found; more: boolean }> {
  const sideOrder = [...w.index.sortKeys.map(([, dir], i) => `k${i} ${keyOrder(dir)}`), 'seq ASC'].join(', ')
  const walkOrder = [...w.index.sortKeys.map(([, dir], i) => `w.w_k${i} ${keyOrder(dir)}`), 'w.w_seq ASC'].join(', ')
  // The plain query may still run with the same params: the term goes on a copy.
  const values = [...w.params.values, JSON.stringify(w.term)]
  const term = `$${values.length}`
  // The stretch's last entry comes back even when it does not match: seeing it means the term
  // may have more entries, so too few matches before it are not the answer.
  const sql = `SELECT m._id, m.doc, m.hit, w.w_rn FROM (
      SELECT seq AS w_seq, ${w.index.sortKeys.map((_k, i) => `k${i} AS w_k${i}`).join(', ')}, row_number() OVER (ORDER BY ${sideOrder}) AS w_rn
      FROM ${w.index.table} WHERE term = ${term}::jsonb ORDER BY ${sideOrder} LIMIT ${to - from} OFFSET ${from}) w
    CROSS JOIN LATERAL (SELECT _id, ${w.docSql}, (${w.filterSql}) AS hit FROM ${w.source} WHERE seq = w.w_seq OFFSET 0) m
    WHERE m.hit OR w.w_rn = ${to}
    ORDER BY ${walkOrder} LIMIT ${need + 1}`
  const rows = (await q.query<{ _id: unknown; doc: unknown; hit: boolean; w_rn: string | number }>(sql, values)).rows
  return {
    hits: rows.filter((row) => row.hit).slice(0, need).map(({ _id, doc }) => ({ _id, doc })),
    more: rows.some((row) => Number(row.w_rn) === to),
  }
}
