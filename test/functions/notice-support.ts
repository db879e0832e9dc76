/** Shared steps of the notice function tests: calls, files in storage, drafts that get published. */
import { randomBytes } from 'node:crypto'
import { callAs, type InvokeAnswer } from './helpers'
import { sdkFor } from '../support/cloud'

export type Who = Parameters<typeof callAs>[1]
export type { InvokeAnswer }

/** A fresh request id, as a form makes when it opens. */
export const rid = () => randomBytes(12).toString('hex')

/** Creates take a request id; tests that are not about retries get a fresh one for each call. */
const CREATES = new Set(['createDraft', 'object'])

export const call = (env: string, who: Who, action: string, input: Record<string, unknown> = {}) =>
  callAs(env, who, 'notice', { action, ...(CREATES.has(action) && !('requestId' in input) ? { requestId: rid() } : {}), ...input })

/** Calls that must succeed: returns data, or fails the test with the function's message. */
export async function ok(env: string, who: Who, action: string, input: Record<string, unknown> = {}): Promise<any> {
  const r = await call(env, who, action, input)
  if (!r.ok) throw new Error(`notice.${action} failed: ${r.code} ${r.message}`)
  return r.data
}

/** Minimal real file bytes of each kind (the function checks the bytes, not only the name). */
export const BYTES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF')]),
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 1)]),
}

export async function uploadTo(env: string, cloudPath: string, content: Buffer): Promise<string> {
  const { cloud } = sdkFor(env)
  return (await cloud.uploadFile({ cloudPath, fileContent: content })).fileID
}

/** A file uploaded as the app does: `uploads/notice/<random>.<ext>` (staging). */
export const stage = (env: string, ext: string, content: Buffer) => uploadTo(env, `uploads/notice/${randomBytes(10).toString('hex')}.${ext}`, content)

/** The bytes stored at a fileID (what a temporary link would serve). */
export async function bytesAt(env: string, fileId: string): Promise<Buffer> {
  const { cloud } = sdkFor(env)
  return (await cloud.downloadFile({ fileID: fileId })).fileContent
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
