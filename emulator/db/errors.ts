/** Errors with the codes and texts the real cloud database returns (wx-server-sdk maps the codes to errCode). */
import { TcbError } from '../registry'
import type { CollectionSpec } from './manifest'

export function collectionNotExist(collection: string): TcbError {
  return new TcbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${collection})`)
}

/** MongoDB's text: `E11000 duplicate key error collection: env.members index: openid_unique dup key: { openid: "o1" }`. */
export function duplicateKey(envName: string, collection: string, spec: CollectionSpec, err: any): TcbError {
  const constraint = String(err?.constraint ?? '')
  const index = spec.indexes.find((ix) => constraint === `ix_${collection}_${ix.name}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60))
  const values = /\)=\((.*)\) already exists/.exec(String(err?.detail ?? ''))?.[1]?.split(', ') ?? []
  const fields = index ? index.keys.map(([f]) => f) : ['_id']
  const key = fields.map((f, i) => `${f}: ${values[i] ?? ''}`).join(', ')
  return new TcbError('DATABASE_REQUEST_FAILED', `[FailedOperation] E11000 duplicate key error collection: ${envName}.${collection} index: ${index?.name ?? '_id_'} dup key: { ${key} }`)
}

export function invalidParam(message: string): TcbError {
  return new TcbError('INVALID_PARAM', `[InvalidParameter] ${message}`)
}

export function transactionConflict(): TcbError {
  return new TcbError('DATABASE_TRANSACTION_CONFLICT', '[ResourceUnavailable.TransactionBusy] Transaction is busy, write conflict with another transaction. Please retry.')
}

export function transactionNotExist(id: string): TcbError {
  return new TcbError('DATABASE_TRANSACTION_FAIL', `[ResourceNotFound.TransactionNotExist] transaction ${id} not exist or expired`)
}
