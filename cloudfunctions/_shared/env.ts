import * as z from 'zod/mini'

/**
 * Function environment variables (set in the cloud console per function; the local cloud sets
 * them for every function). Parsed once at cold start; a wrong value makes every call answer
 * MISCONFIGURED instead of half-working. Values are never logged, only variable names.
 */
export const serverEnvSchema = z.object({
  /** the one-time code that makes the first person who enters it chair (issue 4) */
  SETUP_CODE: z.optional(z.string().check(z.regex(/^[0-9A-Za-z]{6,32}$/))),
  /** secret for HMACs that must not be computable from data alone (opinion receipts, rate keys) */
  APP_SECRET: z.optional(z.string().check(z.minLength(16))),
})
export type ServerEnv = z.infer<typeof serverEnvSchema>

export type EnvParse = { ok: true; env: ServerEnv } | { ok: false; badNames: string[] }

export function parseServerEnv(source: Record<string, string | undefined>): EnvParse {
  const picked = Object.fromEntries(
    Object.keys(serverEnvSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  )
  const r = serverEnvSchema.safeParse(picked)
  if (r.success) return { ok: true, env: r.data }
  return { ok: false, badNames: [...new Set(r.error.issues.map((i) => String(i.path[0])))] }
}
