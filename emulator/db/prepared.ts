/**
 * Prepared statements for PGlite. The endpoint builds the same SQL text again and again with new
 * parameters (a conditional update by _id, a pruned read of an activity); PGlite parsed, analysed
 * and planned each one anew, and for those statements that was most of their cost (measured on
 * PGlite 18: the one-statement conditional increment 495–565 µs as a query, 170 µs as EXECUTE of the
 * same statement prepared, 290 µs with a custom plan each time). PGlite's query() cannot name a
 * statement, so a text seen twice is PREPAREd in the session (PGlite has one) and then run as
 * `EXECUTE name('literal', …)`: the literals are coerced to the parameter types PostgreSQL inferred
 * at PREPARE, exactly as the text parameters of a query are.
 *
 * Plans stay custom (plan_cache_mode = force_custom_plan, set at open): each execution is planned
 * for its own values, as a query is, so a generic plan can never pick a worse index for some values.
 *
 * Where a prepared statement is not safe to use it is not used, and the query runs as before:
 * - a value that is not a string, a finite number or null (PGlite serialises the others its own way);
 * - a string holding U+0000, which no literal can carry (the query gives the same refusal);
 * - a PREPARE that failed (a parameter whose type PostgreSQL cannot infer alone).
 * PREPARE runs only outside transactions: inside one, its failure would abort the transaction.
 * A text first prepared inside a transaction is prepared on the side and used from its next run.
 */
import type { SqlResult } from './engine'

/** PGlite's query(), on the session or on a transaction of it. */
type PgliteQuery = (sql: string, params?: unknown[]) => Promise<{ rows: any[]; affectedRows?: number }>
/** PGlite's exec() on the session: statements without parameters, outside any transaction. */
type PgliteExec = (sql: string) => Promise<unknown>

/** Prepared texts kept at once; the least recently used is deallocated beyond this (each test environment has its own tables, so its own texts). */
const MAX_PREPARED = 400
/** Texts counted but not (yet) prepared, and texts that could not be: each set starts again when this many are in it. */
const MAX_PENDING = 5000

/** PostgreSQL's invalid_sql_statement_name: EXECUTE of a name not prepared. */
const NO_SUCH_STATEMENT = '26000'

interface Prepared {
  name: string
  /** resolves to whether PREPARE succeeded */
  ready: Promise<boolean>
  /** what `ready` resolved to, once it has (set before any later awaiter of `ready` resumes) */
  ok: boolean | undefined
}

export class PreparedStatements {
  private readonly prepared = new Map<string, Prepared>()
  private readonly seen = new Map<string, number>()
  private readonly failed = new Set<string>()
  private counter = 0

  /** `session`: PGlite's top-level exec (outside any transaction), which PREPARE and DEALLOCATE use. */
  constructor(private readonly session: PgliteExec, private readonly maxPrepared = MAX_PREPARED) {}

  /** A query runner over `q` (the session, or an open transaction of it) that uses prepared statements. */
  runner(q: PgliteQuery, inTransaction: boolean): (sql: string, params?: unknown[]) => Promise<SqlResult> {
    return async (sql, params = []) => {
      const literals = params.length ? literalsOf(params) : null
      const statement = literals ? await this.statementFor(sql, inTransaction) : null
      const r = statement ? await q(`EXECUTE ${statement}(${literals!.join(', ')})`).catch((err) => {
        // Deallocated between being looked up and run (only possible outside a transaction: inside
        // one, a DEALLOCATE waits for it to end). The query itself then answers.
        if (!inTransaction && err?.code === NO_SUCH_STATEMENT) return q(sql, params)
        throw err
      }) : await q(sql, params)
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 }
    }
  }

  /** The prepared name to execute `sql` as, or null to run it as a query this time. */
  private async statementFor(sql: string, inTransaction: boolean): Promise<string | null> {
    const known = this.prepared.get(sql)
    if (known) {
      // Most recently used last: the first entry is the one to deallocate.
      this.prepared.delete(sql)
      this.prepared.set(sql, known)
      if (known.ok === undefined && !inTransaction) await known.ready
      return known.ok ? known.name : null
    }
    if (this.failed.has(sql)) return null
    const times = (this.seen.get(sql) ?? 0) + 1
    if (times < 2) {
      if (this.seen.size >= MAX_PENDING) this.seen.clear()
      this.seen.set(sql, times)
      return null
    }
    this.seen.delete(sql)
    const entry = this.prepare(sql)
    // Inside a transaction the session is busy until it ends: never wait for it there.
    if (inTransaction) return null
    await entry.ready
    return entry.ok ? entry.name : null
  }

  private prepare(sql: string): Prepared {
    const name = `lc_${(this.counter += 1)}`
    if (this.prepared.size >= this.maxPrepared) this.evictOldest()
    const entry: Prepared = { name, ok: undefined, ready: Promise.resolve(false) }
    entry.ready = this.session(`PREPARE ${name} AS ${sql}`).then(() => true, () => {
      if (this.failed.size >= MAX_PENDING) this.failed.clear()
      this.failed.add(sql)
      if (this.prepared.get(sql) === entry) this.prepared.delete(sql)
      return false
    })
    entry.ready.then((ok) => { entry.ok = ok })
    this.prepared.set(sql, entry)
    return entry
  }

  /**
   * Forgets the least recently used statement and deallocates it on the session. It is taken out of
   * the map first, so nothing new executes it; an EXECUTE already sent runs before the DEALLOCATE,
   * which waits behind it in PGlite's queue (or behind the transaction that sent it).
   */
  private evictOldest(): void {
    const [sql, oldest] = this.prepared.entries().next().value as [string, Prepared]
    this.prepared.delete(sql)
    void oldest.ready.then((ok) => (ok ? this.session(`DEALLOCATE ${oldest.name}`) : undefined)).catch(() => undefined)
  }
}

/** SQL literals for the values, or null when one of them cannot be written as one. */
function literalsOf(params: unknown[]): string[] | null {
  const out: string[] = []
  for (const v of params) {
    if (v === null) out.push('NULL')
    else if (typeof v === 'string') {
      if (v.includes('\u0000')) return null
      out.push(`'${v.replace(/'/g, "''")}'`)
    } else if (typeof v === 'number' && Number.isFinite(v)) out.push(`'${String(v)}'`)
    else return null
  }
  return out
}
