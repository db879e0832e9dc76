/**
 * 回执码: 16 characters of base32 (80 bits), shown once. Stored only as
 *  - `lookup`: HMAC(APP_SECRET, 'lookup', code) cut to 64 bits — finds the item without a scan;
 *  - `salt` + `hash`: HMAC(APP_SECRET, salt, code) with a per-item random salt — proves the code.
 * Neither gives the code back, and without APP_SECRET neither can be tested against guesses.
 */
import crypto from 'node:crypto'
import { RECEIPT_ALPHABET, RECEIPT_CODE_LENGTH } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import type { OpinionDoc } from '../_shared/documents'
import { keyedHash } from './secret'

export type Receipt = NonNullable<OpinionDoc['receipt']>

/** 16 characters from a 32-letter alphabet, 5 bits each taken from `bytes` (no modulo bias). */
function codeFrom(bytes: Buffer): string {
  return [...bytes.subarray(0, RECEIPT_CODE_LENGTH)].map((b) => RECEIPT_ALPHABET[b & 31]).join('')
}

/** 16 uniformly random characters (tests and tools; submissions use `submissionReceiptCode`). */
export function newReceiptCode(): string {
  return codeFrom(crypto.randomBytes(RECEIPT_CODE_LENGTH))
}

/**
 * The code of one submission: HMAC(APP_SECRET, caller, request id), so a retry of the same form
 * answers the same code although only its hashes are stored. Uniform (HMAC output), 80 bits; see
 * submit.ts for why nobody can recompute it.
 */
export function submissionReceiptCode(ctx: Ctx, requestId: string): string {
  return codeFrom(Buffer.from(keyedHash(ctx, 'opinion-receipt-code', ctx.openid, requestId), 'hex'))
}

export function receiptLookup(ctx: Ctx, code: string): string {
  return keyedHash(ctx, 'opinion-receipt-lookup', code).slice(0, 16)
}

export function sealReceipt(ctx: Ctx, code: string): Receipt {
  const salt = crypto.randomBytes(16).toString('hex')
  return { lookup: receiptLookup(ctx, code), salt, hash: keyedHash(ctx, 'opinion-receipt', salt, code) }
}

/** Constant-time check of a code against a stored receipt. */
export function receiptMatches(ctx: Ctx, receipt: Receipt, code: string): boolean {
  const expected = Buffer.from(receipt.hash, 'hex')
  const actual = Buffer.from(keyedHash(ctx, 'opinion-receipt', receipt.salt, code), 'hex')
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual)
}
