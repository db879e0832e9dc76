/**
 * Function tests call the built bundles through the local cloud's /local/invoke, exactly as the
 * app would (the caller's identity is the invocation's openid, as WeChat sets it).
 */
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'
import { seedDemoData } from '../../emulator/seed'
import { persona, type PersonaKey } from '../../emulator/seed/personas'

/** Today, for the demo data and for reading it back (the functions use the real clock). */
export const SEED_NOW = new Date()

export async function seededEnv(label: string): Promise<{ env: string; db: any }> {
  const env = newEnvName(label)
  const { db } = sdkFor(env)
  // A new environment (its name is unique): nothing to remove first — a reset would send one remove per collection.
  await seedDemoData(db, { reset: false, now: SEED_NOW })
  return { env, db }
}

export interface Counted {
  result: any
  dbRequests: number
  /** documents the invocation read by id more than once outside a transaction (usage.ts) */
  repeatedReads: string[]
}

/**
 * Calls `name` as `openid` through /local/invoke on a fresh connection (a burst of a thousand calls
 * must not reuse a keep-alive socket at the moment the server closes it: a client-side race that
 * answers ECONNRESET), with the number of database requests the invocation sent, the functions it
 * called included — in production each is a round trip.
 */
export async function invokeCounted(env: string, openid: string, name: string, data: Record<string, unknown>): Promise<Counted> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ env, name, data, openid }),
  })
  const answer = (await res.json()) as InvokeAnswer & { usage?: { dbRequests: number; nested?: { dbRequests: number }; repeatedReads: string[] } }
  if (!answer.ok) throw new Error(`invoke ${name}.${String(data.action)} failed: ${answer.errCode} ${answer.errMsg}`)
  const usage = answer.usage!
  if (process.env.LIST_RT_VERBOSE) console.log(name, data.action, JSON.stringify(usage))
  return { result: answer.result, dbRequests: usage.dbRequests + (usage.nested?.dbRequests ?? 0), repeatedReads: usage.repeatedReads }
}

export interface InvokeAnswer {
  ok: boolean
  result?: any
  errCode?: number
  errMsg?: string
}

/** Calls `name` with `data` as the persona (or a raw openid). Throws if the platform call itself failed. */
export async function callAs(env: string, who: PersonaKey | { openid: string }, name: string, data: Record<string, unknown>): Promise<any> {
  const openid = typeof who === 'string' ? persona(who).openid : who.openid
  const res = await fetch(`${localCloudUrl()}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, name, data, openid }),
  })
  const answer = (await res.json()) as InvokeAnswer
  if (!answer.ok) throw new Error(`invoke ${name} failed: ${answer.errCode} ${answer.errMsg}`)
  return answer.result
}
