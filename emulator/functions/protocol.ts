/** Messages between the runner (main thread) and one function instance (worker thread). */

export interface WorkerBoot {
  /** absolute path of the bundle's index.js */
  entry: string
  name: string
}

export interface InvokeMessage {
  type: 'invoke'
  id: number
  event: unknown
  context: Record<string, unknown>
  /** per-invocation process.env entries; '' removes the variable */
  env: Record<string, string>
}

export interface SerializedError {
  name: string
  message: string
  stack?: string
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'boot-error'; error: SerializedError }
  | { type: 'done'; id: number; ok: true; json: string }
  | { type: 'done'; id: number; ok: false; error: SerializedError }

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack }
  let message: string
  try { message = typeof err === 'string' ? err : JSON.stringify(err) } catch { message = String(err) }
  return { name: 'Error', message }
}
