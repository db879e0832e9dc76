/**
 * An aggregate with `$lookup` stages, reading only the foreign documents each lookup can match.
 * The evaluator (mingo) joins against whole collections handed to it; reading a whole collection
 * for every lookup made each call as slow as its largest source (a page anchored on one document
 * with a lookup per source read every notice, read and elector of the environment).
 *
 * The pipeline runs in segments split at each top-level `$lookup`, so a lookup sees the documents
 * it joins from:
 *  - `localField`/`foreignField`: the foreign documents whose field is one of the local values;
 *  - `let`/`pipeline`: the sub-pipeline's leading `$match`, its conditions on constant values only
 *    (a superset: the evaluator still runs the whole sub-pipeline), narrows the read;
 *  - a `pipeline` that refers to no variable (`$$…`) is uncorrelated: MongoDB answers it the same
 *    for every local document, so it runs once, as an aggregate of its own on its collection (whose
 *    leading $match, $sort, $skip, $limit and count SQL answers: store.ts) — a page's reads anchored
 *    on one document (readsAt in the functions) then read 20 rows of a page, not every row of the year;
 *  - anything else — a local document without the field, a `$match` the query translator refuses —
 *    reads the whole collection, as before. Lookups inside a sub-pipeline (or a `$facet`) read their
 *    collections whole.
 * The answer is the evaluator's in every case; SQL only leaves out documents no stage could use.
 */
import type { Doc } from './values'

export type ReadWhere = (collection: string, query: Doc | undefined) => Promise<Doc[]>
export type Run = (docs: Doc[], pipeline: Doc[], collections: Record<string, Doc[]>) => Doc[]
/** A pipeline run on a collection as a top-level aggregate would run it. */
export type AggregateOn = (collection: string, pipeline: Doc[]) => Promise<Doc[]>

/** More local values than this and the lookup reads its collection whole (one query either way). */
const MAX_VALUES = 2000

export async function runWithLookups(docs: Doc[], pipeline: Doc[], read: ReadWhere, run: Run, aggregateOn?: AggregateOn): Promise<Doc[]> {
  let current = docs
  let segment: Doc[] = []
  for (const [i, stage] of pipeline.entries()) {
    if (!isPlainLookup(stage)) {
      segment.push(stage)
      continue
    }
    if (segment.length) current = run(current, segment, await wholeSources(segment, read))
    segment = []
    const lookup = stage.$lookup as Doc
    if (aggregateOn && isUncorrelated(lookup)) {
      const rows = current.length ? await aggregateOn(String(lookup.from), lookup.pipeline as Doc[]) : []
      // Each local document its own copy, as the evaluator would give it.
      current = current.map((d, n) => ({ ...d, [String(lookup.as)]: n === 0 ? rows : structuredClone(rows) }))
      continue
    }
    const key = `\u0000lookup${i}`
    const sources = await wholeSources((lookup.pipeline as Doc[] | undefined) ?? [], read)
    sources[key] = await read(String(lookup.from), narrowing(lookup, current))
    current = run(current, [{ $lookup: { ...lookup, from: key } }], sources)
  }
  return segment.length ? run(current, segment, await wholeSources(segment, read)) : current
}

/** A top-level `$lookup` whose source can be narrowed (a string `from`; not the mixed MongoDB 5 form). */
function isPlainLookup(stage: Doc): boolean {
  const l = stage.$lookup as Doc | undefined
  if (!l || typeof l.from !== 'string') return false
  return 'pipeline' in l ? !('localField' in l) : typeof l.localField === 'string' && typeof l.foreignField === 'string'
}

/** A pipeline lookup whose pipeline names no variable (`$$x`, let's or the system's), into a plain field. */
function isUncorrelated(lookup: Doc): boolean {
  return Array.isArray(lookup.pipeline) && typeof lookup.as === 'string' && !lookup.as.includes('.') && !lookup.as.startsWith('$') && !mentionsVariable(lookup.pipeline)
}

/** The query that selects every foreign document the lookup could match, or undefined for all of them. */
function narrowing(lookup: Doc, local: Doc[]): Doc | undefined {
  if (Array.isArray(lookup.pipeline)) return constantConditions(lookup.pipeline[0]?.$match)
  const values: unknown[] = []
  for (const d of local) {
    const v = valueAt(d, String(lookup.localField))
    // A missing or null local value matches foreign documents without the field: read them all.
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return undefined
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x === null || typeof x === 'object') return undefined
      values.push(x)
    }
  }
  const distinct = [...new Set(values)]
  if (distinct.length > MAX_VALUES) return undefined
  return { [String(lookup.foreignField)]: { $in: distinct } }
}

/** The `$match` conditions on plain fields with constant values (no `$expr`, no logic over variables). */
function constantConditions(match: unknown): Doc | undefined {
  if (!match || typeof match !== 'object') return undefined
  const out: Doc = {}
  for (const [k, v] of Object.entries(match as Doc)) {
    if (k.startsWith('$') || mentionsVariable(v, true)) continue
    out[k] = v
  }
  return Object.keys(out).length ? out : undefined
}

/** Whether `v` names a variable (`$$x`: let's or the system's) anywhere; with `exprCounts`, any `$expr` counts as one. */
function mentionsVariable(v: unknown, exprCounts = false): boolean {
  if (typeof v === 'string') return v.startsWith('$$')
  if (Array.isArray(v)) return v.some((x) => mentionsVariable(x, exprCounts))
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) {
    return Object.entries(v as Doc).some(([k, x]) => (exprCounts && k === '$expr') || mentionsVariable(x, exprCounts))
  }
  return false
}

function valueAt(doc: Doc, path: string): unknown {
  let v: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(v)) return v.flatMap((x) => (x && typeof x === 'object' ? [(x as Doc)[part]] : [])).filter((x) => x !== undefined)
    if (!v || typeof v !== 'object') return undefined
    v = (v as Doc)[part]
  }
  return v
}

/** Every collection a lookup in `stages` (at any depth) joins, read whole. */
async function wholeSources(stages: Doc[], read: ReadWhere): Promise<Record<string, Doc[]>> {
  const names = new Set<string>()
  collectFroms(stages, names)
  const out: Record<string, Doc[]> = {}
  for (const name of names) out[name] = await read(name, undefined)
  return out
}

function collectFroms(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectFroms(v, names))
  if (!value || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return
  for (const [k, v] of Object.entries(value as Doc)) {
    if (k === '$lookup' && v && typeof v === 'object' && typeof (v as Doc).from === 'string') names.add(String((v as Doc).from))
    collectFroms(v, names)
  }
}
