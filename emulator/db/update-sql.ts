/**
 * A conditional update of a large document, written back by path. The endpoint's profile of a
 * 1,000-person sign-up showed most of its time moving whole activity documents (a ledger of every
 * sign-up, ~100 KB) through each update: read whole, parsed, converted, compared, serialized, sent
 * back and parsed again by PostgreSQL — to change one ledger entry and three counters.
 *
 * Here the locked row is read pruned to what the update and the query touch (projection-sql.ts),
 * the update operators run on that pruned document exactly as on a whole one (mingo, evaluator.ts),
 * and only the changed parts go back, as jsonb_set on the stored document in the same statement.
 *
 * Why the result equals the whole-document path: pruning keeps, along every path it is given,
 * objects as objects and the first value that is not an object (array, scalar, absent) whole. An
 * update operator reads and writes only along its own path. So the pruned document after the update
 * holds, at each *write position* below, exactly the value the whole document would hold there:
 *  - the update's own path, when every step on the way down was an object; or
 *  - the first step that was not an object (absent, an array, a scalar) — rewritten whole, since
 *    the operator may have created it ('a.b.c' on a missing 'a') or changed inside it ('list.1').
 * A write position's parent is an object in the stored document, so jsonb_set (create_missing)
 * adds or replaces that one key and `#-` removes it; nothing else of the document is sent.
 */
import { MAX_JSON_DEPTH } from '../http'
import type { Params } from './pushdown'
import { isStoredDate, type Doc } from './values'

/**
 * The field paths an update touches, or null when it must take the whole-document path: positional
 * paths ($, $[], $[id]) depend on the query's match inside arrays; an empty update writes nothing.
 */
export function updatePaths(update: Doc): string[][] | null {
  const ops = Object.keys(update).some((k) => k.startsWith('$')) ? update : { $set: update }
  const paths: string[] = []
  for (const [op, fields] of Object.entries(ops)) {
    if (!fields || typeof fields !== 'object') return null
    for (const [path, value] of Object.entries(fields as Doc)) {
      paths.push(path)
      if (op === '$rename') {
        if (typeof value !== 'string') return null
        paths.push(value)
      }
    }
  }
  if (!paths.length) return null
  const split = paths.map((p) => p.split('.'))
  const plain = split.every((parts) => parts.length <= MAX_JSON_DEPTH && parts[0] !== '_id' && parts.every((k) => k !== '' && !k.startsWith('$')))
  return plain ? split : null
}

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v)
/** A stored date is a value to the evaluator, not an object to walk into. */
const isWalkable = (v: unknown): v is Doc => isObject(v) && !isStoredDate(v)

/** Where each path's change must be written (see the file comment), without positions inside others. */
export function writePositions(before: Doc, paths: string[][]): string[][] {
  const positions: string[][] = []
  for (const parts of paths) {
    let node: unknown = before
    let at = parts.length
    for (let i = 0; i < parts.length - 1; i++) {
      node = isWalkable(node) ? node[parts[i]] : undefined
      if (!isWalkable(node)) { at = i + 1; break }
    }
    positions.push(parts.slice(0, at))
  }
  const key = (p: string[]) => JSON.stringify(p)
  const unique = [...new Map(positions.map((p) => [key(p), p])).values()]
  const within = (p: string[], outer: string[]) => outer.length < p.length && outer.every((k, i) => p[i] === k)
  return unique.filter((p) => !unique.some((outer) => within(p, outer)))
}

function valueAt(doc: Doc, parts: string[]): unknown {
  let node: unknown = doc
  for (const k of parts) node = isObject(node) ? node[k] : undefined
  return node
}

/**
 * The SQL expression (over `doc`) of the stored document after the update: top-level changes as one
 * `||` and `-`, deeper ones as jsonb_set / `#-` at their positions. `after` is the stored form of
 * the updated pruned document.
 */
export function writeBackSql(after: Doc, positions: string[][], params: Params): string {
  const top: Doc = {}
  const removedTop: string[] = []
  const deeper: Array<{ parts: string[]; value: unknown }> = []
  for (const parts of positions) {
    const value = valueAt(after, parts)
    if (parts.length === 1) {
      if (value === undefined) removedTop.push(parts[0])
      else top[parts[0]] = value
    } else {
      deeper.push({ parts, value })
    }
  }
  let sql = 'doc'
  for (const k of removedTop) sql = `(${sql} - ${params.add(k)}::text)`
  if (Object.keys(top).length) sql = `(${sql} || ${params.add(JSON.stringify(top))}::jsonb)`
  for (const { parts, value } of deeper) {
    const path = `ARRAY[${parts.map((k) => `${params.add(k)}::text`).join(', ')}]`
    sql = value === undefined ? `(${sql} #- ${path})` : `jsonb_set(${sql}, ${path}, ${params.add(JSON.stringify(value))}::jsonb, true)`
  }
  return sql
}
