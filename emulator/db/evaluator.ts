/**
 * MongoDB query, update and aggregation semantics, evaluated by mingo (a maintained library)
 * on documents PostgreSQL has already narrowed down. Query edge cases follow mingo, not MongoDB.
 */
import 'mingo/init/system'
import { Query, Aggregator, update as mingoUpdate } from 'mingo'
import type { Doc } from './values'
import { invalidParam } from './errors'
import { withDocumentedOperators } from './documented-operators'

export function matcher(query: Doc | undefined): (doc: Doc) => boolean {
  if (!query || Object.keys(query).length === 0) return () => true
  const q = compiled(query)
  return (doc) => refusing('query', () => q.test(doc))
}

/**
 * mingo copies its whole operator table into every new Query; the endpoint's profile showed that
 * copy on every conditional update. A compiled query holds no per-document state, so the same
 * query text (dates and regexes included) reuses one. Bounded: the oldest goes first.
 */
const COMPILED_LIMIT = 500
const compiledQueries = new Map<string, Query>()

function compiled(query: Doc): Query {
  const key = queryKey(query)
  const hit = compiledQueries.get(key)
  if (hit) return hit
  const q = refusing('query', () => new Query(query))
  if (compiledQueries.size >= COMPILED_LIMIT) compiledQueries.delete(compiledQueries.keys().next().value!)
  compiledQueries.set(key, q)
  return q
}

/** JSON of the query with Dates and RegExps spelled out (plain JSON would turn both into strings or {}). */
function queryKey(query: Doc): string {
  return JSON.stringify(query, function (this: any, k: string, v: unknown) {
    const raw = this[k]
    if (raw instanceof Date) return { $localCloudDate: raw.getTime() }
    if (raw instanceof RegExp) return { $localCloudRegExp: [raw.source, raw.flags] }
    return v
  })
}

/** The evaluator's complaints about a query or pipeline (an unknown operator, a bad argument) are the caller's error, by name. */
function refusing<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (err: any) {
    throw invalidParam(`${what}: ${String(err?.message ?? err)}`)
  }
}

export function sortDocs(docs: Doc[], sort: Record<string, number> | undefined): Doc[] {
  if (!sort || Object.keys(sort).length === 0) return docs
  return new Query({}).find(docs).sort(sort as Record<string, 1 | -1>).all() as Doc[]
}

/** WeChat's `_.addToSet({ each: [...] })` is sent as {each: [...]}; MongoDB spells it $each. */
function normalizeUpdate(update: Doc): Doc {
  const out: Doc = {}
  for (const [op, fields] of Object.entries(update)) {
    if (op === '$addToSet' && fields && typeof fields === 'object') {
      const normalized: Doc = {}
      for (const [path, v] of Object.entries<any>(fields)) {
        normalized[path] = v && typeof v === 'object' && !Array.isArray(v) && Array.isArray(v.each) && Object.keys(v).length === 1 ? { $each: v.each } : v
      }
      out[op] = normalized
    } else out[op] = fields
  }
  return out
}

/** Operators that create the field they name when it is missing (so MongoDB must create its parents). */
const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$setOnInsert'])

/**
 * MongoDB refuses to create a field inside a value that is not an object or an array — a string, a
 * number, null, a date: "Cannot create field 'x' in element {title: …}" (error 28). mingo skips such a
 * path silently, which wrote nothing and answered "updated". Positional paths are left to mingo.
 */
function refuseThroughValue(doc: Doc, path: string): void {
  const parts = path.split('.')
  if (parts.some((p) => p.startsWith('$'))) return
  let node: unknown = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const next = (node as Doc)[parts[i]]
    if (next === undefined || Array.isArray(next)) return
    if (next === null || typeof next !== 'object' || next instanceof Date) {
      throw new Error(`Cannot create field '${parts[i + 1]}' in element {${parts[i]}: ${next instanceof Date ? `new Date(${next.getTime()})` : JSON.stringify(next)}}`)
    }
    node = next
  }
}

/**
 * Applies update operators to `doc`; returns the new document. `inPlace` changes `doc` itself — for
 * a caller whose document was just read and is not used again (a copy of a large document showed in
 * the endpoint's profile); otherwise a copy is changed.
 */
