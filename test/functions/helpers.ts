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
  await seedDemoData(db, { reset: true, now: SEED_NOW })
  return { env, db }
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
