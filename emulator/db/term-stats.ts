/**
 * Which of a search's terms to walk (term-walk.ts): the rarest, by PostgreSQL's own statistics of
 * the term index. Any term gives the same answer, but the walk is quick only when most of the
 * entries it reads match the whole query. The rarest term's documents hold the others most often:
 * 工会经费 walked by 工会 read 1,000 entries of other 工会 notices (工会会员会费, 工会工作计划…) for one
 * match, while 经费 is found only in 工会经费 notices.
 *
 * The statistics come from ANALYZE of the side table: its most common terms with their shares,
 * and a share for any other term. PGlite runs no autovacuum, so the statistics are refreshed
 * here when the table has grown a tenth since the last ANALYZE (autovacuum's own threshold).
 */
import type { SqlRunner } from './engine'
import type { TermIndex } from './term-index'

type Term = string | number | boolean

interface Stats {
  /** Most common terms (as JSON text) and the share of entries each holds. */
  common: Map<string, number>
  /** The share of entries of any other single term. */
  other: number
}

/** Side tables being analysed now: one ANALYZE at a time per table. */
const analysing = new Set<string>()

/**
 * Statistics read in the last STATS_TTL_MS, by side table: reading them takes ~2 ms (pg_stats is a
 * view over several catalogs), as long as the walk they choose for.
 */
const STATS_TTL_MS = 10_000
const recent = new Map<string, { read: Promise<{ stats: Stats | null; stale: boolean }>; at: number }>()

function cachedStats(q: SqlRunner, index: TermIndex): Promise<{ stats: Stats | null; stale: boolean }> {
  const hit = recent.get(index.table)
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.read
  const read = readStats(q, index)
  recent.set(index.table, { read, at: Date.now() })
  read.catch(() => recent.delete(index.table))
  return read
}

/** The rarest of `terms` by the last statistics; the first when there are none yet. */
export async function rarestTerm(q: SqlRunner, index: TermIndex, terms: Term[]): Promise<Term> {
  const { stats, stale } = await cachedStats(q, index)
  if (stale) refresh(q, index)
  if (!stats) return terms[0]
  const share = (t: Term) => stats.common.get(JSON.stringify(t)) ?? stats.other
  return terms.reduce((best, t) => (share(t) < share(best) ? t : best))
}

/** The last statistics (null before the first ANALYZE of a non-empty table), and whether the table has grown a tenth since. */
async function readStats(q: SqlRunner, index: TermIndex): Promise<{ stats: Stats | null; stale: boolean }> {
  const r = await q.query<{ vals: Term[] | null; freqs: number[] | null; n_distinct: number | null; reltuples: number; relpages: number; pages: string }>(
    `SELECT array_to_json(s.most_common_vals::text::jsonb[]) AS vals, s.most_common_freqs AS freqs, s.n_distinct, c.reltuples, c.relpages,
       pg_relation_size(c.oid) / current_setting('block_size')::int AS pages
     FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = $2 AND s.tablename = $3 AND s.attname = 'term'
     WHERE c.oid = to_regclass($1)`, [index.table, index.schema, index.name])
  const row = r.rows[0]
  if (!row) return { stats: null, stale: false }
  const stale = Number(row.pages) > row.relpages * 1.1 + 10
  if (row.n_distinct === null || row.reltuples <= 0) return { stats: null, stale }
  // No common terms at all when every term is as rare as the others.
  const vals = row.vals ?? []
  const freqs = row.freqs ?? []
  const common = new Map(vals.map((v, i) => [JSON.stringify(v), freqs[i]]))
  const distinct = row.n_distinct < 0 ? -row.n_distinct * row.reltuples : row.n_distinct
  const rest = Math.max(0, 1 - freqs.reduce((a, b) => a + b, 0))
  return { stats: { common, other: rest / Math.max(1, distinct - common.size) }, stale }
}

/** ANALYZE in the background: this search goes on with the statistics it has. */
function refresh(q: SqlRunner, index: TermIndex): void {
  if (analysing.has(index.table)) return
  analysing.add(index.table)
  q.query(`ANALYZE ${index.table}`).catch(() => undefined).finally(() => {
    analysing.delete(index.table)
    recent.delete(index.table)
  })
}
