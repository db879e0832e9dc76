/**
 * One PostgreSQL schema per environment (envName), one table per collection, indexes from the
 * manifest. Environments are created lazily on their first request, so test files that each
 * use their own envName run in parallel without seeing each other's data.
 */
import crypto from 'node:crypto'
import { indexedPaths } from './manifest'
import type { SqlEngine, SqlRunner } from './engine'
import type { CollectionSpec, Manifest } from './manifest'
import { ensureTermIndex, termIndexSpecs, type TermIndex } from './term-index'

const schemaNames = new Map<string, string>()

/** Memoised: every database request names its table, and a sha1 per request showed in the endpoint's profile. */
export function schemaName(envName: string): string {
  let name = schemaNames.get(envName)
  if (name === undefined) { name = computeSchemaName(envName); schemaNames.set(envName, name) }
  return name
}

function computeSchemaName(envName: string): string {
  const clean = envName.toLowerCase().replace(/[^a-z0-9]/g, '_').slice(0, 40)
  const hash = crypto.createHash('sha1').update(envName).digest('hex').slice(0, 8)
  return `env_${clean}_${hash}`
}

export function tableRef(envName: string, collection: string): string {
  return `"${schemaName(envName)}"."c_${collection}"`
}

/**
 * The SQL expression for a document field; indexes and queries must use the same expression. Each
 * key is quoted in the path array: unquoted, a key spelled NULL (any case) is the SQL NULL there,
 * and `doc #> '{null}'` is NULL for every document — a field named `null` was never found.
 * (Quoting changes no stored index: the array constant is the same, so older indexes still serve.)
 */
export function pathExpr(path: string, row?: string): string {
  const on = row ? `${row}.` : ''
  if (path === '_id') return `${on}_id`
  const parts = path.split('.').map((p) => p.replace(/[^A-Za-z0-9_]/g, ''))
  return `(${on}doc #> '{${parts.map((p) => `"${p}"`).join(',')}}')`
}

/**
 * A field's direction in an index or ORDER BY. MongoDB sorts a missing field as the lowest value:
 * first ascending, last descending. Indexes and queries use the same text, so the index serves the order.
 */
export const keyOrder = (dir: number) => (dir === -1 ? 'DESC NULLS LAST' : 'ASC NULLS FIRST')

