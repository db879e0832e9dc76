import { PAGE_SIZE } from '../../types/common'
import { MAX_QUERY } from './documents'

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
