/** Projections: what field() keeps of each document. */
import { Query } from 'mingo'
import type { Doc } from './values'
import { invalidParam } from './errors'

/**
 * WeChat's field(): `{a: true}` keeps a (and _id), `{a: false}` drops a; `_.project.slice(n | [skip, n])`
 * keeps part of an array (the other fields stay, as with MongoDB's $slice); `_.project.elemMatch(q)`
 * keeps a and only its first element matching q (a is left out when none does), and counts as an
 * inclusion. Any other operator is refused by name rather than ignored.
 */
export function project(doc: Doc, projection: Record<string, any> | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return doc
  const entries = Object.entries(projection)
  const includes = entries.filter(([, v]) => v === 1 || v === true).map(([k]) => k)
  const excludes = entries.filter(([, v]) => v === 0 || v === false).map(([k]) => k)
  const operators = entries.filter(([, v]) => v !== null && typeof v === 'object')
  for (const [path, v] of operators) {
    const op = Object.keys(v)[0]
    if (Object.keys(v).length !== 1 || (op !== '$slice' && op !== '$elemMatch')) throw invalidParam(`field(): unknown projection ${op} on "${path}"`)
  }
  const elemMatches = operators.filter(([, v]) => '$elemMatch' in v)
  let out: Doc = doc
  if (includes.length || elemMatches.length) {
    out = {}
    if (!excludes.includes('_id')) out._id = doc._id
    for (const path of includes) copyPath(doc, out, path.split('.'))
  } else out = structuredClone(doc)
  for (const path of excludes) deletePath(out, path.split('.'))
  for (const [path, v] of operators) {
    if ('$slice' in v) sliceArray(doc, out, path, v.$slice)
    else firstMatch(doc, out, path, v.$elemMatch)
  }
  return out
}

function sliceArray(doc: Doc, out: Doc, path: string, spec: number | [number, number]): void {
  const value = path.split('.').reduce<any>((cur, part) => (cur === null || typeof cur !== 'object' ? undefined : cur[part]), doc)
  if (!Array.isArray(value)) return
  const [skip, take] = Array.isArray(spec) ? spec : spec < 0 ? [spec, -spec] : [0, spec]
  const from = skip < 0 ? Math.max(0, value.length + skip) : skip
  copyPath({ v: doc }, { v: out }, ['v', ...path.split('.')])
  setPath(out, path.split('.'), value.slice(from, from + take))
}

function firstMatch(doc: Doc, out: Doc, path: string, condition: Doc): void {
  const value = doc[path]
  if (!Array.isArray(value)) return
  const test = new Query(condition)
  const hit = value.find((el) => el !== null && typeof el === 'object' && test.test(el))
  if (hit !== undefined) out[path] = [hit]
}

function setPath(obj: any, parts: string[], value: unknown): void {
  const [head, ...rest] = parts
  if (rest.length === 0) obj[head] = value
  else if (obj[head] !== null && typeof obj[head] === 'object') setPath(obj[head], rest, value)
}

function copyPath(from: any, to: any, parts: string[]): void {
  const [head, ...rest] = parts
  if (from === null || typeof from !== 'object' || !(head in from)) return
  if (rest.length === 0) { to[head] = from[head]; return }
  if (typeof from[head] !== 'object' || from[head] === null) return
  to[head] = to[head] ?? (Array.isArray(from[head]) ? [] : {})
  copyPath(from[head], to[head], rest)
}

function deletePath(obj: any, parts: string[]): void {
  const [head, ...rest] = parts
  if (obj === null || typeof obj !== 'object') return
  if (rest.length === 0) delete obj[head]
  else deletePath(obj[head], rest)
}

