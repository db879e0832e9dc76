/** Helpers shared by the opinion function tests. */
import { localCloudUrl } from '../support/cloud'
import { callAs } from './helpers'
import type { PersonaKey } from '../../emulator/seed/personas'

export type Who = PersonaKey | { openid: string }

/** A seeded member by their seed number (mem005 = 周志强, a committee member; mem006… plain members). */
export const seedMember = (n: number) => ({ openid: `o_seed_${String(n).padStart(3, '0')}` })
export const COMMITTEE2 = seedMember(5)

export const submitAs = (env: string, who: Who, input: Record<string, unknown>) =>
  callAs(env, who, 'opinion', { action: 'submit', category: '食堂', text: '食堂的饭菜可以再清淡一些。', ...input })

/** The daily batch has come: items submitted today become visible to handlers (as tomorrow would). */
export async function nextBatch(db: any): Promise<void> {
  const _ = db.command
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await db.collection('opinions').where({ visibleOn: _.gt(today) }).update({ data: { visibleOn: today } })
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
