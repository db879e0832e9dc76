import type * as z from 'zod/mini'
import { result, type ErrorCode, type InputIssue } from '../../types/result'
import { TransportError, type Transport } from './transport'
import { failureMessages, transportMessages } from './messages'
// Platform file: cloud.weapp.ts (wx.cloud) or cloud.h5.ts (local gateway).
import { transport as platformTransport } from './cloud'

export type CallErrorKind = 'network' | 'timeout' | 'function' | 'signin' | 'schema' | 'failure'

/** The only error type pages see. `message` is Chinese and says what to do. */
export class CallError extends Error {
  constructor(
    readonly kind: CallErrorKind,
    message: string,
    /** the function's stable code for kind 'failure' */
    readonly code?: ErrorCode,
    readonly issues?: InputIssue[],
  ) {
    super(message)
    this.name = 'CallError'
  }

  /** Retrying helps with the network or a hiccup, never with a refusal or bad input. */
  get retryable(): boolean {
    if (this.kind === 'failure') return this.code === 'INTERNAL' || this.code === 'CONFLICT' || this.code === 'RATE_LIMITED'
    return this.kind !== 'signin'
  }
}

/** `notice.list` → callFunction({ name: 'notice', data: { action: 'list', ...input } }). */
export function toRequest(fn: string, action: string, input: object) {
  return { name: fn, data: { ...input, action } }
}

export type Call = <S extends z.ZodMiniType>(fn: string, action: string, input: object, data: S) => Promise<z.output<S>>

export function createCall(transport: Transport): Call {
  return async (fn, action, input, data) => {
    let raw: unknown
    try {
      raw = await transport(toRequest(fn, action, input))
    } catch (err) {
      throw fromTransport(err, `${fn}.${action}`)
    }
    // Parse the envelope and the payload together: a payload that does not match the
    // schema the app was built with is treated like any other failure, never rendered.
    const parsed = result(data).safeParse(raw, { jitless: true })
    if (!parsed.success) {
      warn(`${fn}.${action}`, 'schema', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
      throw new CallError('schema', transportMessages.schema)
    }
    const answer = parsed.data
    if (answer.ok) return answer.data as z.output<typeof data>
    throw new CallError('failure', answer.message.trim() || failureMessages[answer.code], answer.code, answer.issues)
  }
}

function fromTransport(err: unknown, what: string): CallError {
  if (!(err instanceof TransportError)) {
    warn(what, 'unexpected', String(err))
    return new CallError('network', transportMessages.network)
  }
  warn(what, err.kind, `${err.errCode ?? ''} ${err.message}`)
  if (err.kind === 'function' && /not\s*(be\s*)?found|not exist|FUNCTION_NOT_FOUND|-501000/i.test(`${err.errCode} ${err.message}`)) {
    return new CallError('function', transportMessages.missingFunction)
  }
  return new CallError(err.kind, transportMessages[err.kind])
}

// Logs which call failed and how — never its input, which may be an anonymous opinion.
function warn(what: string, kind: string, detail: string): void {
  if (process.env.NODE_ENV !== 'test') console.warn(`[call] ${what} ${kind}: ${detail}`)
}

/** Every page and hook calls the cloud through this. */
export const call: Call = createCall(platformTransport)

/** For messages shown from catch blocks that may hold anything. */
export function messageOf(err: unknown): string {
  return err instanceof CallError ? err.message : transportMessages.function
}
