/**
 * Database access for activities and registrations: single-document reads; transactions go
 * through the shared retrying runner (../_shared/transaction.ts).
 */
import type { Database } from '../_shared/context'
import type { Tx } from '../_shared/transaction'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../_shared/documents'
import { notFound } from '../_shared/errors'

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

export { inTransaction, Retry, type Tx } from '../_shared/transaction'
