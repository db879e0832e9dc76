/**
 * A conditional update of one document by id, as ONE SQL statement: `where({ _id, n: _.lt(cap) })
 * .update({ n: _.inc(1) })`, a sign-up's commit (its ledger entry, counters, the queue). The general
 * path (store.ts) runs four statements for it — BEGIN, the locked read, the write, COMMIT — and
 * brings the document (a large activity's queue) into JavaScript and back. The endpoint's profile of
 * 1,000 concurrent increments had the database thread busy with exactly that.
 *
 * The statement is an UPDATE whose WHERE decides the query and whose SET computes the operators,
 * both in SQL, so PostgreSQL's own row lock and re-check of the latest version (READ COMMITTED)
 * make it as atomic as the general path's SELECT … FOR UPDATE.
 *
 * It takes only shapes whose SQL means exactly what MongoDB means:
 *  - the query names one `_id`, and otherwise scalar equality, ranges, $in, $exists, $and, $or;
 *  - the update is $set, $inc by a whole number, $push of values ($each without modifiers), on
 *    plain paths no two of which overlap, and it changes the document for certain (an $inc ≠ 0 or a
 *    $push of something), so "updated" is "matched";
 *  - nothing it writes can make an indexed path hold an array (the catalog's multikey record).
 * Where the document itself departs from the plain case — an array on a path the query reads, a
 * missing parent the update must create (or a date where it needs an object), an $inc on a
 * non-number or past 2^53, a $push on a non-array — the statement raises GENERAL_PATH before
 * changing anything, and the caller runs the general path, which answers as before.
 */
import { GENERAL_PATH, pathExpr, schemaName } from './schema'
import { Params, holdsNul, isOperatorObject, translateQuery } from './pushdown'
import { toStored, walkableObjectSql, type Doc, type DocId, isDocId, idParam } from './values'

/** The statement's refusal: this document needs the general path (never an error for the caller). */
export const needsGeneralPath = (err: any) => err?.code === GENERAL_PATH

export interface UpdateStatement {
  sql: string
  params: unknown[]
}

/** A path component this module writes into SQL text: plain names only, never an array index. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/
const MAX_SAFE = Number.MAX_SAFE_INTEGER
const ALWAYS = () => true

/**
 * The statement for `update` of the document `query` names, or null when the shape is not one of
 * the above (the general path takes it). `indexed`: the collection's indexed paths.
 */
export function updateStatement(envName: string, table: string, query: Doc | undefined, update: Doc, indexed: Set<string>): UpdateStatement | null {
  const split = splitId(query)
  if (!split) return null
  const params = new Params()
  params.add(idParam(split.id))
  const guards: string[] = []
  const condition = conditionSql(split.rest, params, guards)
  if (condition === null) return null
  const write = writeSql(update, params, guards, indexed)
  if (write === null) return null
  const checked = guards.length ? `CASE WHEN ${guards.join(' AND ')} THEN ${condition} ELSE "${schemaName(envName)}".general_path() END` : condition
  // `doc || '{}'` reads the stored document once (detoasted) for every expression over it; each
  // `doc #> …` on the column itself would decompress a large document again.
  const once = (expr: string) => `(SELECT ${expr} FROM (SELECT doc || '{}'::jsonb AS doc OFFSET 0) x)`
  return { sql: `UPDATE ${table} SET doc = ${once(write)} WHERE _id = $1::jsonb AND ${once(checked)}`, params: params.values }
}

/** The query's one `_id` (top level or inside a top-level $and) and the rest, or null. */
function splitId(query: Doc | undefined): { id: DocId; rest: Doc[] } | null {
  const rest: Doc[] = []
  let id: DocId | undefined
  const visit = (q: Doc): boolean => {
    for (const [key, cond] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(cond)) {
        if (!cond.every((c) => c && typeof c === 'object' && !Array.isArray(c) && visit(c))) return false
      } else if (key === '_id') {
        if (!isDocId(cond) || (id !== undefined && id !== cond)) return false
        id = cond
      } else {
        rest.push({ [key]: cond })
      }
    }
    return true
  }
  // An id holding NUL names no document (pushdown.ts): the general path answers that without a parameter.
  if (!query || !visit(query) || id === undefined || holdsNul(id)) return null
  return { id, rest }
}

/**
 * SQL for the conditions (over `doc`), exact for a document with no array on any path they read;
 * those paths' "no array here" tests go into `guards`. Null when some condition is not exact.
 */
function conditionSql(conditions: Doc[], params: Params, guards: string[]): string | null {
  const parts: string[] = []
  for (const c of conditions) {
    const sql = oneCondition(c, params, guards)
    if (sql === null) return null
    parts.push(sql)
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' AND ') : 'TRUE'
}

function oneCondition(c: Doc, params: Params, guards: string[]): string | null {
  const [[key, cond]] = Object.entries(c)
  if (key === '$or' || key === '$and') {
    if (!Array.isArray(cond) || !cond.length) return null
    const branches: string[] = []
    for (const b of cond) {
      if (!b || typeof b !== 'object' || Array.isArray(b) || '_id' in b) return null
      const sql = conditionSql(Object.entries(b).map(([k, v]) => ({ [k]: v })), params, guards)
      if (sql === null) return null
      branches.push(`(${sql})`)
    }
    return branches.join(key === '$or' ? ' OR ' : ' AND ')
  }
  const parts = plainPath(key)
  if (!parts || parts[0] === '_id') return null
  guards.push(...noArrayAlong(parts))
  if (isOperatorObject(cond) && '$exists' in cond) {
    const { $exists: exists, ...others } = cond
    if (typeof exists !== 'boolean') return null
    const present = `${pathExpr(key)} IS ${exists ? 'NOT ' : ''}NULL`
    if (!Object.keys(others).length) return present
    const rest = translateQuery({ [key]: others }, ALWAYS, params)
    return rest.exact ? `${present} AND ${rest.sql}` : null
  }
  const filter = translateQuery({ [key]: cond }, ALWAYS, params)
  return filter.exact ? filter.sql : null
}

