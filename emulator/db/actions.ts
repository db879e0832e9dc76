/**
 * The `database.*` actions of the TCB protocol wx-server-sdk 4.0.2 speaks (captured samples:
 * ../shared/reference/tcb-wire-protocol.json), with the SDK's result shapes.
 */
import crypto from 'node:crypto'
import type { TcbRequest } from '../registry'
import type { OpenTransaction, SqlEngine, SqlRunner } from './engine'
import { isConflict } from './engine'
import type { EnvironmentCatalog } from './schema'
import { CollectionStore } from './store'
import { decodeRequestValue, encodeResponseDoc, isDocId, type Doc } from './values'
import { invalidParam, transactionConflict, transactionNotExist } from './errors'
import { interpretPipeline, interpretProjection, interpretQuery, interpretUpdate, storable } from './commands'

/** A transaction left open this long (ms) is rolled back, like the cloud's transaction timeout. */
const TRANSACTION_IDLE_MS = 30_000
/**
 * An open transaction idle this long while other requests wait is abandoned and rolled back. A
 * function inside a transaction sends its next request within milliseconds; a long pause means it
 * died or forgot to commit. On embedded PGlite (one connection) it would otherwise freeze every other
 * request for the full idle timeout; on a server it would hold its row locks against them.
 */
const CONTENDED_IDLE_MS = 5_000
const IDLE_CHECK_MS = 500
const SERVER_DEFAULT_LIMIT = 100

interface HeldTransaction {
  envName: string
  tx: OpenTransaction
  lastUsed: number
  /** Requests of this transaction in progress (it is not idle while one runs). */
  busy: number
}

export class DatabaseActions {
  readonly store: CollectionStore
  private transactions = new Map<string, HeldTransaction>()
  /** Requests outside every open transaction, in progress or queued (on PGlite: behind one). */
  private waitingOutside = 0
  private idleCheck: NodeJS.Timeout | undefined

  constructor(private engine: SqlEngine, private catalog: EnvironmentCatalog) {
    this.store = new CollectionStore(catalog)
  }

  /** Reads only the action, environment and body: the caller's identity and usage stay on the main thread. */
  async handle(req: Pick<TcbRequest, 'action' | 'envName' | 'body'>): Promise<Record<string, unknown>> {
    const { action, body, envName } = req
    await this.catalog.ensure(envName)
    const outside = !body.transactionId
    if (outside) this.waitingOutside++
    try {
      switch (action) {
        case 'database.startTransaction': return await this.startTransaction(envName)
        case 'database.commitTransaction': return await this.endTransaction(String(body.transactionId), true)
        case 'database.abortTransaction': return await this.endTransaction(String(body.transactionId), false)
        default: return await this.operation(action, body, envName)
      }
    } catch (err) {
      if (isConflict(err)) throw transactionConflict()
      throw err
    } finally {
      if (outside) this.waitingOutside--
    }
  }

