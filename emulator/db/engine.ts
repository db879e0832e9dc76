/**
 * The SQL engine under the database endpoint: embedded PGlite (a data folder inside the project)
 * by default, or a PostgreSQL server when a connection URL is given. Atomicity, row locks,
 * unique indexes, snapshot transactions and durability all come from PostgreSQL.
 */
import fs from 'node:fs'
import { seedFromTemplate } from './pglite-template'
import { PreparedStatements } from './prepared'

export interface SqlResult<T = any> {
  rows: T[]
  affectedRows: number
}

export interface SqlRunner {
  query<T = any>(sql: string, params?: unknown[]): Promise<SqlResult<T>>
}

/** Inside a short transaction: queries, and `exec` for several statements sent as one (no parameters). */
export interface TxRunner extends SqlRunner {
  exec(sql: string): Promise<void>
}

/** A snapshot transaction held open across several requests (the SDK's startTransaction). */
export interface OpenTransaction extends SqlRunner {
  commit(): Promise<void>
  rollback(): Promise<void>
}

export interface SqlEngine extends SqlRunner {
  readonly kind: 'pglite' | 'postgres'
  exec(sql: string): Promise<void>
  /** One short transaction (READ COMMITTED): what every single-document operation runs in. */
  transaction<T>(fn: (q: TxRunner) => Promise<T>): Promise<T>
  /** A REPEATABLE READ transaction that stays open until commit or rollback. */
  begin(): Promise<OpenTransaction>
  /**
   * Reads planned with `settings` (enable_sort…), in a REPEATABLE READ transaction of their own: the
   * settings reach no other statement, and every read in `fn` sees the same snapshot.
   */
  planned<T>(settings: PlannerSettings, fn: (q: SqlRunner) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Planner settings by name (enable_sort…): names are the code's own, never a client's. */
export type PlannerSettings = Record<string, 'on' | 'off'>

/** `planned` for an engine: SET LOCAL lasts until the end of its transaction. */
function withPlannedReads(engine: Omit<SqlEngine, 'planned'>): SqlEngine {
  return {
    ...engine,
    planned(settings, fn) {
      return engine.transaction(async (q) => {
        // Before any query, or the isolation level can no longer change.
        await q.exec(['SET TRANSACTION ISOLATION LEVEL REPEATABLE READ', ...plannerSettingsSql(settings)].join('; '))
        return fn(q)
      })
    },
  }
}

/** SET LOCAL statements for `settings`. */
export function plannerSettingsSql(settings: PlannerSettings): string[] {
  return Object.entries(settings).map(([name, value]) => {
    if (!/^[a-z_]+$/.test(name) || (value !== 'on' && value !== 'off')) throw new Error(`not a planner setting: ${name}`)
    return `SET LOCAL ${name} = ${value}`
  })
}

/** PostgreSQL error codes that mean "another transaction got there first". */
export function isConflict(err: any): boolean {
  return err?.code === '40001' || err?.code === '40P01'
}

export function isUniqueViolation(err: any): boolean {
  return err?.code === '23505'
}

export async function openEngine(opts: { dataDir: string; databaseUrl?: string }): Promise<SqlEngine> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir)
}

const ROLLBACK = new Error('rollback requested')

async function openPglite(dataDir: string): Promise<SqlEngine> {
  fs.mkdirSync(dataDir, { recursive: true })
  // PGlite ships as ESM only; a dynamic import keeps this module loadable from CommonJS.
  const { PGlite } = await (new Function('m', 'return import(m)') as (m: string) => Promise<any>)('@electric-sql/pglite')
  await seedFromTemplate(dataDir, (dir) => PGlite.create(dir))
  const db = await PGlite.create(dataDir)
  // Prepared statements are planned for their values each time, as queries are (prepared.ts).
  await db.exec('SET plan_cache_mode = force_custom_plan')
  const statements = new PreparedStatements((sql) => db.exec(sql))
  const run = (q: any, inTransaction = true) => statements.runner((sql, params) => q.query(sql, params ?? []), inTransaction)
  return withPlannedReads({
    kind: 'pglite',
    query: run(db, false),
    async exec(sql) { await db.exec(sql) },
    transaction(fn) { return db.transaction((tx: any) => fn({ query: run(tx), exec: async (sql: string) => { await tx.exec(sql) } })) },
    async begin() {
      // PGlite has one connection: an open transaction holds it, and other requests queue behind
      // it until commit/rollback (this engine serializes; conflicts only appear on a server).
      let finish!: (commit: boolean) => void
      const decided = new Promise<boolean>((resolve) => { finish = resolve })
      let ready!: (tx: any) => void
      const txReady = new Promise<any>((resolve) => { ready = resolve })
      const done = db.transaction(async (tx: any) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        ready(tx)
        if (!(await decided)) throw ROLLBACK
      })
      const tx = await Promise.race([txReady, done.then(() => { throw new Error('transaction ended early') })])
      return {
        query: run(tx),
        async commit() { finish(true); await done },
        async rollback() { finish(false); await done.catch((err: unknown) => { if (err !== ROLLBACK) throw err }) },
      }
    },
    async close() { await db.close() },
  })
}

async function openPostgres(url: string): Promise<SqlEngine> {
  const { Pool } = require('pg') as typeof import('pg')
  const pool = new Pool({ connectionString: url, max: 12 })
  pool.on('error', () => undefined)
  const run = (c: { query: (sql: string, params?: unknown[]) => Promise<any> }) => async (sql: string, params?: unknown[]) => {
    const r = await c.query(sql, params ?? [])
    return { rows: r.rows, affectedRows: r.rowCount ?? 0 }
  }
  return withPlannedReads({
    kind: 'postgres',
    query: run(pool),
    async exec(sql) { await pool.query(sql) },
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn({ query: run(client), exec: async (sql: string) => { await client.query(sql) } })
        await client.query('COMMIT')
        return out
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async begin() {
      const client = await pool.connect()
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ')
      let released = false
      const release = () => { if (!released) { released = true; client.release() } }
      return {
        query: run(client),
        async commit() { try { await client.query('COMMIT') } finally { release() } },
        async rollback() { try { await client.query('ROLLBACK') } finally { release() } },
      }
    },
    async close() { await pool.end() },
  })
}
