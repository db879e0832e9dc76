/**
 * Plan tests drive the functions with what people create: plans, items and meetings made through
 * plan.*, activities/notices/holiday plans made through their own functions, members who joined
 * through the app (32-hex ids). Years far from the seed's (2025/2026) keep tests apart from the demo plan.
 */
import crypto from 'node:crypto'
import { localCloudUrl } from '../support/cloud'
import { callAs } from './helpers'

export const rid = () => crypto.randomBytes(12).toString('hex')
type Who = Parameters<typeof callAs>[1]

export async function plan(env: string, who: Who, action: string, input: Record<string, unknown> = {}): Promise<any> {
  return callAs(env, who, 'plan', { action, ...input })
}

/** Calls and insists on ok; answers data. */
export async function must(env: string, who: Who, fn: string, action: string, input: Record<string, unknown> = {}): Promise<any> {
  const r = await callAs(env, who, fn, { action, ...input })
  if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.code} ${r.message}`)
  return r.data
}

export const memberId = async (env: string, who: Who): Promise<string> => (await must(env, who, 'member', 'me')).member.id

export async function trigger(env: string, name: string, triggerName: string): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name, trigger: triggerName }) })
  const answer = await res.json()
  return (answer.result ?? answer).data
}

export const outbox = async (env: string, touser: string) => (await (await fetch(`${localCloudUrl()}/dev/outbox?env=${env}&touser=${touser}`)).json()).messages as any[]

/** A Shanghai calendar day `days` from today. */
export const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

export const item = (year: number, month: number, ownerId: string, over: Record<string, unknown> = {}) =>
  ({ requestId: rid(), year, month, title: `${month}月事项 ${rid().slice(0, 4)}`, category: '文体活动', ownerId, ...over })

/**
 * Builds the year's 台帐 as the app does: the same request id, called again while it answers
 * `building`, until it is ready. Answers the ready output and every answer seen on the way.
 */
export async function buildArchive(env: string, year: number, requestId = rid()): Promise<{ out: any; answers: any[] }> {
  const answers: any[] = []
  for (;;) {
    const a = await must(env, 'chair', 'plan', 'archive', { year, requestId })
    answers.push(a)
    if (a.state === 'ready') return { out: a, answers }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}