  private async operation(action: string, body: Doc, envName: string): Promise<Record<string, unknown>> {
    const now = new Date()
    const collection = String(body.collectionName ?? '')
    // Interpreted before anything runs: a query the local cloud cannot read is refused, never matched as empty.
    const query = interpretQuery(decodeRequestValue(body.query, now) as Doc | undefined)
    const txId = body.transactionId as string | undefined
    if (txId && body.queryType === 'WHERE') throw invalidParam('transaction only supports single-document operations (doc().get/update/set/remove and add)')
    const run = <T>(fn: (q: SqlRunner) => Promise<T>, write: boolean): Promise<T> => {
      if (txId) return this.inTransaction(txId, fn)
      return write ? this.engine.transaction(fn) : fn(this.engine)
    }

    switch (action) {
      case 'database.getDocument': {
        const limit = body.queryType === 'DOC' ? 1 : Math.min(Number(body.limit ?? SERVER_DEFAULT_LIMIT), 1000)
        const docs = await run((q) => this.store.find(q, envName, collection, {
          query,
          sort: decodeRequestValue(body.order, now),
          skip: Number(body.offset ?? 0),
          limit,
          projection: interpretProjection(decodeRequestValue(body.projection, now)),
        }), Boolean(txId))
        return { data: { list: docs.map(encodeResponseDoc), offset: Number(body.offset ?? 0), limit } }
      }
      case 'database.calculateDocument': {
        const total = await run((q) => this.store.count(q, envName, collection, query), false)
        return { data: { total } }
      }
      case 'database.insertDocument': {
        const items: string[] = Array.isArray(body.data) ? body.data : [body.data]
        const docs = items.map((d) => decodeRequestValue(d, now) as Doc)
        if (docs.some((d) => !d || typeof d !== 'object' || Array.isArray(d))) throw invalidParam('data must be an object')
        for (const doc of docs) storable(doc, '')
        const ids = await run((q) => this.store.insert(q, envName, collection, docs), true)
        return { data: { insertedIds: ids } }
      }
      case 'database.modifyDocument': {
        const decoded = decodeRequestValue(body.data, now) as Doc
        if (!decoded || typeof decoded !== 'object') throw invalidParam('data must be an object')
        if (body.merge === false) {
          const id = query?._id
          if (!isDocId(id)) throw invalidParam('set() needs a document id (a string or a number)')
          storable(decoded, '')
          const upsert = body.upsert !== false
          const r = (!txId && upsert && await this.store.upsertInOneStatement(this.engine, envName, collection, id, decoded))
            || await run((q) => this.store.replace(q, envName, collection, id, decoded, upsert), true)
          return { data: { updated: r.updated, matched: r.matched, upsert_id: r.upsertedId } }
        }
        const data = interpretUpdate(decoded)
        const r = (!txId && await this.store.updateInOneStatement(this.engine, envName, collection, query ?? {}, data))
          || await run((q) => this.store.update(q, envName, collection, query ?? {}, data, body.multi !== false), true)
        return { data: { updated: r.updated, matched: r.matched, upsert_id: null } }
      }
      case 'database.removeDocument': {
        const deleted = await run((q) => this.store.remove(q, envName, collection, query ?? {}, body.multi !== false), true)
        return { data: { deleted } }
      }
      case 'database.aggregateDocuments': {
        const stages: Array<{ stageKey: string; stageValue: string }> = body.stages ?? []
        const pipeline = interpretPipeline(stages.map((s) => ({ [s.stageKey]: decodeRequestValue(s.stageValue, now) })))
        const list = await run((q) => this.store.aggregate(q, envName, collection, pipeline), false)
        return { data: { list: list.map(encodeResponseDoc) } }
      }
      default:
        throw invalidParam(`unsupported database action ${action}`)
    }
  }

  private async startTransaction(envName: string): Promise<Record<string, unknown>> {
    const tx = await this.engine.begin()
    const id = crypto.randomBytes(12).toString('hex')
    this.transactions.set(id, { envName, tx, lastUsed: Date.now(), busy: 0 })
    this.watchIdle()
    return { transactionId: id }
  }

  /** Rolls back transactions idle past the timeout, or past the short limit while others wait. */
  private watchIdle(): void {
    if (this.idleCheck) return
    this.idleCheck = setInterval(() => {
      const now = Date.now()
      for (const [id, held] of this.transactions) {
        if (held.busy) continue
        const idle = now - held.lastUsed
        if (idle >= TRANSACTION_IDLE_MS || (this.waitingOutside > 0 && idle >= CONTENDED_IDLE_MS)) {
          void this.endTransaction(id, false).catch(() => undefined)
        }
      }
      if (!this.transactions.size) { clearInterval(this.idleCheck); this.idleCheck = undefined }
    }, IDLE_CHECK_MS)
    this.idleCheck.unref()
  }

  private async inTransaction<T>(id: string, fn: (q: SqlRunner) => Promise<T>): Promise<T> {
    const held = this.transactions.get(id)
    if (!held) throw transactionNotExist(id)
    held.busy++
    try {
      return await fn(held.tx)
    } finally {
      held.busy--
      held.lastUsed = Date.now()
    }
  }

  private async endTransaction(id: string, commit: boolean): Promise<Record<string, unknown>> {
    const held = this.transactions.get(id)
    if (!held) throw transactionNotExist(id)
    this.transactions.delete(id)
    if (commit) await held.tx.commit()
    else await held.tx.rollback()
    return { data: {} }
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.transactions.keys()]) await this.endTransaction(id, false).catch(() => undefined)
  }
}
