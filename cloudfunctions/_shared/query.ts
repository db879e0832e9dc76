import { PAGE_SIZE } from '../../types/common'
import type { Database } from './context'
import { MAX_QUERY } from './documents'
import type { Tx } from './transaction'

/** The parts of a wx-server-sdk query the helpers use (its own typings return unions). */
interface Gettable {
  get(): unknown
}
interface Countable {
  count(): unknown
}

/** Runs a query and returns its documents typed as `T` (the caller picks fields for the DTO). */
export async function docs<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

export async function total(query: Countable): Promise<number> {
  const res = (await query.count()) as { total: number }
  return res.total
}

/** skip/limit for a 1-based page of PAGE_SIZE; never more than MAX_QUERY documents. */
export function pageWindow(page: number, size = PAGE_SIZE): { skip: number; limit: number } {
  return { skip: (page - 1) * size, limit: Math.min(size, MAX_QUERY) }
}

export interface PageQuery {
  /** sort keys in order, e.g. [['pinned', 'desc'], ['publishedAt', 'desc']] (back them with a manifest index) */
  orderBy: Array<[string, 'asc' | 'desc']>
  /** 1-based page of PAGE_SIZE */
  page: number
  /** field() projection, when the DTO needs only some fields */
  fields?: Record<string, boolean>
}

/** One page of a list plus the total matching `where` — the shape every `*.list` action returns. */
export async function pageOf<T>(collection: any, where: Record<string, unknown>, q: PageQuery): Promise<{ total: number; items: T[] }> {
  const { skip, limit } = pageWindow(q.page)
  let query = collection.where(where)
  for (const [field, dir] of q.orderBy) query = query.orderBy(field, dir)
  query = query.skip(skip).limit(limit)
  if (q.fields) query = query.field(q.fields)
  const [count, items] = await Promise.all([total(collection.where(where)), docs<T>(query)])
  return { total: count, items }
}

/** A keyword typed by a person, made safe to use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Date → ISO string for DTOs (callFunction answers are JSON). */
export function iso(at: Date): string {
  return new Date(at).toISOString()
}

/** One document by id, or null when it does not exist; works on the database and inside a transaction. */
export async function getDoc<T>(db: Database | Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await (db as any).collection(collection).doc(id).get()) as { data: T | T[] }
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return (data as T | undefined) ?? null
  } catch (err) {
    const text = String((err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? err)
    if (/not\s*exist|not\s*found|does not exist|-502004|cannot find document/i.test(text)) return null
    throw err
  }
}

/**
 * Every document matching `where`, MAX_QUERY at a time in `_id` order (random ids: a random
 * order). `fields` projects what the caller needs.
 */
export async function scanAll<T>(db: Database, collection: string, where: Record<string, unknown>, fields?: Record<string, boolean>): Promise<T[]> {
  const out: T[] = []
  const _ = db.command
  let after = ''
  for (;;) {
    // Keyset paging on _id: each page is one indexed range read, however far in.
    let q = db.collection(collection).where(after ? { ...where, _id: _.gt(after) } : where).orderBy('_id', 'asc').limit(MAX_QUERY)
    if (fields) q = q.field({ ...fields, _id: true })
    const page = await docs<T & { _id: string }>(q)
    out.push(...page)
    if (page.length < MAX_QUERY) return out
    after = page[page.length - 1]._id
  }
}

/**
 * Several counts over one collection in one request (a $group): each count is the number of documents
 * matching `where` for which its condition — an aggregate expression — holds (`true` counts them all).
 * Build conditions with `db.command.aggregate`; for "field before day" use `beforeDay`.
 */
export async function countsIn<K extends string>(db: Database, collection: string, where: Record<string, unknown>, conditions: Record<K, unknown>): Promise<Record<K, number>> {
  const $ = db.command.aggregate
  const group: Record<string, unknown> = { _id: null }
  for (const [key, condition] of Object.entries(conditions)) group[key] = $.sum(condition === true ? 1 : $.cond([condition, 1, 0]))
  const res = (await db.collection(collection).aggregate().match(where).group(group).end()) as { list: Array<Record<K, number>> }
  const row = res.list[0]
  return Object.fromEntries(Object.keys(conditions).map((k) => [k, row?.[k as K] ?? 0])) as Record<K, number>
}

