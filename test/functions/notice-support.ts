/** Shared steps of the notice function tests: calls, files in storage, drafts that get published. */
import { callAs, type InvokeAnswer } from './helpers'
import { sdkFor } from '../support/cloud'

export type Who = Parameters<typeof callAs>[1]
export type { InvokeAnswer }

export const call = (env: string, who: Who, action: string, input: Record<string, unknown> = {}) => callAs(env, who, 'notice', { action, ...input })

/** Calls that must succeed: returns data, or fails the test with the function's message. */
export async function ok(env: string, who: Who, action: string, input: Record<string, unknown> = {}): Promise<any> {
  const r = await call(env, who, action, input)
  if (!r.ok) throw new Error(`notice.${action} failed: ${r.code} ${r.message}`)
  return r.data
}

/** Minimal real file bytes of each kind (the function checks the bytes, not only the name). */
export const BYTES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082', 'hex'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]),
}

export async function uploadTo(env: string, cloudPath: string, content: Buffer): Promise<string> {
  const { cloud } = sdkFor(env)
  return (await cloud.uploadFile({ cloudPath, fileContent: content })).fileID
}

export const body = (text: string) => [{ type: 'paragraph', text }]

/** A Shanghai calendar day `days` from today. */
export function day(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)
}

/** Committee drafts, chair publishes; returns the id. */
export async function published(env: string, draft: Record<string, unknown>): Promise<string> {
  const { id } = await ok(env, 'committee', 'createDraft', { category: '校务', visibility: 'internal', body: body('正文'), ...draft })
  await ok(env, 'chair', 'publish', { id })
  return id
}
