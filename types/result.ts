import * as z from 'zod/mini'

/**
 * Every cloud function answers with this envelope. `code` is stable (the app may switch on it);
 * `message` is Chinese and says what to do. `issues` only accompanies BAD_INPUT.
 */
export const errorCodes = [
  'BAD_INPUT', // input failed its schema; nothing was written
  'UNKNOWN_ACTION', // the function has no such action (usually an outdated app)
  'FORBIDDEN', // the caller's role may not do this
  'NOT_FOUND',
  'CONFLICT', // state changed underneath (e.g. already published, full)
  'RATE_LIMITED',
  'MISCONFIGURED', // a function environment variable is missing or wrong
  'INTERNAL', // unexpected; details only in the function log
] as const
export const errorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCode>

export const inputIssue = z.object({ path: z.array(z.string()), message: z.string() })
export type InputIssue = z.infer<typeof inputIssue>

export const failure = z.object({
  ok: z.literal(false),
  code: errorCode,
  message: z.string(),
  issues: z.optional(z.array(inputIssue)),
})
export type Failure = z.infer<typeof failure>

export type Success<T> = { ok: true; data: T }
export type Result<T> = Success<T> | Failure

/** Schema for a function's answer whose `data` matches `data` (typed so `if (r.ok)` narrows). */
export function result<T extends z.ZodMiniType>(data: T): z.ZodMiniType<Success<z.output<T>> | Failure> {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), failure]) as any
}
