/**
 * Inside a create's transaction: a duplicate `_id` means this request already created it. It is
 * thrown as an AppError so the transaction runner neither retries it nor hides it; the caller
 * answers with what the first request made.
 */
import { isDuplicateKey } from '../_shared/create-once'
import { AppError } from '../_shared/errors'
import type { Tx } from '../_shared/transaction'

export const ALREADY = 'already created by this request'

export async function addOnce(t: Tx, collection: string, doc: { _id: string }): Promise<void> {
  try {
    await t.collection(collection).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError('CONFLICT', ALREADY)
    throw err
  }
}
