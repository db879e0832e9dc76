/**
 * Translates the index-friendly part of a MongoDB query into SQL so list queries use PostgreSQL
 * indexes instead of scanning in JavaScript. Only fields that lead a manifest index (and have
 * never held an array — MongoDB's "multikey") are translated, with exact scalar semantics.
 * `exact` says whether the SQL alone decides the match; otherwise the SQL is a superset and the
 * evaluator (mingo) filters the candidates.
 */
import { keyOrder, pathExpr } from './schema'
import { storedScalarJson, storedTypeOf } from './values'

export interface SqlFilter {
  sql: string
  exact: boolean
}

export class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }
const TRUE: SqlFilter = { sql: 'TRUE', exact: true }
const UNTRANSLATED: SqlFilter = { sql: 'TRUE', exact: false }

const NONE = () => false
const NO_MATCH: SqlFilter = { sql: 'FALSE', exact: true }

/**
 * A string holding U+0000. jsonb has no NUL, so no stored document holds such a string and it
 * cannot be a SQL parameter: an equality or containment with it matches nothing (as in MongoDB for
 * a value nobody stored), and a range with it is left to the evaluator.
 */
export const holdsNul = (value: unknown) => typeof value === 'string' && value.includes('\u0000')

/**
 * `containable`: top-level indexed fields that have held arrays (multikey). Those are not compared
 * as scalars, but `$all` of plain values narrows the candidates by jsonb containment, which a GIN
 * index answers (schema.ts makes one for each such field) — the keyword search's `searchTerms:
 * _.all(terms)`.
 */
export function translateQuery(query: Record<string, any> | undefined, pushable: (path: string) => boolean, params: Params, containable: (path: string) => boolean = NONE): SqlFilter {
  if (!query || typeof query !== 'object') return TRUE
  const parts: SqlFilter[] = []
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) parts.push(...cond.map((c) => translateQuery(c, pushable, params, containable)))
    else if (key === '$or' && Array.isArray(cond)) parts.push(translateOr(cond, pushable, params, containable))
    else if (key.startsWith('$')) parts.push(UNTRANSLATED)
    else if (!pushable(key) && containable(key)) parts.push(containment(key, cond, params))
    else parts.push(translateField(key, cond, pushable, params))
  }
  return combineAnd(parts)
}

/**
 * `{field: {$all: [plain values]}}` → the field's array holds them all, as top-level elements. jsonb
 * containment decides it exactly as the evaluator does for plain values: a scalar field or values
 * only inside nested arrays match neither, numbers compare by value (db-containment-pushdown.test.ts
 * checks each case against the evaluator). So the SQL decides, and the query can be paged in SQL.
 */
function containment(path: string, cond: any, params: Params): SqlFilter {
  if (!isOperatorObject(cond) || !Array.isArray(cond.$all) || cond.$all.length === 0) return UNTRANSLATED
  const values = cond.$all as unknown[]
  if (values.some(holdsNul)) return NO_MATCH
  if (!values.every((v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) return UNTRANSLATED
  return { sql: `${pathExpr(path)} @> ${params.add(JSON.stringify(values))}::jsonb`, exact: true }
}

function combineAnd(parts: SqlFilter[]): SqlFilter {
  const sqls = parts.filter((p) => p.sql !== 'TRUE').map((p) => p.sql)
  return { sql: sqls.length ? sqls.join(' AND ') : 'TRUE', exact: parts.every((p) => p.exact) }
}

function translateOr(branches: any[], pushable: (path: string) => boolean, params: Params, containable: (path: string) => boolean): SqlFilter {
  const before = params.values.length
  const translated = branches.map((b) => translateQuery(b, pushable, params, containable))
  if (translated.some((t) => !t.exact)) {
    params.values.length = before
    return UNTRANSLATED
  }
  return { sql: `(${translated.map((t) => `(${t.sql})`).join(' OR ')})`, exact: true }
}

/** `{ $op: … }` and nothing else: conditions on one field, not a value to compare with. */
export function isOperatorObject(cond: any): cond is Record<string, any> {
  return cond !== null && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof Date) && !(cond instanceof RegExp)
    && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$'))
}

function translateField(path: string, cond: any, pushable: (path: string) => boolean, params: Params): SqlFilter {
  if (!pushable(path)) return UNTRANSLATED
  if (!isOperatorObject(cond)) return equality(path, cond, params) ?? UNTRANSLATED
  const parts: SqlFilter[] = []
  for (const [op, value] of Object.entries(cond)) {
    if (op === '$eq') parts.push(equality(path, value, params) ?? UNTRANSLATED)
    else if (op in RANGE_SQL) parts.push(range(path, RANGE_SQL[op], value, params) ?? UNTRANSLATED)
    else if (op === '$in' && Array.isArray(value)) parts.push(membership(path, value, params) ?? UNTRANSLATED)
    else parts.push(UNTRANSLATED)
  }
  return combineAnd(parts)
}

// `_id` is a jsonb column holding a string or a number; the same jsonb comparisons as any
// indexed field apply to it (pathExpr('_id') is the column), so 1 and "1" never match each other.
function equality(path: string, value: any, params: Params): SqlFilter | null {
  if (holdsNul(value)) return NO_MATCH
  const json = storedScalarJson(value)
  return json === null ? null : { sql: `${pathExpr(path)} = ${params.add(json)}::jsonb`, exact: true }
}

function range(path: string, op: string, value: any, params: Params): SqlFilter | null {
  if (holdsNul(value)) return null
  const json = storedScalarJson(value)
  const type = storedTypeOf(value)
  if (json === null || type === null || type === 'boolean') return null
  const expr = pathExpr(path)
  // MongoDB compares only within a type (a number range never matches a string); so does this.
  const typeTest = type === 'object' ? `${expr} ? '$date'` : `jsonb_typeof(${expr}) = '${type}'`
  return { sql: `(${typeTest} AND ${expr} ${op} ${params.add(json)}::jsonb)`, exact: true }
}

function membership(path: string, all: any[], params: Params): SqlFilter | null {
  const values = all.filter((v) => !holdsNul(v))
  if (values.length === 0) return NO_MATCH
  const jsons = values.map(storedScalarJson)
  if (jsons.some((j) => j === null)) return null
  return { sql: `${pathExpr(path)} IN (${jsons.map((j) => `${params.add(j)}::jsonb`).join(', ')})`, exact: true }
}

/** ORDER BY for an orderBy spec, or null when some key cannot be sorted by SQL. */
export function translateSort(sort: Record<string, number> | undefined, pushable: (path: string) => boolean): string | null {
  const keys = Object.entries(sort ?? {})
  if (!keys.every(([path]) => path === '_id' || pushable(path))) return null
  const cols = keys.map(([path, dir]) => (path === '_id' ? `_id ${dir === -1 ? 'DESC' : 'ASC'}` : `${pathExpr(path)} ${keyOrder(dir)}`))
  cols.push('seq ASC')
  return cols.join(', ')
}
