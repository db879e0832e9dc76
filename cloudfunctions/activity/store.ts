/**
 * Database access for activities and registrations: single-document reads, and a transaction
 * runner that retries. wx-server-sdk only retries conflicts it can recognise, and it strips the
 * error code from operations inside the callback, so a conflict on the PostgreSQL-server engine
 * (or a changed waitlist head) is retried here, in application code, a bounded number of times.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'

export const ACTIVITIES = COLLECTIONS.activities
export const REGISTRATIONS = COLLECTIONS.registrations

export const registrationId = (activityId: string, memberId: string) => `${activityId}_${memberId}`

export async function getDoc<T>(db: Database | Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await (db as any).collection(collection).doc(id).get()) as { data: T | T[] }
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return (data as T | undefined) ?? null
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

function isNotFound(err: unknown): boolean {
  const text = String((err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? err)
  return /not\s*exist|not\s*found|document.*does not exist|-502004|cannot find document/i.test(text)
}

export async function loadActivity(db: Database, id: string): Promise<ActivityDoc> {
  const a = await getDoc<ActivityDoc>(db, ACTIVITIES, id)
  if (!a) throw notFound('活动')
  return a
}

export async function loadRegistration(db: Database | Tx, id: string): Promise<RegistrationDoc | null> {
  return getDoc<RegistrationDoc>(db, REGISTRATIONS, id)
}

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
