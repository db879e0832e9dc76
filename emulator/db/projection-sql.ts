/**
 * Projection on the database side, as the real cloud database does it: a `field({ a: true, 'b.c':
 * true })` read returns only those parts of each document from PostgreSQL, instead of the whole
 * document for projection.ts to cut down in JavaScript. The endpoint's profile of a 1,000-person
 * sign-up showed most of its time parsing whole activity documents (a ledger of every sign-up) that
 * each member then read one entry of.
 *
 * The SQL returns a *pruned* document: along each included path it keeps objects as objects (only
 * the keys on some path) and takes the first value that is not an object (an array, a scalar) whole.
 * projection.ts then runs on the pruned document exactly as on the whole one, since it reads
 * nothing off those paths — so the result is the same, edge cases included.
 */
import { MAX_JSON_DEPTH } from '../http'
import type { Params } from './pushdown'
import { walkableObjectSql } from './values'

interface Trie { [key: string]: Trie | true }

/**
 * The include paths a pruned document must keep, or null when this projection needs the whole
 * document (exclusions, $slice, a dotted $elemMatch path, nothing included).
 */
export function prunablePaths(projection: Record<string, any> | undefined): string[][] | null {
  if (!projection) return null
  const paths: string[][] = []
  for (const [path, v] of Object.entries(projection)) {
    // No stored document is deeper than MAX_JSON_DEPTH: a longer path is left to projection.ts
    // rather than built into SQL (a 2,000-part path overflowed the builder's stack).
    if (tooDeep(path)) return null
    if (v === 1 || v === true) {
      if (path !== '_id' && !path.startsWith('_id.')) paths.push(path.split('.'))
    } else if (v === 0 || v === false) {
      if (path !== '_id') return null
    } else if (v && typeof v === 'object' && Object.keys(v).length === 1 && '$elemMatch' in v && !path.includes('.')) {
      paths.push([path])
    } else {
      return null
    }
  }
  return paths.length ? paths : null
}

const LOGICAL = new Set(['$and', '$or', '$nor'])

const tooDeep = (path: string) => path.split('.').length > MAX_JSON_DEPTH

/**
 * The field paths a query reads, when the evaluator must decide it on a pruned document: every
 * field it names (a field's operators — $elemMatch, $size, $exists… — read only the value at that
 * path, which pruning keeps whole at its first non-object). Null when some part may read anything
 * ($expr, $where, $text…): that query needs the whole document.
 */
export function queryPaths(query: Record<string, any> | undefined): string[][] | null {
  if (!query) return []
  const out: string[][] = []
  for (const [key, cond] of Object.entries(query)) {
    if (LOGICAL.has(key)) {
      if (!Array.isArray(cond)) return null
      for (const branch of cond) {
        const inner = branch && typeof branch === 'object' && !Array.isArray(branch) ? queryPaths(branch) : null
        if (!inner) return null
        out.push(...inner)
      }
    } else if (key.startsWith('$')) {
      return null
    } else if (tooDeep(key)) {
      return null
    } else if (key !== '_id' && !key.startsWith('_id.')) {
      out.push(key.split('.'))
    }
  }
  return out
}

/**
 * Below this stored size a document is returned whole: pruning a small document costs PostgreSQL
 * more than sending it (measured: 400 two-kilobyte notices, 6.9 ms whole, 9.6–12.2 ms pruned), while a
 * large one (a ledger of 1,000 sign-ups, 117 KB) reads in half the time pruned. Either way the
 * caller's projection then gives the same result. pg_column_size does not decompress.
 */
const PRUNE_ABOVE_BYTES = 2048

/** True (SQL, over the `doc` column) for the documents prunedDocSql prunes; the others it returns whole. */
export const PRUNED_SQL = `(pg_column_size(doc) > ${PRUNE_ABOVE_BYTES})`

/** The SQL expression (over the `doc` column) of the pruned document; keys are passed as parameters. */
export function prunedDocSql(paths: string[][], params: Params): string {
  return `(CASE WHEN ${PRUNED_SQL} THEN ${prunedOnly(paths, params)} ELSE doc END)`
}

function prunedOnly(paths: string[][], params: Params): string {
  const trie: Trie = {}
  for (const parts of paths) {
    let node = trie
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]
      if (node[key] === true) break
      if (i === parts.length - 1) { node[key] = true; break }
      node[key] = (node[key] as Trie | undefined) ?? {}
      node = node[key] as Trie
    }
  }
  return rootSql(trie, params)
}

/**
 * The top level, reading the stored document once: PostgreSQL decompresses a large (TOASTed) jsonb
 * again for every `doc -> key`, so a projection of twenty fields read as twenty accesses was slower
 * than reading the whole document. `doc || '{}'` in a subquery kept apart by OFFSET 0 decompresses it
 * once into memory; everything after works on that copy. The kept keys are taken with one `-` of
 * all the others, and keys pruned further are added beside them. Not jsonb_object_agg over
 * jsonb_each: it copies each string of a value with snprintf("%s") from unterminated jsonb data, a
 * strlen to the end of the value per string — quadratic in a 900-member queue (measured on PGlite
 * 18: 5.6 ms to read a queue that `doc -> 'queue'` reads in 1.3 ms; strlen was the sign-up burst's
 * top WebAssembly function).
 */
function rootSql(trie: Trie, params: Params): string {
  const whole: string[] = []
  const deeper: string[] = []
  for (const [key, sub] of Object.entries(trie)) {
    const k = `${params.add(key)}::text`
    if (sub === true) whole.push(k)
    else deeper.push(`(CASE WHEN x.d ? ${k} THEN jsonb_build_object(${k}, ${valueSql(`(x.d -> ${k})`, sub, params)}) ELSE '{}'::jsonb END)`)
  }
  const kept = whole.length
    ? `(x.d - ARRAY(SELECT k FROM jsonb_object_keys(x.d) k WHERE k <> ALL(ARRAY[${whole.join(', ')}])))`
    : `'{}'::jsonb`
  return `(SELECT ${[kept, ...deeper].join(' || ')} FROM (SELECT doc || '{}'::jsonb AS d OFFSET 0) x)`
}

/** An object node: its keys on some path that it has; `{}` when it has none of them. */
function objectSql(node: string, trie: Trie, params: Params): string {
  const parts = Object.entries(trie).map(([key, sub]) => {
    const k = params.add(key)
    const child = `${node} -> ${k}::text`
    const value = sub === true ? child : valueSql(child, sub, params)
    return `(CASE WHEN ${node} ? ${k}::text THEN jsonb_build_object(${k}::text, ${value}) ELSE '{}'::jsonb END)`
  })
  return `(${parts.join(' || ')})`
}

/**
 * A value on the way down a path: an object is pruned further, anything else is kept whole — a stored
 * date ({"$date": ms}) too, which is a value to the evaluator (pruned, it became `{}`, and an update
 * of `at.x` by path then wrote a field into the stored date).
 */
function valueSql(node: string, trie: Trie, params: Params): string {
  return `(CASE WHEN ${walkableObjectSql(node)} THEN ${objectSql(node, trie, params)} ELSE ${node} END)`
}
