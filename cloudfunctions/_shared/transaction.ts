/**
 * A transaction runner that retries. wx-server-sdk only retries conflicts it can recognise, and it
 * strips the error code from operations inside the callback, so a conflict on the PostgreSQL-server
 * engine (or a changed waitlist head) is retried here, in application code, a bounded number of times.
 */
import type { Database } from './context'

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
 * What another transaction getting there first looks like from inside ours: a write conflict
 * (`[ResourceUnavailable.TransactionBusy]`, errCode -501001 — the SDK keeps only the generic code), a
 * transaction the database already dropped, or a unique key another transaction inserted first. Run
 * again, each of these sees the other's committed write and decides afresh.
 */
const CONFLICT = /TransactionBusy|write conflict|TRANSACTION_CONFLICT|TransactionNotExist|E11000 duplicate key/i

export function isConflict(err: unknown): boolean {
  if (err instanceof Retry) return true
  const e = err as { errMsg?: unknown; message?: unknown; code?: unknown } | null
  return CONFLICT.test(`${String(e?.errMsg ?? '')} ${String(e?.message ?? '')} ${String(e?.code ?? '')}`)
}

/**
 * Runs `fn` in a transaction and commits; on a conflict or a Retry it rolls back and runs again
 * (up to `attempts` times, with jittered backoff), calling `prepare` afresh before each attempt
 * (reads that cannot happen inside a transaction, such as the waitlist head query). Anything else —
 * a refusal (AppError), a bad request, a failure that would only happen again — is rolled back and
 * thrown at once: retrying it 40 times only made the caller wait seconds for the same error. `fn` must use only the transaction handle — on the
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
      if (!isConflict(err) || attempt >= attempts) throw err
      await sleep(Math.min(200, 5 * attempt) * (0.5 + Math.random()))
    }
  }
}
