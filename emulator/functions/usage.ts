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
}

export class InvocationUsage {
  private readonly byAction: Record<string, number> = {}
  private nestedCalls = 0
  private nestedDbRequests = 0

  /** Called by the endpoint for every request carrying this invocation's token. */
  record(action: string): void {
    if (!action.startsWith('database.')) return
    const name = action.slice('database.'.length)
    this.byAction[name] = (this.byAction[name] ?? 0) + 1
  }

  /** A function this invocation called has finished: its requests count as nested. */
  addNested(callee: UsageSummary): void {
    this.nestedCalls += 1 + callee.nested.calls
    this.nestedDbRequests += callee.dbRequests + callee.nested.dbRequests
  }

  summary(): UsageSummary {
    const dbRequests = Object.values(this.byAction).reduce((a, b) => a + b, 0)
    return { dbRequests, byAction: { ...this.byAction }, nested: { calls: this.nestedCalls, dbRequests: this.nestedDbRequests } }
  }
}
