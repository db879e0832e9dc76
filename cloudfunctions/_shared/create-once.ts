/**
 * Creates happen once. The app sends a `requestId` (types/common.ts `requestId`) made when the
 * form opened and kept across retries and double taps; the new document's `_id` is derived from
 * (what is created, who asks, requestId). A retry lands on the same `_id`, the primary key refuses
 * the second insert (duplicate key), and the handler answers with what the first one created —
 * nothing is written twice. Another caller sending the same requestId gets a different `_id`, so
 * it can neither collide with nor read someone else's create.
 *
 * Multi-document creates use the derived ids inside one transaction (all-or-nothing), or write the
 * head document first in a `creating` state that a retry with the same requestId finishes.
 *
 * The id is a SHA-256 prefix: it reveals neither the caller nor the requestId. (An anonymous item
 * must still not be derivable by an operator who knows openids: the requestId is random, never
 * stored and never logged, so nobody can recompute it.)
 */
import { createHash } from 'node:crypto'

/** 32 hex characters, like the database's own ids. `kind` names what is created, e.g. 'welfare.visit'. */
export function createdId(openid: string, kind: string, requestId: string): string {
  return createHash('sha256').update(`${kind}\n${openid}\n${requestId}`).digest('hex').slice(0, 32)
}

/** The database refused an insert because the `_id` (or another unique index) already exists. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: number; errMsg?: string; message?: string } | null
  return e?.errCode === -502001 || /E11000|duplicate key/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`)
}