/**
 * The aggregate expression for "`field` (a YYYY-MM-DD string) is before `day`", read as the query
 * `{ field: _.lt(day) }` reads it: a missing or null field is never before (MongoDB's expression `$lt`
 * would call null less than any string).
 */
export function beforeDay(db: Database, field: string, day: string): unknown {
  const $ = db.command.aggregate
  return $.and([$.gte([`$${field}`, '']), $.lt([`$${field}`, day])])
}

/** wx-server-sdk's lookup sub-pipeline (`db.command.aggregate.pipeline()`, ≥ 1.3.0), which its typings leave out. */
export interface SubPipeline {
  match(query: Record<string, unknown>): SubPipeline
  sort(order: Record<string, 1 | -1>): SubPipeline
  skip(n: number): SubPipeline
  limit(n: number): SubPipeline
  project(fields: Record<string, unknown>): SubPipeline
  group(group: Record<string, unknown>): SubPipeline
  done(): unknown[]
}

/**
 * The `let` of a lookup whose pipeline needs no variable: WeChat documents the pipeline form of lookup
 * with `let` beside it, so it is always given (MongoDB ignores an unused variable).
 */
export const ANCHOR_LET = { anchor: '$_id' }

export function subPipeline(db: Database): SubPipeline {
  return (db.command.aggregate as unknown as { pipeline(): SubPipeline }).pipeline()
}

/**
 * One read as `where().orderBy().limit().field()` would ask it. Without a limit it is every match in `_id`
 * order, as `scanAll` reads it (no `orderBy` then): only for sets a month or a page of links bounds.
 */
export interface Read {
  collection: string
  where: Record<string, unknown>
  orderBy?: Array<[string, 'asc' | 'desc']>
  limit?: number
  fields?: Record<string, boolean>
}

/** `read` on its own: one query, or a keyset scan when it has no limit. */
export async function readAlone<T>(db: Database, read: Read): Promise<T[]> {
  if (read.limit === undefined) return scanAll<T>(db, read.collection, read.where, read.fields)
  let q = db.collection(read.collection).where(read.where)
  for (const [field, dir] of read.orderBy ?? []) q = q.orderBy(field, dir)
  q = q.limit(read.limit)
  if (read.fields) q = q.field(read.fields)
  return docs<T>(q)
}

/**
 * Several reads in one request: an aggregate on one document known to exist (`anchor`), with one lookup
 * per read whose pipeline is the read's own query on values known beforehand (no `let`: the real cloud
 * serves each from the read's index, as it would the read alone). Each key answers what `readAlone` would.
 * Should the anchor be gone, the reads run one by one (same answer, more requests). Keys are field names.
 */
export async function readsAt<K extends string>(db: Database, anchor: { collection: string; id: string }, reads: Record<K, Read>): Promise<Record<K, any[]>> {
  const entries = Object.entries(reads) as Array<[K, Read]>
  if (!entries.length) return {} as Record<K, any[]>
  let agg = db.collection(anchor.collection).aggregate().match({ _id: anchor.id }).project({ _id: true })
  for (const [key, read] of entries) {
    let p = subPipeline(db).match(read.where)
    const order = read.limit === undefined ? [['_id', 'asc'] as const] : read.orderBy ?? []
    if (order.length) p = p.sort(Object.fromEntries(order.map(([field, dir]) => [field, dir === 'asc' ? 1 : -1])))
    if (read.limit !== undefined) p = p.limit(read.limit)
    if (read.fields) p = p.project(read.fields)
    agg = agg.lookup({ from: read.collection, let: ANCHOR_LET, pipeline: p.done(), as: key } as never)
  }
  const res = (await agg.end()) as { list: Array<Record<K, any[]>> }
  if (res.list[0]) return res.list[0]
  const each = await Promise.all(entries.map(([, read]) => readAlone(db, read)))
  return Object.fromEntries(entries.map(([key], n) => [key, each[n]])) as Record<K, any[]>
}
