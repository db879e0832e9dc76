/**
 * Welfare tests drive the functions with what the app really creates: members who joined through
 * member.apply + approve (32-hex database ids), request ids made like the app makes them, photos
 * uploaded to the staging folder the app uses.
 */
import crypto from 'node:crypto'
import { sdkFor } from '../support/cloud'
import { callAs } from './helpers'

/** A form's request id, as src/services/request-id.ts makes one (24 characters). */
export const rid = () => crypto.randomBytes(12).toString('hex')

let joined = 0

/** A person who opened the app, applied and was approved by the chair: their real member id and openid. */
export async function joinThroughApp(env: string, profile: { name: string; department?: string; status?: '在职' | '离退休' }): Promise<{ id: string; openid: string }> {
  const openid = `o_test_welfare_${++joined}_${crypto.randomBytes(4).toString('hex')}`
  const who = { openid }
  const applied = await callAs(env, who, 'member', { action: 'apply', requestId: rid(), name: profile.name, department: profile.department ?? '语文组', status: profile.status ?? '在职' })
  if (!applied.ok) throw new Error(`apply failed: ${applied.message}`)
  if (applied.data.state !== 'approved') {
    const queue = await callAs(env, 'chair', 'member', { action: 'queue', page: 1 })
    const mine = queue.data.items.find((i: any) => i.name === profile.name)
    if (!mine) throw new Error(`${profile.name} is not in the queue`)
    const approved = await callAs(env, 'chair', 'member', { action: 'approve', memberId: mine.id })
    if (!approved.ok) throw new Error(`approve failed: ${approved.message}`)
  }
  const me = await callAs(env, who, 'member', { action: 'me' })
  const id = me.data?.member?.id ?? me.data?.id
  if (typeof id !== 'string') throw new Error(`member.me gave no id: ${JSON.stringify(me)}`)
  return { id, openid }
}

/** Uploads bytes where the app stages a welfare photo (uploads/welfare/<random>.<ext>); answers the fileID. */
export async function stagePhoto(env: string, bytes: Buffer, ext = 'jpg'): Promise<string> {
  const { cloud } = sdkFor(env)
  const res = await cloud.uploadFile({ cloudPath: `uploads/welfare/${crypto.randomBytes(12).toString('hex')}.${ext}`, fileContent: bytes })
  return res.fileID
}

/** Another picture: the JPEG with one quantisation value changed (still a well-formed JPEG, other bytes). */
export function variantJpeg(base: Buffer, n: number): Buffer {
  const copy = Buffer.from(base)
  const dqt = copy.indexOf(Buffer.from([0xff, 0xdb]))
  copy[dqt + 6] = (copy[dqt + 6] + n) % 256
  return copy
}

/** True when a stored file exists (downloadable) in the environment. */
export async function fileExists(env: string, fileId: string): Promise<boolean> {
  const { cloud } = sdkFor(env)
  try {
    await cloud.downloadFile({ fileID: fileId })
    return true
  } catch {
    return false
  }
}

/** The smallest valid new-visit input for a member recipient. */
export function visitFor(memberId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'record', requestId: rid(), recipient: { kind: 'member', memberId }, reason: '节日慰问', visitDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    cashYuan: '500', fund: '工会经费', ...over,
  }
}

/** Warms every instance of a function (the runner keeps 4) so a burst is really concurrent. */
export async function warm(env: string, fn: string, who: Parameters<typeof callAs>[1] = 'committee'): Promise<void> {
  await Promise.all(Array.from({ length: 8 }, () => callAs(env, who, fn, { action: fn === 'welfare' ? 'plans' : 'me' })))
}