export function applyUpdate(doc: Doc, update: Doc, inPlace = false): Doc {
  const copy = inPlace ? doc : structuredClone(doc)
  const ops = Object.keys(update).some((k) => k.startsWith('$')) ? normalizeUpdate(update) : { $set: update }
  for (const [op, fields] of Object.entries(ops)) {
    for (const [path, value] of Object.entries<unknown>(fields ?? {})) {
      if (path === '_id' || path.startsWith('_id.')) throw new Error(`Performing an update on the path '_id' would modify the immutable field '_id' (${op})`)
      if (CREATING.has(op)) refuseThroughValue(copy, path)
      if (op === '$rename' && typeof value === 'string') refuseThroughValue(copy, value)
    }
    mingoUpdate(copy, { [op]: fields } as any, undefined, undefined, { cloneMode: 'deep' })
  }
  return copy
}

export function aggregate(docs: Doc[], pipeline: Doc[], collections: Record<string, Doc[]>): Doc[] {
  return refusing('aggregate', () => {
    const agg = new Aggregator(withDocumentedStages(withDocumentedOperators(pipeline)), { collectionResolver: (name: string) => collections[name] ?? [] })
    return agg.run(docs) as Doc[]
  })
}

const BUCKET_ORDER = '__localCloudBucketOrder'

/**
 * Stages where mingo (6.x) departs from the documented result, rewritten before it sees them — in
 * `$facet` and `$lookup` sub-pipelines too:
 * - `$count` of no documents: mingo answers `[{ <field>: 0 }]`, MongoDB (and the cloud) no document at
 *   all; rewritten as a `$group` on null, which outputs nothing for no input.
 * - `$bucket`: each bucket holds [lower, upper) — a value equal to a boundary opens the next bucket —
 *   documents outside all buckets go to `default`, buckets come in boundary order with `default` last,
 *   and without `output` each bucket has `count`. mingo puts a value equal to an inner boundary in the
 *   lower bucket, so the stage is rewritten into $group with a $switch on the documented ranges.
 */
function withDocumentedStages(pipeline: Doc[]): Doc[] {
  return pipeline.flatMap((stage): Doc[] => {
    if (stage.$facet) return [{ $facet: Object.fromEntries(Object.entries(stage.$facet as Record<string, Doc[]>).map(([k, p]) => [k, withDocumentedStages(p)])) }]
    if (stage.$lookup && Array.isArray((stage.$lookup as Doc).pipeline)) {
      return [{ $lookup: { ...(stage.$lookup as Doc), pipeline: withDocumentedStages((stage.$lookup as Doc).pipeline as Doc[]) } }]
    }
    if (typeof stage.$count === 'string' && /^[^$.][^.]*$/.test(stage.$count)) return [{ $group: { _id: null, [stage.$count]: { $sum: 1 } } }, { $project: { _id: 0 } }]
    if (!stage.$bucket) return [stage]
    const { groupBy, boundaries, output } = stage.$bucket as { groupBy: unknown; boundaries: unknown[]; default?: unknown; output?: Doc }
    const hasDefault = 'default' in (stage.$bucket as Doc)
    const branches = boundaries.slice(0, -1).map((lower, i) => ({
      case: { $and: [{ $gte: [groupBy, lower] }, { $lt: [groupBy, boundaries[i + 1]] }] },
      then: lower,
    }))
    const key = { $switch: { branches, ...(hasDefault ? { default: (stage.$bucket as Doc).default } : {}) } }
    const order = { $indexOfArray: [boundaries, '$_id'] }
    return [
      { $group: { _id: key, ...(output ?? { count: { $sum: 1 } }) } },
      { $addFields: { [BUCKET_ORDER]: { $cond: [{ $eq: [order, -1] }, boundaries.length, order] } } },
      { $sort: { [BUCKET_ORDER]: 1 } },
      { $project: { [BUCKET_ORDER]: 0 } },
    ]
  })
}

/** Field paths of `doc` (among `paths`) that hold an array. */
export function arrayPaths(doc: Doc, paths: Iterable<string>): string[] {
  const out: string[] = []
  for (const path of paths) {
    let cur: any = doc
    for (const part of path.split('.')) {
      if (Array.isArray(cur)) { out.push(path); cur = undefined; break }
      cur = cur === null || typeof cur !== 'object' ? undefined : cur[part]
    }
    if (Array.isArray(cur)) out.push(path)
  }
  return [...new Set(out)]
}
