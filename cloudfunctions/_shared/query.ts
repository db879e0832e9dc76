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

/** A lookup's sub-pipeline being built: the stages WeChat's aggregate documents, then `done()`. */
export interface SubPipeline {
  match(query: Record<string, unknown>): SubPipeline
  project(fields: Record<string, unknown>): SubPipeline
  sort(keys: Record<string, 1 | -1>): SubPipeline
  limit(n: number): SubPipeline
  group(spec: Record<string, unknown>): SubPipeline
  done(): unknown
}

/**
 * A new sub-pipeline for `lookup({ from, pipeline, as })` (with or without `let`): wx-server-sdk ≥ 1.3.0
 * has `db.command.aggregate.pipeline()`, its typings do not list it.
 */
export function subPipeline(db: Database): SubPipeline {
  return (db.command.aggregate as unknown as { pipeline(): SubPipeline }).pipeline()
}
