/**
 * Collection operations on PostgreSQL. Reads push what they can down to SQL (see pushdown.ts);
 * writes lock the rows they match (SELECT … FOR UPDATE), apply MongoDB update semantics, and
 * write back in the same transaction — so a conditional update is atomic per document and
 * unique indexes are enforced by PostgreSQL. A large document is updated by path (update-sql.ts).
 */
import crypto from 'node:crypto'
import type { SqlRunner } from './engine'
import { isUniqueViolation } from './engine'
import type { EnvironmentCatalog } from './schema'
import { tableRef } from './schema'
import { indexedPaths } from './manifest'
import { Params, holdsNul, translateQuery, translateSort } from './pushdown'
import { matcher, sortDocs, applyUpdate, arrayPaths, aggregate as runPipeline } from './evaluator'
import { project } from './projection'
import { PRUNED_SQL, prunablePaths, prunedDocSql, queryPaths } from './projection-sql'
import { updatePaths, writeBackSql, writePositions } from './update-sql'
import { needsGeneralPath, updateStatement } from './update-statement'
import { fromStored, idParam, toStored, type Doc, type DocId } from './values'
import { collectionNotExist, duplicateKey, invalidParam } from './errors'
import { runWithLookups } from './lookup-sources'
import { interpretQuery } from './commands'
import { allTerms, canPlan, walkTerm, type Walk } from './term-walk'
import { rarestTerm } from './term-stats'

export interface FindOptions {
  query?: Doc
  sort?: Record<string, number>
  skip?: number
  limit?: number
  projection?: Doc
}

/** Both engines parse jsonb, so `_id` arrives as the string or number it was written as. `pruned`: read for an update, cut to its paths. */
interface Row { _id: DocId; doc: Doc; pruned?: boolean }

export class CollectionStore {
  constructor(private catalog: EnvironmentCatalog) {}

  private table(envName: string, collection: string): { ref: string; pushable: (path: string) => boolean; containable: (path: string) => boolean; indexed: Set<string> } {
    const spec = this.catalog.spec(collection)
    if (!spec) throw collectionNotExist(collection)
    const indexed = indexedPaths(spec)
    return {
      ref: tableRef(envName, collection),
      indexed,
      pushable: (path) => path === '_id' || (indexed.has(path) && !this.catalog.isMultikey(envName, collection, path)),
      containable: (path) => !path.includes('.') && indexed.has(path) && this.catalog.isMultikey(envName, collection, path),
    }
  }

  async find(q: SqlRunner, envName: string, collection: string, opts: FindOptions): Promise<Doc[]> {
    const docs = await this.select(q, envName, collection, opts, false)
    return opts.projection ? docs.map((d) => project(d, opts.projection)) : docs
  }

