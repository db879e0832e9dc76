/**
 * A transaction runner that retries. wx-server-sdk only retries conflicts it can recognise, and it
 * strips the error code from operations inside the callback, so a conflict on the PostgreSQL-server
 * engine (or a changed waitlist head) is retried here, in application code, a bounded number of times.
 */
import type { Database } from './context'
import { AppError } from './errors'

/** A transaction handle: single-document operations only (as in the cloud). */
export type Tx = { collection(name: string): any; commit(): Promise<unknown>; rollback(v?: unknown): Promise<unknown> }

/** Thrown inside a transaction to start it again (e.g. the waitlist head moved). */
export class Retry extends Error {
  constructor() {
    super('retry')
    this.name = 'Retry'
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Runs `fn` in a transaction and commits; on a conflict or a Retry it rolls back and runs again
 * (up to `attempts` times, with jittered backoff), calling `prepare` afresh before each attempt
 * (reads that cannot happen inside a transaction, such as the waitlist head query). AppErrors are
 * refusals: rolled back, not retried. `fn` must use only the transaction handle — on the
 * embedded engine an open transaction holds the database, so a query outside it would wait for ever.
 */
export async function inTransaction<T, P = undefined>(db: Database, fn: (t: Tx, prepared: P) => Promise<T>, prepare?: () => Promise<P>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const prepared = (prepare ? await prepare() : undefined) as P
    const t = (await (db as any).startTransaction()) as Tx
    try {
      const out = await fn(t, prepared)
      await t.commit()
      return out
    } catch (err) {
      await t.rollback().catch(() => undefined)
      if (err instanceof AppError) throw err
      if (attempt >= attempts) throw err
      await sleep(Math.min(200, 5 * attempt) * (0.5 + Math.random()))
    }
  }
}
