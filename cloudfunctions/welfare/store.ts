/**
 * The welfare domain's single-document reads and conditional writes (lists and aggregates stay
 * with the actions that shape them). Every read here works on the database or inside a transaction.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, type WelfareVisitDoc } from '../_shared/documents'
import { notFound } from '../_shared/errors'
import type { Tx } from '../_shared/transaction'
import { WELFARE_COLLECTIONS, type WelfarePlanDoc } from './documents'

export const VISITS = COLLECTIONS.welfareVisits
export const PLANS = WELFARE_COLLECTIONS.plans

/** A plan entry's id: the plan and the member, so one plan visits a person once. `<32>_<32>` = 65 characters. */
export const planEntryId = (planId: string, memberId: string) => `${planId}_${memberId}`

function isNotFound(err: unknown): boolean {
  const text = String((err as { errMsg?: string; message?: string })?.errMsg ?? (err as Error)?.message ?? err)
  return /not\s*exist|not\s*found|-502004|cannot find document/i.test(text)
}

/** One document by `_id`, or null (the SDK throws for a missing id on some paths, answers empty on others). */
export async function getDoc<T>(db: Database | Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await (db as any).collection(collection).doc(id).get()) as { data: T | T[] | null }
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return (data as T | undefined) ?? null
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

export async function loadVisit(db: Database | Tx, id: string): Promise<WelfareVisitDoc> {
  const v = await getDoc<WelfareVisitDoc>(db, VISITS, id)
  if (!v) throw notFound('这条慰问记录')
  return v
}

export async function loadPlan(db: Database | Tx, id: string): Promise<WelfarePlanDoc> {
  const p = await getDoc<WelfarePlanDoc>(db, PLANS, id)
  if (!p) throw notFound('这个慰问计划')
  return p
}
