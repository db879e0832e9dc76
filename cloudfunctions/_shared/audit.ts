/**
 * The audit log: every admin action anywhere in the app (who, when, what, on what, before and
 * after). Append-only — this is its only writer and nothing updates or removes an entry.
 * Pass the transaction when the action runs in one, so the action and its entry land together.
 */
import type { Ctx } from './context'
import { requireMember } from './context'
import { COLLECTIONS, type AuditDoc, type MemberDoc } from './documents'
import { getDoc } from './query'
import { inTransaction } from './transaction'

/** Either the database or a transaction: both add documents the same way. */
export interface DocWriter {
  collection(name: string): { add(p: { data: any }): any }
}

export interface AuditEntry {
  /** `<function>.<action>`, e.g. 'member.approve' */
  action: string
  target: AuditDoc['target']
  /** the changed fields as they were (omit for creations) */
  before?: unknown
  /** the changed fields as they are now (omit for pure reads such as exports) */
  after?: unknown
  note?: string
  /**
   * Who acted, when it is not the caller's approved member record: an applicant whose own
   * application admitted them (an invite, the roster, the staff group), or a member asking for a change.
   */
  actor?: Pick<MemberDoc, '_id' | 'name'>
  /**
   * The entry's id, when the action must happen once per request: derived from the requestId
   * (create-once.ts), a second entry for the same request is refused as a duplicate key.
   */
  id?: string
}

/**
 * Records one admin action by the caller (or `entry.actor`). Never pass an anonymous opinion's submitter data:
 * there is none to pass (the actor here is always the committee member or chair acting).
 */
export async function recordAudit(writer: DocWriter, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = entry.actor ?? requireMember(ctx)
  const doc: Omit<AuditDoc, '_id'> & { _id?: string } = {
    ...(entry.id === undefined ? {} : { _id: entry.id }),
    at: ctx.now,
    actorId: actor._id,
    actorName: actor.name,
    action: entry.action,
    target: entry.target,
    ...(entry.before === undefined ? {} : { before: entry.before }),
    ...(entry.after === undefined ? {} : { after: entry.after }),
    ...(entry.note === undefined ? {} : { note: entry.note }),
  }
  await writer.collection(COLLECTIONS.auditLog).add({ data: doc })
}

/**
 * The shape of most admin actions — read one document, check its state, change it, log it — with the
 * change and its entry in ONE transaction, so both land or neither: a function killed between them, or
 * an entry that fails to write, leaves the document as it was. `decide` sees the document as read in
 * the transaction (null when missing) and refuses with an AppError, returns null (nothing to change, so
 * no entry), or returns the update and its entry. Conflicts run it again on fresh data (inTransaction).
 */
export async function auditedUpdate<D>(
  ctx: Ctx, collection: string, id: string,
  decide: (doc: D | null) => { data: Record<string, unknown>; entry: AuditEntry } | null,
): Promise<{ doc: D | null; changed: boolean }> {
  return inTransaction(ctx.db, async (t) => {
    const doc = await getDoc<D>(t, collection, id)
    const change = decide(doc)
    if (!change) return { doc, changed: false }
    await t.collection(collection).doc(id).update({ data: change.data })
    await recordAudit(t, ctx, change.entry)
    return { doc, changed: true }
  })
}

/**
 * The document as an `auditedUpdate` left it, without reading it again: the transaction's own read
 * with `data` applied when it changed it, else as the transaction found it (someone else got there
 * first). `data` must hold plain values (no `_.inc`, `_.push`): they are what is stored.
 */
export function asWritten<D>(result: { doc: D | null; changed: boolean }, data: Partial<D>): D | null {
  return result.changed && result.doc ? { ...result.doc, ...data } : result.doc
}

/** The fields of `after` that differ from `before`, as { before, after } — for compact entries. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {}
  const a: Partial<T> = {}
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key]
      a[key] = after[key] as T[keyof T]
    }
  }
  return { before: b, after: a }
}