/**
 * The document after the update (SQL over `doc`), or null. The update's own preconditions — each
 * written path's parent an object, $inc on a number, $push on an array — go into `guards`.
 */
function writeSql(update: Doc, params: Params, guards: string[], indexed: Set<string>): string | null {
  const ops = Object.keys(update).some((k) => k.startsWith('$')) ? update : { $set: update }
  const writes: Array<{ parts: string[]; value: string }> = []
  let changes = false
  for (const [op, fields] of Object.entries(ops)) {
    if (!fields || typeof fields !== 'object') return null
    for (const [path, value] of Object.entries(fields as Doc)) {
      const parts = plainPath(path)
      if (!parts || parts[0] === '_id') return null
      const at = pathExpr(path)
      if (op === '$set') {
        const stored = storable(value)
        if (stored === undefined) return null
        if (touchesIndex(path, indexed) && holdsArray(stored)) return null
        writes.push({ parts, value: `${params.add(JSON.stringify(stored))}::jsonb` })
      } else if (op === '$inc') {
        if (!Number.isSafeInteger(value)) return null
        // jsonb numbers are exact decimals; JavaScript's are doubles. Whole numbers below 2^53 agree.
        // CASE, not AND: only a number may be cast (PostgreSQL does not promise AND's order).
        const sum = `(COALESCE((${at})::numeric, 0) + ${params.add(String(value))}::numeric)`
        guards.push(`(CASE WHEN ${at} IS NULL THEN TRUE WHEN jsonb_typeof(${at}) = 'number' THEN trunc((${at})::numeric) = (${at})::numeric AND abs${sum} <= ${MAX_SAFE} ELSE FALSE END)`)
        writes.push({ parts, value: `to_jsonb${sum}` })
        if (value !== 0) changes = true
      } else if (op === '$push') {
        const each = pushedValues(value)
        if (!each || touchesIndex(path, indexed)) return null
        guards.push(`(${at} IS NULL OR jsonb_typeof(${at}) = 'array')`)
        const stored = storable(each)
        if (stored === undefined) return null
        writes.push({ parts, value: `(COALESCE(${at}, '[]'::jsonb) || ${params.add(JSON.stringify(stored))}::jsonb)` })
        if (each.length) changes = true
      } else {
        return null
      }
    }
  }
  if (!changes || overlapping(writes.map((w) => w.parts))) return null
  let sql = 'doc'
  const top = writes.filter((w) => w.parts.length === 1)
  if (top.length) sql = `(doc || jsonb_build_object(${top.map((w) => `${params.add(w.parts[0])}::text, ${w.value}`).join(', ')}))`
  for (const w of writes.filter((x) => x.parts.length > 1)) {
    const parent = w.parts.slice(0, -1)
    // An object parent means no array on the way to it either: `#>` does not step into an array by
    // name. A stored date ({"$date": ms}) is a value, not an object to write into.
    guards.push(walkableObjectSql(pathExpr(parent.join('.'))))
    sql = `jsonb_set(${sql}, ARRAY[${w.parts.map((k) => `${params.add(k)}::text`).join(', ')}], ${w.value}, true)`
  }
  return sql
}

/** The stored form of a value, or undefined when it cannot be stored (the general path says why). */
function storable(value: unknown): unknown {
  try {
    return toStored(value)
  } catch {
    return undefined
  }
}

/** `{ $each: [...] }` with no modifier ($position, $slice, $sort), as the SDK sends `_.push([...])`. */
function pushedValues(value: unknown): unknown[] | null {
  if (!isOperatorObject(value) || Object.keys(value as Doc).length !== 1 || !Array.isArray((value as Doc).$each)) return null
  return (value as Doc).$each
}

function plainPath(path: string): string[] | null {
  const parts = path.split('.')
  return parts.length <= 20 && parts.every((k) => PLAIN_KEY.test(k)) ? parts : null
}

/** "Not an array" for each step of the path, the last included: MongoDB reads into arrays, SQL here does not. */
function noArrayAlong(parts: string[]): string[] {
  return parts.map((_k, i) => `jsonb_typeof(${pathExpr(parts.slice(0, i + 1).join('.'))}) IS DISTINCT FROM 'array'`)
}

function touchesIndex(path: string, indexed: Set<string>): boolean {
  for (const ix of indexed) if (ix === path || ix.startsWith(`${path}.`) || path.startsWith(`${ix}.`)) return true
  return false
}

function holdsArray(value: unknown): boolean {
  if (Array.isArray(value)) return true
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsArray)
}

/** Two writes on the same path or one inside the other (MongoDB refuses those: the general path says so). */
function overlapping(paths: string[][]): boolean {
  const keys = paths.map((p) => p.join('.'))
  return keys.some((a, i) => keys.some((b, j) => i !== j && (a === b || b.startsWith(`${a}.`))))
}
