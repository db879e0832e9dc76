/**
 * What one function invocation asked of the database: in production every database call from a
 * function is a network round trip (typically 5–20 ms), so this count is what a person waits for.
 * Counted where requests arrive (the /admin endpoint knows the invocation by its URL token), so it
 * includes requests that failed, transaction starts and commits, and nothing the function did not send.
 */
import { downloadPath } from '../storage/file-id'

export interface UsageSummary {
  /** database.* requests this invocation sent itself */
  dbRequests: number
  /** the same, by protocol action (getDocument, modifyDocument, startTransaction …) */
  byAction: Record<string, number>
  /** functions it called with cloud.callFunction, and the database requests those made (all levels) */
  nested: { calls: number; dbRequests: number }
  /**
   * Documents it read by id more than once outside a transaction (`collection/id`): a second round
   * trip for what it already had (#18). A read inside a transaction is not counted: re-reading there
   * is how a transaction decides on what it will write. Nor is a read after the invocation lost a
   * race (see `answered`: the next round reads again on purpose, what it read before is stale), nor
   * reading back what its own update outside a transaction made of a document that others write too.
   */
  repeatedReads: string[]
}

export class InvocationUsage {
  private readonly byAction: Record<string, number> = {}
  private nestedCalls = 0
  private nestedDbRequests = 0
  /** reads by id since the last lost race (see `answered`) */
  private readsThisRound = new Set<string>()
  private readonly repeated = new Set<string>()
  /** paths of the download links this invocation was given (see `fileGone`) */
  private readonly downloadPaths = new Set<string>()

  /** Called by the endpoint for every request carrying this invocation's token. */
  record(action: string, body: Record<string, unknown> = {}): void {
    if (!action.startsWith('database.')) return
    const name = action.slice('database.'.length)
    this.byAction[name] = (this.byAction[name] ?? 0) + 1
    // A transaction given up (a conflict, a slot taken meanwhile, or a refusal): whatever runs next decides on fresh reads.
    if (name === 'abortTransaction') this.readsThisRound = new Set()
    if (body.transactionId) return
    if (name === 'getDocument') {
      const id = readById(body.query)
      if (id === undefined) return
      const key = `${String(body.collectionName)}/${id}`
      if (this.readsThisRound.has(key)) this.repeated.add(key)
      else this.readsThisRound.add(key)
    } else if (name === 'modifyDocument' && body.merge !== false) {
      // An update outside a transaction whose result depends on what is stored (a push onto a shared
      // queue, an increment): others may have written between, so reading it back is news, not a
      // repeat. After plain values ($set) — or any write in a transaction — the function knows what
      // the document holds: a read after it is still a repeat.
      const id = idOf(body.query, false)
      if (id !== undefined && dependsOnStored(body.data)) this.readsThisRound.delete(`${String(body.collectionName)}/${id}`)
    }
  }

  /**
   * The endpoint's answer to a request of this invocation. A lost race means the function will
   * decide again on fresh reads, so a new round of reads begins: a write that matched nothing, a
   * transaction conflict, an insert refused because another got the key first, or a file that is not
   * there (in a double tap the other call of the same form may have used and removed it).
   */
  answered(action: string, answer: { data?: unknown; code?: string; message?: string }): void {
    if (lostRace(action, answer)) this.readsThisRound = new Set()
    if (action !== 'storage.batchGetDownloadUrl') return
    // Links to files that are there: remembered for their fetch (`fileGone`). A file not there is a lost race now.
    const files = (answer.data as { download_list?: Array<{ code?: unknown; tempFileURL?: unknown }> } | undefined)?.download_list ?? []
    for (const f of files) {
      if (f.code === 'STORAGE_FILE_NONEXIST') this.readsThisRound = new Set()
      else if (typeof f.tempFileURL === 'string' && f.tempFileURL) this.downloadPaths.add(downloadPath(f.tempFileURL))
    }
  }

  /**
   * A download link answered "no such file" (storage/module.ts). The SDK's downloadFile asks for a
   * link, then fetches it; when the file went in between — a double tap's other call used and removed
   * it — the race was lost at the fetch, which carries no invocation token. So the link is matched to
   * the invocations that were given it.
   */
  fileGone(path: string): void {
    if (this.downloadPaths.has(path)) this.readsThisRound = new Set()
  }

  /** A function this invocation called has finished: its requests count as nested. */
  addNested(callee: UsageSummary): void {
    this.nestedCalls += 1 + callee.nested.calls
    this.nestedDbRequests += callee.dbRequests + callee.nested.dbRequests
  }

  summary(): UsageSummary {
    const dbRequests = Object.values(this.byAction).reduce((a, b) => a + b, 0)
    const repeatedReads = [...this.repeated]
    return { dbRequests, byAction: { ...this.byAction }, nested: { calls: this.nestedCalls, dbRequests: this.nestedDbRequests }, repeatedReads }
  }
}

/** The code the endpoint answers a write conflict between transactions with (db/errors.ts). */
const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'
/** …and a unique key another writer took first (db/errors.ts, MongoDB's text). */
const DUPLICATE_KEY = /E11000 duplicate key/

function lostRace(action: string, answer: { data?: unknown; code?: string; message?: string }): boolean {
  if (answer.code === TRANSACTION_CONFLICT || DUPLICATE_KEY.test(answer.message ?? '')) return true
  const data = answer.data as { matched?: unknown; upsert_id?: unknown } | undefined
  // set() that creates the document also answers matched: 0, with the id it inserted: not a race.
  return action === 'database.modifyDocument' && data?.matched === 0 && !data.upsert_id
}

/** Update operators whose result depends on the stored value (MongoDB's, as the SDK sends them). */
const STORED_DEPENDENT = new Set(['$inc', '$mul', '$min', '$max', '$push', '$pull', '$pullAll', '$addToSet', '$pop'])

const MENTIONS_STORED_DEPENDENT = new RegExp(`"\\$(${[...STORED_DEPENDENT].map((op) => op.slice(1)).join('|')})"`)

function dependsOnStored(data: unknown): boolean {
  let d: unknown = data
  if (typeof d === 'string') {
    // Most updates name none of them: a scan of the text spares parsing it again.
    if (!MENTIONS_STORED_DEPENDENT.test(d)) return false
    try { d = JSON.parse(d) } catch { return false }
  }
  return !!d && typeof d === 'object' && Object.keys(d).some((op) => STORED_DEPENDENT.has(op))
}

/** The id of a read whose query is `{ _id: <string> }` alone (doc().get(), where({ _id })). */
function readById(query: unknown): string | undefined {
  return idOf(query, true)
}

/**
 * The string `_id` a query names — alone, or (unless `alone`) with other conditions, also inside a
 * top-level `$and` (`_.and([{ _id, … }, …])`); the SDK sends the query as JSON text.
 */
function idOf(query: unknown, alone: boolean): string | undefined {
  let q: unknown = query
  if (typeof q === 'string') {
    try { q = JSON.parse(q) } catch { return undefined }
  }
  if (!q || typeof q !== 'object' || Array.isArray(q)) return undefined
  const { _id: id, $and: all } = q as Record<string, unknown>
  if (alone) return Object.keys(q).length === 1 && typeof id === 'string' ? id : undefined
  if (typeof id === 'string') return id
  return Array.isArray(all) ? all.map((part) => idOf(part, false)).find((x) => x !== undefined) : undefined
}
