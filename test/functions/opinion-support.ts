/** Helpers shared by the opinion function tests. */
import crypto from 'node:crypto'
import { localCloudUrl, sdkFor } from '../support/cloud'
import { callAs } from './helpers'
import type { PersonaKey } from '../../emulator/seed/personas'

export type Who = PersonaKey | { openid: string }

/** A seeded member by their seed number (mem005 = 周志强, a committee member; mem006… plain members). */
export const seedMember = (n: number) => ({ openid: `o_seed_${String(n).padStart(3, '0')}` })
export const COMMITTEE2 = seedMember(5)

/** A form's request id as the app makes it (128 random bits). */
export const newRequestId = () => crypto.randomBytes(16).toString('hex')

/** Submits as the app does: a fresh form (request id) unless the input carries one. */
export const submitAs = (env: string, who: Who, input: Record<string, unknown>) =>
  callAs(env, who, 'opinion', { action: 'submit', requestId: newRequestId(), category: '食堂', text: '食堂的饭菜可以再清淡一些。', ...input })

/** Runs an opinion timer action as the platform does (no WeChat user). */
export async function asTimer(env: string, action: string): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, name: 'opinion', data: { Type: 'Timer', TriggerName: action } }),
  })
  return ((await res.json()) as any).result
}

/** The daily batch, today's items included (the local demo's release): what "the next day" brings. */
export async function nextBatch(env: string): Promise<number> {
  const r = await asTimer(env, 'demoRelease')
  if (!r.ok) throw new Error(`demoRelease failed: ${r.message}`)
  return r.data.released
}

/** Puts a photo where the app uploads it (uploads/opinion/<random>.<ext>) and returns its fileID. */
export async function stagePhoto(env: string, bytes: Buffer, ext = 'jpg'): Promise<string> {
  const { cloud } = sdkFor(env)
  const res = await cloud.uploadFile({ cloudPath: `uploads/opinion/${crypto.randomBytes(16).toString('hex')}.${ext}`, fileContent: bytes })
  return res.fileID
}

/** Whether a stored file can still be downloaded. */
export async function fileExists(env: string, fileID: string): Promise<boolean> {
  const { cloud } = sdkFor(env)
  try {
    await cloud.downloadFile({ fileID })
    return true
  } catch {
    return false
  }
}

/** Starts every instance of the opinion function (4 in the local runner) so a burst is truly parallel. */
export async function warmOpinion(env: string): Promise<void> {
  await Promise.all(Array.from({ length: 8 }, () => callAs(env, 'chair', 'opinion', { action: 'getSettings' })))
}

export async function outbox(env: string): Promise<any[]> {
  const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}`)
  const body = (await res.json()) as any
  return Array.isArray(body) ? body : body.messages ?? body.items ?? []
}

export async function trigger(env: string, name: string, triggerName: string): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name, trigger: triggerName }) })
  return res.json()
}

export async function opinionCount(db: any): Promise<number> {
  return (await db.collection('opinions').count()).total
}

/** Today's submit/look-up counters (keyed ids: the test cannot tell whose, only how many). */
export async function counters(db: any, kind: 'submit' | 'lookup-miss'): Promise<Array<{ _id: string; n: number }>> {
  const { data } = await db.collection('opinion_counters').limit(100).get()
  return data.filter((c: any) => c._id.startsWith(`${kind}-`) && !c._id.startsWith(`${kind}-all-`))
}
