/**
 * Aggregate expression operators where the evaluator library (mingo 6.7) departs from the documented
 * result, put right by rewriting the pipeline before mingo sees it (mingo refuses to replace its own
 * operators, so the fixed ones run under names of ours):
 * - `$week`: documented (and MongoDB) as strftime's %U — weeks start on Sunday, days before the first
 *   Sunday are week 0; mingo answers 20 for 2019-05-14, the documentation 19. Rewritten as
 *   floor((dayOfYear + 7 - dayOfWeek) / 7), which honours the same {date, timezone} argument.
 * - `$zip` with `defaults`: mingo pads with null where a default is falsy (0, ''), the documentation
 *   pads with the default.
 * - `$trunc` given one value instead of [value, places]: mingo returns nothing.
 * - `$indexOfBytes` and `$substr`: documented in UTF-8 bytes ('你' is 3), mingo counts UTF-16 units;
 *   `$substr` is MongoDB's old name for `$substrBytes`, which mingo does count in bytes.
 * - `$indexOfCP`: missing from mingo.
 */
import type { Doc } from './values'
import { invalidParam } from './errors'

type Compute = (obj: unknown, expr: unknown, operator: null, options: unknown) => any
// (mingo/core is an exports subpath, which this project's "node" module resolution cannot type)
// (its useOperators is no React hook: named registerOperators here so the hooks lint rule does not think so)
const { computeValue, useOperators: registerOperators } = require('mingo/core') as {
  computeValue: Compute
  useOperators: (type: 'expression', ops: Record<string, (obj: any, expr: any, options: any) => unknown>) => void
}

const ZIP = '$localCloudZip'
const INDEX_OF_BYTES = '$localCloudIndexOfBytes'

registerOperators('expression', {
  [ZIP]: (obj: any, expr: any, options: any) => {
    const inputs = computeValue(obj, expr.inputs, null, options) as unknown[] | null
    if (inputs === null || inputs === undefined) return null
    if (!Array.isArray(inputs) || inputs.some((a) => a !== null && a !== undefined && !Array.isArray(a))) throw new Error("$zip: 'inputs' must resolve to arrays")
    if (inputs.some((a) => a === null || a === undefined)) return null
    const arrays = inputs as unknown[][]
    const defaults: unknown[] = expr.defaults ?? []
    const lengths = arrays.map((a) => a.length)
    const count = expr.useLongestLength ? Math.max(0, ...lengths) : Math.min(...lengths)
    return Array.from({ length: count }, (_v, i) => arrays.map((a, k) => (i < a.length ? a[i] : (defaults[k] ?? null))))
  },
  [INDEX_OF_BYTES]: (obj: any, expr: any, options: any) => {
    const [text, search, start = 0, end] = computeValue(obj, expr, null, options) as [string | null, string, number, number | undefined]
    if (text === null || text === undefined) return null
    const bytes = Buffer.from(text, 'utf8')
    return bytes.subarray(0, end ?? bytes.length).indexOf(Buffer.from(search, 'utf8'), start)
  },
  $indexOfCP: (obj: any, expr: any, options: any) => {
    const [text, search, start = 0, end] = computeValue(obj, expr, null, options) as [string | null, string, number, number | undefined]
    if (text === null || text === undefined) return null
    const points = [...text]
    const needle = [...search]
    const stop = Math.min(end ?? points.length, points.length)
    for (let i = start; i + needle.length <= stop; i++) {
      if (needle.every((c, k) => points[i + k] === c)) return i
    }
    return -1
  },
})

/** The pipeline with the operators above replaced by their documented forms (not inside $literal). */
export function withDocumentedOperators<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withDocumentedOperators) as T
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value
  const out: Doc = {}
  for (const [key, arg] of Object.entries(value as Doc)) {
    if (key === '$literal') out[key] = arg
    else if (key === '$meta') throw invalidParam('aggregate operator $meta (text search score) is not simulated by the local cloud')
    else if (key === '$week') Object.assign(out, week(withDocumentedOperators(arg)))
    else if (key === '$zip') out[ZIP] = withDocumentedOperators(arg)
    else if (key === '$trunc' && !Array.isArray(arg)) out[key] = [withDocumentedOperators(arg)]
    else if (key === '$indexOfBytes') out[INDEX_OF_BYTES] = withDocumentedOperators(arg)
    else if (key === '$substr') out.$substrBytes = withDocumentedOperators(arg)
    else out[key] = withDocumentedOperators(arg)
  }
  return out as T
}

function week(arg: unknown): Doc {
  return { $floor: { $divide: [{ $subtract: [{ $add: [{ $dayOfYear: arg }, 7] }, { $dayOfWeek: arg }] }, 7] } }
}