  async count(q: SqlRunner, envName: string, collection: string, query: Doc | undefined): Promise<number> {
    const t = this.table(envName, collection)
    const params = new Params()
    const filter = translateQuery(query, t.pushable, params, t.containable)
    if (filter.exact) {
      const r = await q.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t.ref} WHERE ${filter.sql}`, params.values)
      return Number(r.rows[0].n)
    }
    const rows = await q.query<Row>(`SELECT _id, doc FROM ${t.ref} WHERE ${filter.sql}`, params.values)
    const test = matcher(query)
    return rows.rows.map(toDoc).filter(test).length
  }

  /**
   * The documents matching `opts`, in order. With `lock`, the candidate rows are locked first so
   * the match is decided on their latest committed version; `lockedPaths` (an update's) lets a
   * large locked document be read cut down to those paths and what the query reads.
   */
  private async select(q: SqlRunner, envName: string, collection: string, opts: FindOptions, lock: boolean, lockedPaths: string[][] | null = null): Promise<Doc[]> {
    const t = this.table(envName, collection)
    const params = new Params()
    const filter = translateQuery(opts.query, t.pushable, params, t.containable)
    const orderSql = translateSort(opts.sort, t.pushable)
    const skip = Math.max(0, opts.skip ?? 0)
    const limit = opts.limit
    const forUpdate = lock ? ' FOR UPDATE' : ''
    // Only what the caller projects (and what the evaluator must still read) leaves the database.
    const prune = lock ? withQueryPaths(lockedPaths, opts.query, filter.exact) : prunedPaths(opts, filter.exact, orderSql !== null)
    const docSql = prune ? `${prunedDocSql(prune, params)} AS doc${lock ? `, ${PRUNED_SQL} AS pruned` : ''}` : 'doc'
    const read = lock ? toLockedDoc : toDoc
    if (filter.exact && orderSql !== null) {
      const walked = !lock && limit !== undefined ? await this.walkTerm(q, envName, collection, opts, { source: t.ref, filterSql: filter.sql, params, docSql, skip, limit }) : null
      if (walked) return walked.map(read)
      const lim = limit === undefined ? '' : ` LIMIT ${Math.max(0, limit)}`
      const off = skip ? ` OFFSET ${skip}` : ''
      const r = await q.query<Row>(`SELECT _id, ${docSql} FROM ${t.ref} WHERE ${filter.sql} ORDER BY ${orderSql}${lim}${off}${forUpdate}`, params.values)
      return r.rows.map(read)
    }
    const test = matcher(opts.query)
    if (orderSql !== null && limit !== undefined) {
      // SQL gives the order; the evaluator filters. Fetch in chunks until the page is full.
      const want = skip + limit
      const chunk = Math.max(200, want * 2)
      const out: Doc[] = []
      for (let offset = 0; out.length < want; offset += chunk) {
        const r = await q.query<Row>(`SELECT _id, ${docSql} FROM ${t.ref} WHERE ${filter.sql} ORDER BY ${orderSql} LIMIT ${chunk} OFFSET ${offset}${forUpdate}`, params.values)
        for (const row of r.rows) { const d = read(row); if (test(d)) out.push(d) }
        if (r.rows.length < chunk) break
      }
      return out.slice(skip, want)
    }
    const r = await q.query<Row>(`SELECT _id, ${docSql} FROM ${t.ref} WHERE ${filter.sql} ORDER BY seq${forUpdate}`, params.values)
    const matched = sortDocs(r.rows.map(read).filter(test), opts.sort)
    return matched.slice(skip, limit === undefined ? undefined : skip + limit)
  }

  /** A page read along a term index (term-walk.ts), when the query and its order fit one; null otherwise. */
  private async walkTerm(q: SqlRunner, envName: string, collection: string, opts: FindOptions, plain: Omit<Walk, 'index' | 'term'>): Promise<Row[] | null> {
    if (!canPlan(q)) return null
    for (const path of Object.keys(opts.query ?? {})) {
      const index = this.catalog.termIndexFor(envName, collection, path, opts.sort)
      const terms = index && allTerms(opts.query, path)
      // A term holding NUL matches nothing (pushdown.ts) and cannot be a parameter.
      if (terms && terms.some(holdsNul)) return null
      if (index && terms) return walkTerm(q, { ...plain, index, term: await rarestTerm(q, index, terms) }) as Promise<Row[] | null>
    }
    return null
  }

  async insert(q: SqlRunner, envName: string, collection: string, docs: Doc[]): Promise<DocId[]> {
    const t = this.table(envName, collection)
    const rows = docs.map((doc) => {
      const { _id, ...body } = doc
      const id: DocId = _id === undefined ? newId() : _id
      return { id, idJson: idParam(id), body }
    })
    // One multi-row INSERT per chunk: a batch add is one statement, and all-or-nothing.
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500)
      const params: unknown[] = []
      const values = chunk.map((r) => {
        params.push(r.idJson, JSON.stringify(toStored(r.body)))
        return `($${params.length - 1}::jsonb, $${params.length}::jsonb)`
      })
      await this.writeGuarded(q, envName, collection, t.indexed, chunk.map((r) => r.body), () =>
        q.query(`INSERT INTO ${t.ref} (_id, doc) VALUES ${values.join(', ')}`, params))
    }
    return rows.map((r) => r.id)
  }

  /** Update operators on every matching document (or the first, with multi false). */
  async update(q: SqlRunner, envName: string, collection: string, query: Doc, update: Doc, multi: boolean): Promise<{ matched: number; updated: number }> {
    const t = this.table(envName, collection)
    const paths = updatePaths(update)
    const docs = await this.select(q, envName, collection, { query, limit: multi ? undefined : 1 }, true, paths)
    let updated = 0
    for (const doc of docs) {
      // The document as stored, before it changes (select kept it: lock): a document read for this
      // update is changed in place rather than copied (copies of large documents showed in the profile).
      const storedBefore = storedBodies.get(doc)!
      const before = JSON.stringify(storedBefore)
      let next: Doc
      try {
        next = applyUpdate(doc, update, true)
      } catch (err: any) {
        throw invalidParam(err.message)
      }
      const { _id, ...body } = next
      const storedAfter = toStored(body)
      const stored = JSON.stringify(storedAfter)
      if (stored === before) continue
      const write = prunedDocs.has(doc) ? byPath(storedBefore, storedAfter, paths!) : { sql: '$2::jsonb', params: [stored] }
      await this.writeGuarded(q, envName, collection, t.indexed, [body], () =>
        q.query(`UPDATE ${t.ref} SET doc = ${write.sql} WHERE _id = $1::jsonb`, [idParam(_id), ...write.params]))
      updated++
    }
    return { matched: docs.length, updated }
  }

  /**
   * The update of the one document `query` names, as a single statement (update-statement.ts), run
   * on its own — outside any transaction, since the statement is atomic. Null when the shape or the
   * document needs the general path (`update`), which then decides as before.
   */
  async updateInOneStatement(q: SqlRunner, envName: string, collection: string, query: Doc, update: Doc): Promise<{ matched: number; updated: number } | null> {
    const t = this.table(envName, collection)
    const statement = updateStatement(envName, t.ref, query, update, t.indexed)
    if (!statement) return null
    let n = 0
    try {
      await this.writeGuarded(q, envName, collection, t.indexed, [], async () => { n = (await q.query(statement.sql, statement.params)).affectedRows })
    } catch (err) {
      if (needsGeneralPath(err)) return null
      throw err
    }
    // The statement always changes what it matches (update-statement.ts): updated is matched.
    return { matched: n, updated: n }
  }

  /**
   * doc(id).set() outside a transaction, as ONE statement: INSERT … ON CONFLICT (_id) DO UPDATE —
   * atomic on its own, and two sets of one new id at the same instant both succeed (one creates, the
   * other replaces), as MongoDB retries an upsert by _id; a read-then-insert lost that race with a
   * duplicate key. Null when the body puts an array on an indexed path: that multikey record must
   * commit with the write, so `replace` runs in a transaction.
   */
  async upsertInOneStatement(q: SqlRunner, envName: string, collection: string, id: DocId, body: Doc): Promise<{ matched: number; updated: number; upsertedId: DocId | null } | null> {
    const t = this.table(envName, collection)
    const { _id: _ignored, ...clean } = body
    if (arrayPaths(clean, t.indexed).length) return null
    const params = [idParam(id), JSON.stringify(toStored(clean))]
    let inserted = false
    await this.writeGuarded(q, envName, collection, t.indexed, [], async () => {
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      const r = await q.query<{ inserted: boolean }>(
        `INSERT INTO ${t.ref} (_id, doc) VALUES ($1::jsonb, $2::jsonb) ON CONFLICT (_id) DO UPDATE SET doc = EXCLUDED.doc RETURNING (xmax = 0) AS inserted`, params)
      inserted = r.rows[0].inserted
    })
    return inserted ? { matched: 0, updated: 0, upsertedId: id } : { matched: 1, updated: 1, upsertedId: null }
  }

  /** doc(id).set(): replaces the whole document, creating it when absent. */
  async replace(q: SqlRunner, envName: string, collection: string, id: DocId, body: Doc, upsert: boolean): Promise<{ matched: number; updated: number; upsertedId: DocId | null }> {
    const t = this.table(envName, collection)
    const { _id: _ignored, ...clean } = body
    const stored = JSON.stringify(toStored(clean))
    const idJson = idParam(id)
    const existing = await q.query<Row>(`SELECT _id, doc FROM ${t.ref} WHERE _id = $1::jsonb FOR UPDATE`, [idJson])
    if (existing.rows.length) {
      await this.writeGuarded(q, envName, collection, t.indexed, [clean], () => q.query(`UPDATE ${t.ref} SET doc = $2::jsonb WHERE _id = $1::jsonb`, [idJson, stored]))
      return { matched: 1, updated: 1, upsertedId: null }
    }
    if (!upsert) return { matched: 0, updated: 0, upsertedId: null }
    await this.writeGuarded(q, envName, collection, t.indexed, [clean], () => q.query(`INSERT INTO ${t.ref} (_id, doc) VALUES ($1::jsonb, $2::jsonb)`, [idJson, stored]))
    return { matched: 0, updated: 0, upsertedId: id }
  }

  async remove(q: SqlRunner, envName: string, collection: string, query: Doc, multi: boolean): Promise<number> {
    const t = this.table(envName, collection)
    const docs = await this.select(q, envName, collection, { query, limit: multi ? undefined : 1 }, true)
    if (!docs.length) return 0
    const r = await q.query(`DELETE FROM ${t.ref} WHERE _id IN (SELECT jsonb_array_elements($1::jsonb))`, [JSON.stringify(docs.map((d) => d._id))])
    return r.affectedRows
  }

  /**
   * An aggregate: SQL answers its head — the leading $match stages, then a $sort, $skip and $limit
   * (a page) or a bare count ($group by null summing 1) — and the evaluator runs the rest.
   */
  async aggregate(q: SqlRunner, envName: string, collection: string, pipeline: Doc[]): Promise<Doc[]> {
    const head = pipelineHead(pipeline)
    let docs: Doc[]
    if (head.countAs !== undefined) {
      const n = await this.count(q, envName, collection, head.find.query)
      docs = n ? [{ _id: null, [head.countAs]: n }] : []
    } else {
      docs = await this.select(q, envName, collection, head.find, false)
    }
    // Each $lookup reads only the foreign documents it can match (lookup-sources.ts).
    const read = async (from: string, where: Doc | undefined) => {
      let query: Doc | undefined
      try { query = interpretQuery(where) } catch { query = undefined }
      return this.select(q, envName, from, { query }, false)
    }
    return runWithLookups(docs, head.rest, read, runPipeline, (from, sub) => this.aggregate(q, envName, from, sub))
  }

  /** Runs a write; turns unique-index violations into the SDK's duplicate-key error and records array-valued indexed paths. */
  private async writeGuarded(q: SqlRunner, envName: string, collection: string, indexed: Set<string>, bodies: Doc[], write: () => Promise<unknown>): Promise<void> {
    try {
      await write()
    } catch (err: any) {
      if (isUniqueViolation(err)) throw duplicateKey(envName, collection, this.catalog.spec(collection)!, err)
      throw err
    }
    const arrays = [...new Set(bodies.flatMap((b) => arrayPaths(b, indexed)))]
    if (arrays.length) await this.catalog.markMultikey(q, envName, collection, arrays)
  }
}

/**
 * What SQL can answer at the head of a pipeline, and the stages left to the evaluator: the leading
 * $match stages (as one query) followed either by $sort / $skip / $limit in that order, or by a
 * `$group: { _id: null, <name>: { $sum: 1 } }` (a count). A $match the query interpreter refuses
 * stays with the evaluator, which then reports it as before.
 */
function pipelineHead(pipeline: Doc[]): { find: FindOptions; countAs?: string; rest: Doc[] } {
  const matches: Doc[] = []
  let i = 0
  for (; i < pipeline.length && isOnly(pipeline[i], '$match'); i++) {
    let query: Doc | undefined
    try { query = interpretQuery(pipeline[i].$match) } catch { break }
    if (query) matches.push(query)
  }
  const find: FindOptions = { query: matches.length === 0 ? undefined : matches.length === 1 ? matches[0] : { $and: matches } }
  const countAs = isOnly(pipeline[i], '$group') ? countField(pipeline[i].$group) : undefined
  if (countAs !== undefined) return { find, countAs, rest: pipeline.slice(i + 1) }
  if (isOnly(pipeline[i], '$sort') && isPlainSort(pipeline[i].$sort)) find.sort = pipeline[i++].$sort
  if (isOnly(pipeline[i], '$skip') && isCount(pipeline[i].$skip)) find.skip = pipeline[i++].$skip
  if (isOnly(pipeline[i], '$limit') && isCount(pipeline[i].$limit) && pipeline[i].$limit > 0) find.limit = pipeline[i++].$limit
  return { find, rest: pipeline.slice(i) }
}

const isOnly = (stage: Doc | undefined, name: string): stage is Doc => !!stage && Object.keys(stage).length === 1 && name in stage
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isPlainSort = (sort: unknown): sort is Record<string, number> =>
  !!sort && typeof sort === 'object' && Object.keys(sort).length > 0 && Object.values(sort).every((d) => d === 1 || d === -1)

/** The output field of a count written as $group: `{ _id: null, n: { $sum: 1 } }`. */
function countField(group: Doc): string | undefined {
  const keys = Object.keys(group ?? {})
  if (keys.length !== 2 || !('_id' in group) || group._id !== null) return undefined
  const name = keys.find((k) => k !== '_id')!
  const acc = group[name]
  return acc && typeof acc === 'object' && Object.keys(acc).length === 1 && acc.$sum === 1 && !name.includes('.') && !name.startsWith('$') ? name : undefined
}

/**
 * The paths a read may prune its documents to (projection-sql.ts), or null for whole documents: the
 * projection's, plus what the evaluator reads when SQL does not decide the match or the order.
 */
function prunedPaths(opts: FindOptions, exact: boolean, sqlOrder: boolean): string[][] | null {
  const projected = prunablePaths(opts.projection)
  if (!projected) return null
  const matched = exact ? [] : queryPaths(opts.query)
  if (!matched) return null
  const sorted = sqlOrder ? [] : Object.keys(opts.sort ?? {}).filter((k) => k !== '_id').map((k) => k.split('.'))
  return [...projected, ...matched, ...sorted]
}

/** The paths a locked read may cut its document to: the update's and what the evaluator reads to decide the match. */
function withQueryPaths(lockedPaths: string[][] | null, query: Doc | undefined, exact: boolean): string[][] | null {
  if (!lockedPaths) return null
  const matched = exact ? [] : queryPaths(query)
  return matched ? [...lockedPaths, ...matched] : null
}

/** The write of a pruned document's changes: its SQL over `doc` (parameters from $2) and the parameters. */
function byPath(before: Doc, after: Doc, paths: string[][]): { sql: string; params: unknown[] } {
  const params = new Params()
  params.add(null) // $1 is the id
  const sql = writeBackSql(after, writePositions(before, paths), params)
  return { sql, params: params.values.slice(1) }
}

function toDoc(row: Row): Doc {
  return { _id: row._id, ...fromStored(row.doc) }
}

/** Documents read to be written: their body as stored, so an update compares without converting back. */
const storedBodies = new WeakMap<Doc, Doc>()
/** Locked documents read cut down to an update's paths: written back by path, never whole. */
const prunedDocs = new WeakSet<Doc>()

function toLockedDoc(row: Row): Doc {
  const doc = toDoc(row)
  storedBodies.set(doc, row.doc)
  if (row.pruned) prunedDocs.add(doc)
  return doc
}

/** 32 hex characters, like the ids WeChat's cloud database generates. */
function newId(): string {
  return crypto.randomBytes(16).toString('hex')
}
