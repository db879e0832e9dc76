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
  sort(order: Record<string, number>): SubPipeline
  skip(n: number): SubPipeline
  limit(n: number): SubPipeline
  project(fields: Record<string, unknown>): SubPipeline
  group(group: Record<string, unknown>): SubPipeline
  done(): unknown[]
}

/** A new sub-pipeline for `lookup({ from, pipeline, as })` (WeChat documents `let` as optional). */
export function subPipeline(db: Database): SubPipeline {
  return (db.command.aggregate as unknown as { pipeline(): SubPipeline }).pipeline()
}

/** One read of `readsAt`: a collection and the stages of its pipeline (match, sort, project, group …). */
export interface Read {
  from: string
  /**
   * adds stages to the sub-pipeline and returns it (the caller does not call `done()`); also applied to a
   * collection's own aggregate when the read runs alone, hence untyped
   */
  stages: (pipeline: any) => any
}

/** A read that counts the documents matching `where` (query semantics, as `where(…).count()`): `countIn(rows)`. */
export function countRead(from: string, where: Record<string, unknown>): Read {
  return { from, stages: (p) => p.match(where).group({ _id: null, n: { $sum: 1 } }) }
}

/** The count of a `countRead` (an empty match answers no group row). */
export function countIn(rows: Array<{ n?: number }> | undefined): number {
  return rows?.[0]?.n ?? 0
}

/**
 * One query as `where().orderBy().limit().field()` would ask it. Without a limit it is every match in `_id`
 * order, as `scanAll` reads it: only for sets a month or a page of links bounds.
 */
export interface Query {
  collection: string
  where: Record<string, unknown>
  orderBy?: Array<[string, 'asc' | 'desc']>
  limit?: number
  fields?: Record<string, boolean>
}

/** `query` as a read of `readsAt`. */
export function readOf(query: Query): Read {
  const order = query.limit === undefined ? [['_id', 'asc'] as const] : query.orderBy ?? []
  return {
    from: query.collection,
    stages: (p: SubPipeline) => {
      let out = p.match(query.where)
      if (order.length) out = out.sort(Object.fromEntries(order.map(([field, dir]) => [field, dir === 'asc' ? 1 : -1])))
      if (query.limit !== undefined) out = out.limit(query.limit)
      return query.fields ? out.project(query.fields) : out
    },
  }
}

/** `query` on its own: one request, or a keyset scan when it has no limit. */
export async function readAlone<T>(db: Database, query: Query): Promise<T[]> {
  if (query.limit === undefined) return scanAll<T>(db, query.collection, query.where, query.fields)
  let q = db.collection(query.collection).where(query.where)
  for (const [field, dir] of query.orderBy ?? []) q = q.orderBy(field, dir)
  q = q.limit(query.limit)
  if (query.fields) q = q.field(query.fields)
  return docs<T>(q)
}

/** The anchor's row of `readsAt`, or undefined when no document matched the anchor. */
async function lookupsAt<K extends string>(db: Database, anchor: { collection: string; where: Record<string, unknown> }, reads: Record<K, Read>): Promise<Record<K, any[]> | undefined> {
  let agg = db.collection(anchor.collection).aggregate().match(anchor.where).limit(1).project({ _id: 1 })
  for (const k of Object.keys(reads) as K[]) agg = agg.lookup({ from: reads[k].from, pipeline: reads[k].stages(subPipeline(db)).done(), as: k } as never)
  const res = (await agg.end()) as { list: Array<Record<K, any[]>> }
  return res.list[0]
}

/**
 * Several independent reads in ONE request: an aggregate anchored on one document of `anchor`
 * (the first matching `where`), with one `lookup({ from, pipeline, as })` per read. The reads do not
 * refer to the anchor; it only gives the lookups a row to hang on — the real cloud serves each read
 * from its own index, as it would the read alone. Each read answers its documents under its key ([] for
 * none; every read [] if no anchor document matched). No request for no reads.
 */
export async function readsAt<K extends string>(db: Database, anchor: { collection: string; where: Record<string, unknown> }, reads: Record<K, Read>): Promise<Record<K, any[]>> {
  const keys = Object.keys(reads) as K[]
  const out = Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<K, any[]>
  if (!keys.length) return out
  const row = await lookupsAt(db, anchor, reads)
  if (row) for (const k of keys) out[k] = row[k] ?? []
  return out
}

/**
 * `readsAt` for queries anchored on a document that may be gone by now: should it be, each query runs
 * on its own (the same answer in more requests).
 */
export async function queriesAt<K extends string>(db: Database, anchor: { collection: string; id: string }, queries: Record<K, Query>): Promise<Record<K, any[]>> {
  const entries = Object.entries(queries) as Array<[K, Query]>
  if (!entries.length) return {} as Record<K, any[]>
  const row = await lookupsAt(db, { collection: anchor.collection, where: { _id: anchor.id } },
    Object.fromEntries(entries.map(([k, q]) => [k, readOf(q)])) as Record<K, Read>)
  if (row) return Object.fromEntries(entries.map(([k]) => [k, row[k] ?? []])) as Record<K, any[]>
  const each = await Promise.all(entries.map(([, q]) => readAlone(db, q)))
  return Object.fromEntries(entries.map(([k], n) => [k, each[n]])) as Record<K, any[]>
}

/** Documents by read key, as `readsAt` answers them. */
export type Rows = Record<string, any[]>

/**
 * One part of a page answered by `answerParts`: reads that need only the caller and the clock
 * (`first`), reads that need ids the first ones found (`second`), and the answer made of both.
 */
export interface Part<T> {
  first: Record<string, Read>
  second?: (first: Rows) => Record<string, Read>
  answer: (first: Rows, second: Rows) => T
}

/**
 * Several parts of a page in at most TWO requests whatever their number: every part's first reads
 * in one `readsAt`, then every part's second reads in another (none when no part has any). Read
 * keys are kept apart per part, so parts written separately never see each other's rows.
 */
export async function answerParts<P extends Record<string, Part<unknown>>>(
  db: Database, anchor: { collection: string; where: Record<string, unknown> }, parts: P,
): Promise<{ [K in keyof P]: P[K] extends Part<infer T> ? T : never }> {
  const names = Object.keys(parts)
  const key = (name: string, read: string) => `${name}__${read}`
  const merged = (pick: (name: string) => Record<string, Read>) =>
    Object.fromEntries(names.flatMap((name) => Object.entries(pick(name)).map(([read, r]) => [key(name, read), r])))
  const own = (rows: Rows, name: string, reads: Record<string, Read>) => Object.fromEntries(Object.keys(reads).map((read) => [read, rows[key(name, read)] ?? []]))
  const firstRows = await readsAt(db, anchor, merged((name) => parts[name].first))
  const firsts = Object.fromEntries(names.map((name) => [name, own(firstRows, name, parts[name].first)]))
  const secondReads = Object.fromEntries(names.map((name) => [name, parts[name].second?.(firsts[name]) ?? {}]))
  const secondRows = await readsAt(db, anchor, merged((name) => secondReads[name]))
  return Object.fromEntries(names.map((name) => [name, parts[name].answer(firsts[name], own(secondRows, name, secondReads[name]))])) as any
}