function indexSql(envName: string, collection: string, spec: CollectionSpec['indexes'][number]): string {
  const cols = spec.keys
    .map(([field, dir]) => (field === '_id' ? `_id ${dir === 1 ? 'ASC' : 'DESC'}` : `${pathExpr(field)} ${keyOrder(dir)}`))
    .join(', ')
  const name = `ix_${collection}_${spec.name}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)
  // NULLS NOT DISTINCT: like MongoDB, at most one document may lack a uniquely indexed field.
  return `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON ${tableRef(envName, collection)} (${cols})${spec.unique ? ' NULLS NOT DISTINCT' : ''}`
}

/** SQLSTATE raised by an environment's general_path(): see update-statement.ts. */
export const GENERAL_PATH = 'LC001'

/** The function a one-statement update calls to hand a document to the general path (update-statement.ts). */
function generalPathFunctionSql(envName: string): string {
  return `CREATE OR REPLACE FUNCTION "${schemaName(envName)}".general_path() RETURNS boolean LANGUAGE plpgsql AS $f$
    BEGIN RAISE EXCEPTION 'this document needs the general update path' USING ERRCODE = '${GENERAL_PATH}'; END $f$`
}

/** Ids are strings or numbers (values.ts isDocId); the database refuses anything else. */
const ID_TYPE_CHECK = "CHECK (jsonb_typeof(_id) IN ('string', 'number'))"

/**
 * Data folders made before ids kept their type hold `_id text`; every id there was written as a
 * string, so it becomes the same jsonb string (indexes on _id are rebuilt by ALTER TYPE).
 */
async function migrateTextIds(q: SqlRunner, schema: string): Promise<void> {
  const old = await q.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = '_id' AND data_type = 'text'", [schema])
  for (const { table_name: table } of old.rows) {
    await q.query(`ALTER TABLE "${schema}"."${table}" ALTER COLUMN _id TYPE jsonb USING to_jsonb(_id), ADD ${ID_TYPE_CHECK}`)
  }
}

export class EnvironmentCatalog {
  private ready = new Map<string, Promise<void>>()
  /** env → collection → field paths that have held an array (no SQL pushdown for those). */
  private multikey = new Map<string, Map<string, Set<string>>>()
  /** env → collection → its term indexes (term-index.ts) whose side tables are complete. */
  private termIndexes = new Map<string, Map<string, TermIndex[]>>()

  constructor(private engine: SqlEngine, readonly manifest: Manifest) {}

  ensure(envName: string): Promise<void> {
    let p = this.ready.get(envName)
    if (!p) {
      p = this.create(envName).catch((err) => { this.ready.delete(envName); throw err })
      this.ready.set(envName, p)
    }
    return p
  }

  private async create(envName: string): Promise<void> {
    const schema = schemaName(envName)
    await this.engine.transaction(async (q) => {
      // Serialize concurrent creators of the same environment (several processes on one server).
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [schema])
      const existed = (await q.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rows.length > 0
      await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      if (existed) await migrateTextIds(q, schema)
      // Every table and index in one script: a test file makes an environment of 52 collections and
      // ~150 indexes, and statement by statement that took twice as long (660 → 330 ms on PGlite).
      await q.exec(this.tablesSql(envName).join(';\n'))
    })
    const rows = await this.engine.query<{ collection: string; path: string }>(`SELECT collection, path FROM "${schema}"."_multikey"`)
    const byCollection = new Map<string, Set<string>>()
    for (const r of rows.rows) {
      if (!byCollection.has(r.collection)) byCollection.set(r.collection, new Set())
      byCollection.get(r.collection)!.add(r.path)
    }
    this.multikey.set(envName, byCollection)
    for (const r of rows.rows) await this.ensureContainmentIndex(envName, r.collection, r.path)
  }

  /** Idempotent DDL for the environment's tables (one per manifest collection) and their indexes. */
  private tablesSql(envName: string): string[] {
    const out = [`CREATE TABLE IF NOT EXISTS "${schemaName(envName)}"."_multikey" (collection text NOT NULL, path text NOT NULL, PRIMARY KEY (collection, path))`, generalPathFunctionSql(envName)]
    for (const [name, spec] of this.manifest) {
      out.push(`CREATE TABLE IF NOT EXISTS ${tableRef(envName, name)} (_id jsonb PRIMARY KEY ${ID_TYPE_CHECK}, seq bigserial NOT NULL, doc jsonb NOT NULL)`)
      out.push(`CREATE INDEX IF NOT EXISTS "ix_${name}__seq" ON ${tableRef(envName, name)} (seq)`.slice(0, 1000))
      for (const ix of spec.indexes) out.push(indexSql(envName, name, ix))
    }
    return out
  }

  spec(collection: string): CollectionSpec | undefined {
    return this.manifest.get(collection)
  }

  isMultikey(envName: string, collection: string, path: string): boolean {
    return this.multikey.get(envName)?.get(collection)?.has(path) ?? false
  }

  /** Records that an indexed path held an array, so queries on it fall back to full evaluation. */
  async markMultikey(q: SqlRunner, envName: string, collection: string, paths: string[]): Promise<void> {
    const known = this.multikey.get(envName) ?? new Map<string, Set<string>>()
    this.multikey.set(envName, known)
    const set = known.get(collection) ?? new Set<string>()
    known.set(collection, set)
    for (const path of paths) {
      if (set.has(path)) continue
      set.add(path)
      await q.query(`INSERT INTO "${schemaName(envName)}"."_multikey" (collection, path) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [collection, path])
      // Built after this write, in its own transaction: a query is correct without it, only slower.
      void this.ensureContainmentIndex(envName, collection, path).catch(() => undefined)
    }
  }

  /**
   * A GIN index for containment (`@>`) on a top-level indexed field that holds arrays — how the
   * keyword search's `searchTerms: _.all(terms)` is answered from an index (pushdown.ts), as a
   * multikey index answers it on the real cloud. Concurrent builders of the same index serialize.
   */
  private async ensureContainmentIndex(envName: string, collection: string, path: string): Promise<void> {
    const spec = this.spec(collection)
    if (!spec || path.includes('.') || !indexedPaths(spec).has(path)) return
    const name = `gx_${collection}_${path}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60)
    const generation = this.ready.get(envName)
    const ready = await this.engine.transaction(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schemaName(envName)}.${name}`])
      await q.query(`CREATE INDEX IF NOT EXISTS "${name}" ON ${tableRef(envName, collection)} USING gin (${pathExpr(path)} jsonb_path_ops)`)
      const built: TermIndex[] = []
      for (const ix of termIndexSpecs(spec, path)) built.push(await ensureTermIndex(q, envName, collection, ix))
      return built
    })
    // Known only once committed (until then a query is answered without them, correctly), and
    // only if the environment was not dropped meanwhile (its tables went with it).
    if (!ready.length || this.ready.get(envName) !== generation) return
    const byCollection = this.termIndexes.get(envName) ?? new Map<string, TermIndex[]>()
    this.termIndexes.set(envName, byCollection)
    const known = byCollection.get(collection) ?? []
    byCollection.set(collection, [...known, ...ready.filter((ix) => !known.some((k) => k.table === ix.table))])
  }

  /** The complete term index that reads `path`'s elements in exactly `sort`'s order, if there is one. */
  termIndexFor(envName: string, collection: string, path: string, sort: Record<string, number> | undefined): TermIndex | undefined {
    const keys = Object.entries(sort ?? {})
    return this.termIndexes.get(envName)?.get(collection)?.find((ix) => ix.path === path
      && ix.sortKeys.length === keys.length && ix.sortKeys.every(([field, dir], i) => keys[i][0] === field && keys[i][1] === dir))
  }

  /** Drops an environment's data (used by seed:reset and tests). */
  async drop(envName: string): Promise<void> {
    await this.engine.exec(`DROP SCHEMA IF EXISTS "${schemaName(envName)}" CASCADE`)
    this.ready.delete(envName)
    this.multikey.delete(envName)
    this.termIndexes.delete(envName)
  }
}
