/**
 * Value codecs for the database endpoint.
 * - The SDK sends queries and data as EJSON strings (canonical numbers, {$date}, {$regularExpression},
 *   and the TCB-specific {$tcb_server_date: {offset}}); responses go back as EJSON strings.
 * - PostgreSQL stores documents as jsonb. Dates are stored as {"$date": <epoch ms>} so that jsonb
 *   comparison (same single key, numeric value) orders them correctly and range predicates on
 *   dates can be answered from an index.
 */
import { EJSON, BSONRegExp } from 'bson'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../http'
import { invalidParam } from './errors'

export type Doc = Record<string, any>

/** Parses an EJSON request string into plain JS values (numbers, Date, RegExp). */
export function decodeRequestValue(text: string | undefined, now: Date): any {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') throw invalidParam('query, data, order and projection are sent as EJSON strings')
  // MongoDB refuses documents nested deeper than 100 levels; checked before anything recurses into it.
  if (jsonTooDeep(text)) throw invalidParam(`document or query nested deeper than ${MAX_JSON_DEPTH} levels`)
  let parsed: unknown
  try {
    parsed = EJSON.parse(text, { relaxed: true })
  } catch (err: any) {
    throw invalidParam(`cannot parse EJSON: ${String(err?.message ?? err).slice(0, 200)}`)
  }
  return normalizeIncoming(parsed, now)
}

function normalizeIncoming(value: any, now: Date): any {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, toJsFlags(value.options))
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map((v) => normalizeIncoming(v, now))
  const bsonType = (value as any)._bsontype
  if (bsonType === 'Long' || bsonType === 'Int32' || bsonType === 'Double' || bsonType === 'Decimal128') return Number(value.toString())
  if (bsonType === 'ObjectId') return value.toHexString()
  if (bsonType) return value.toString()
  if ('$tcb_server_date' in value && Object.keys(value).length === 1) {
    const offset = Number(value.$tcb_server_date?.offset ?? 0)
    return new Date(now.getTime() + offset)
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = normalizeIncoming(v, now)
  return out
}

/** MongoDB regex options → JS flags (x is not supported by JS; s is). */
function toJsFlags(options: string): string {
  return [...new Set(options.split('').filter((c) => 'imsu'.includes(c)))].join('')
}

/** A document as the SDK expects it in a response: one EJSON string. */
export function encodeResponseDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true })
}

/** JS value → the jsonb we store. */
export function toStored(value: any): any {
  if (value === undefined) return undefined
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number cannot be stored')
    return value
  }
  if (value instanceof Date) return { $date: value.getTime() }
  if (value instanceof RegExp) throw new Error('a RegExp cannot be stored in a document')
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toStored(v)))
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = toStored(v)
  }
  return out
}

/** A stored object that is a Date ({$date: ms}): a value, not an object with fields. */
export function isStoredDate(value: Doc): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'number'
}

/**
 * SQL true when the jsonb `expr` is an object to walk into — not a stored date, which is a value
 * (isStoredDate's counterpart for pruning and writing by path).
 */
export const walkableObjectSql = (expr: string) => `(jsonb_typeof(${expr}) = 'object' AND NOT ((${expr}) ? '$date'))`

/** Stored jsonb → JS value (Dates restored). */
export function fromStored(value: any): any {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(fromStored)
  if (isStoredDate(value)) return new Date(value.$date)
  const out: Doc = {}
  for (const k of Object.keys(value)) out[k] = fromStored(value[k])
  return out
}

/** A scalar value as it would appear in jsonb, for SQL parameters (null when not a pushable scalar). */
export function storedScalarJson(value: any): string | null {
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value)
  if (value instanceof Date) return JSON.stringify({ $date: value.getTime() })
  return null
}

/**
 * Document ids are strings or numbers (Collection.add: "_id | String | Number"), and keep their type:
 * the id column is jsonb, so `1` and `"1"` are two different ids, as in MongoDB.
 */
export type DocId = string | number

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
}

/** The id as a jsonb SQL parameter; refuses any other type, so no id is ever silently converted. */
export function idParam(id: unknown): string {
  if (!isDocId(id)) throw invalidParam(`_id must be a string or a number, got ${describe(id)}`)
  return JSON.stringify(id)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value instanceof Date) return 'a Date'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

/** The SQL type test that matches a pushable scalar's jsonb representation. */
export function storedTypeOf(value: any): 'string' | 'number' | 'boolean' | 'object' | null {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return 'number'
  if (value instanceof Date) return 'object'
  return null
}
