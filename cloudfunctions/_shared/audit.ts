/**
 * The audit log: every admin action anywhere in the app (who, when, what, on what, before and
 * after). Append-only — this is its only writer and nothing updates or removes an entry.
 * Pass the transaction when the action runs in one, so the action and its entry land together.
 */
import type { Ctx } from './context'
import { requireMember } from './context'
import { COLLECTIONS, type AuditDoc, type MemberDoc } from './documents'

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
}

/**
 * Records one admin action by the caller (or `entry.actor`). Never pass an anonymous opinion's submitter data:
 * there is none to pass (the actor here is always the committee member or chair acting).
 */
export async function recordAudit(writer: DocWriter, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = entry.actor ?? requireMember(ctx)
  const doc: Omit<AuditDoc, '_id'> = {
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
