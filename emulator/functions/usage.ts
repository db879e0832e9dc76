/**
 * What one function invocation asked of the database: in production every database call from a
 * function is a network round trip (typically 5–20 ms), so this count is what a person waits for.
 * Counted where requests arrive (the /admin endpoint knows the invocation by its URL token), so it
 * includes requests that failed, transaction starts and commits, and nothing the function did not send.
 */
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
   * is how a transaction decides on what it will write.
   */
  repeatedReads: string[]
}

export class InvocationUsage {
  private readonly byAction: Record<string, number> = {}
  private nestedCalls = 0
  private nestedDbRequests = 0
  private readonly readsById = new Map<string, number>()

  /** Called by the endpoint for every request carrying this invocation's token. */
  record(action: string, body: Record<string, unknown> = {}): void {
    if (!action.startsWith('database.')) return
    const name = action.slice('database.'.length)
    this.byAction[name] = (this.byAction[name] ?? 0) + 1
    const id = name === 'getDocument' && !body.transactionId ? readById(body.query) : undefined
    if (id !== undefined) {
      const key = `${String(body.collectionName)}/${id}`
      this.readsById.set(key, (this.readsById.get(key) ?? 0) + 1)
    }
  }

  /** A function this invocation called has finished: its requests count as nested. */
  addNested(callee: UsageSummary): void {
    this.nestedCalls += 1 + callee.nested.calls
    this.nestedDbRequests += callee.dbRequests + callee.nested.dbRequests
  }

  summary(): UsageSummary {
    const dbRequests = Object.values(this.byAction).reduce((a, b) => a + b, 0)
    const repeatedReads = [...this.readsById].filter(([, n]) => n > 1).map(([key]) => key)
    return { dbRequests, byAction: { ...this.byAction }, nested: { calls: this.nestedCalls, dbRequests: this.nestedDbRequests }, repeatedReads }
  }
}

/** The id of a read whose query is `{ _id: <string> }` alone (doc().get(), where({ _id })); the SDK sends it as JSON text. */
function readById(query: unknown): string | undefined {
  let q: unknown = query
  if (typeof q === 'string') {
    try { q = JSON.parse(q) } catch { return undefined }
  }
  if (!q || typeof q !== 'object' || Array.isArray(q)) return undefined
  const keys = Object.keys(q)
  const id = (q as Record<string, unknown>)._id
  return keys.length === 1 && typeof id === 'string' ? id : undefined
}
