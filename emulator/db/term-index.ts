/**
 * A compound index led by an array field — `{ searchTerms: 1, pinned: -1, publishedAt: -1 }` — as
 * the real cloud's MongoDB keeps it: one entry per element of the array, each followed by the
 * document's other keys, so the documents holding one term can be read already in that order.
 * PostgreSQL indexes a jsonb array as one value, so here the entries live in a side table beside
 * the collection's table (one row per element and document, with copies of the other keys) under a
 * btree in the index's order. Triggers keep it in the same transaction as every write to the
 * collection, so it can never disagree with the documents; term-walk.ts reads it.
 *
 * Built (with the rows already stored) when the leading field first holds an array, like the GIN
 * containment index (schema.ts).
 */
import type { TxRunner } from './engine'
import type { CollectionSpec, IndexSpec } from './manifest'
import { keyOrder, pathExpr, schemaName, tableRef } from './schema'

/** One side table: where it is, and the sort keys (after the array field) it keeps in order. */
export interface TermIndex {
  /** The side table, quoted and schema-qualified for SQL; and its bare schema and name (for the catalogs). */
  table: string
  schema: string
  name: string
  /** The array field whose elements lead the index. */
  path: string
  sortKeys: Array<[string, 1 | -1]>
}

/** Indexes of `spec` that lead with `path` and go on with other fields (the ones a side table serves). */
export function termIndexSpecs(spec: CollectionSpec, path: string): IndexSpec[] {
  return spec.indexes.filter((ix) => ix.keys.length > 1 && ix.keys[0][0] === path
    && ix.keys.slice(1).every(([field]) => field !== '_id' && field !== path))
}

export function termIndexOf(envName: string, collection: string, ix: IndexSpec): TermIndex {
  const name = `t_${collection}_${ix.name}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 50)
  return { table: `"${schemaName(envName)}"."${name}"`, schema: schemaName(envName), name, path: ix.keys[0][0], sortKeys: ix.keys.slice(1) }
}

/**
 * Creates the side table, its trigger and its rows, once; in the caller's transaction, which holds
 * the collection's table against writes meanwhile, so no document is written between the rows
 * copied here and the trigger taking over.
 */
export async function ensureTermIndex(q: TxRunner, envName: string, collection: string, ix: IndexSpec): Promise<TermIndex> {
  const index = termIndexOf(envName, collection, ix)
  const exists = await q.query('SELECT to_regclass($1) IS NOT NULL AS found', [index.table])
  if (exists.rows[0].found) return index
  const source = tableRef(envName, collection)
  await q.query(`LOCK TABLE ${source} IN SHARE ROW EXCLUSIVE MODE`)
  const keys = index.sortKeys.map((_k, i) => `k${i}`)
  const arrayPath = index.path
  // One entry per distinct element: ["体检", "体检"] is one document holding 体检, found once.
  const entries = (row: string) => `SELECT DISTINCT ${row}.seq, e, ${index.sortKeys.map(([field]) => pathExpr(field, row)).join(', ')}
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${pathExpr(arrayPath, row)}) = 'array' THEN ${pathExpr(arrayPath, row)} ELSE '[]'::jsonb END) e`
  const fn = (suffix: string) => `"${index.schema}"."${index.name}_${suffix}"`
  const changed = [arrayPath, ...index.sortKeys.map(([field]) => field)].map((field) => `${pathExpr(field, 'OLD')} IS DISTINCT FROM ${pathExpr(field, 'NEW')}`).join(' OR ')
  const copy = (from: string) => `INSERT INTO ${index.table} SELECT d.* FROM ${from} c, LATERAL (${entries('c')}) d`
  // Inserts and deletes once per statement (a batch add of 500 notices is one INSERT of their
  // entries, not 500 trigger calls); updates per document, only when the indexed fields changed.
  await q.exec(`
    CREATE TABLE ${index.table} (seq bigint NOT NULL, term jsonb NOT NULL, ${keys.map((k) => `${k} jsonb`).join(', ')});
    CREATE INDEX ON ${index.table} (term, ${keys.map((k, i) => `${k} ${keyOrder(index.sortKeys[i][1])}`).join(', ')}, seq);
    CREATE INDEX ON ${index.table} (seq);
    CREATE FUNCTION ${fn('added')}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN ${copy('added')}; RETURN NULL; END $f$;
    CREATE FUNCTION ${fn('removed')}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN DELETE FROM ${index.table} WHERE seq IN (SELECT seq FROM removed); RETURN NULL; END $f$;
    CREATE FUNCTION ${fn('changed')}() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN DELETE FROM ${index.table} WHERE seq = OLD.seq; INSERT INTO ${index.table} ${entries('NEW')}; RETURN NULL; END $f$;
    CREATE TRIGGER "${index.name}_i" AFTER INSERT ON ${source} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${fn('added')}();
    CREATE TRIGGER "${index.name}_d" AFTER DELETE ON ${source} REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${fn('removed')}();
    CREATE TRIGGER "${index.name}_u" AFTER UPDATE ON ${source} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${fn('changed')}();
    ${copy(source)};
    ANALYZE ${index.table};`)
  return index
}

