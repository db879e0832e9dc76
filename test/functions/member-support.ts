/**
 * Members made the way the app makes them: a newcomer applies through member.apply and the
 * committee approves through member.approve, so every id is a real database id (32 hex), never a
 * seeded short one.
 */
import crypto from 'node:crypto'
import { callAs } from './helpers'
import { localCloudUrl } from '../support/cloud'

export const profile = { name: '周新来', department: '语文组', status: '在职' }

/** A fresh WeChat identity nobody has used in this run. */
export function newcomer(label = 'n'): { openid: string } {
  return { openid: `o_t_${label}_${crypto.randomBytes(6).toString('hex')}` }
}

export function requestId(): string {
  return crypto.randomBytes(12).toString('hex')
}

export interface Joined {
  id: string
  openid: string
  name: string
}

/** Applies as a newcomer (approval path) and has the committee approve: an ordinary member. */
export async function joinThroughApproval(env: string, name: string, extra: Record<string, unknown> = {}): Promise<Joined> {
  const who = newcomer()
  const applied = await callAs(env, who, 'member', { action: 'apply', ...profile, name, requestId: requestId(), ...extra })
  if (!applied.ok) throw new Error(`apply ${name}: ${applied.message}`)
  const me = await callAs(env, who, 'member', { action: 'myProfile' })
  if (applied.data.state === 'pending') {
    const approved = await callAs(env, 'committee', 'member', { action: 'approve', memberId: me.data.id })
    if (!approved.ok) throw new Error(`approve ${name}: ${approved.message}`)
  }
  return { id: me.data.id, openid: who.openid, name }
}

/** Calls every instance of the member function once at the same time, so a burst meets a warm pool. */
export async function warmMemberFunction(env: string): Promise<void> {
  await Promise.all(Array.from({ length: 8 }, () => callAs(env, newcomer('warm'), 'member', { action: 'me' })))
}

/**
 * A cloudID for "opened from the group `openGId`", minted for `openid` the way the h5 build gets one:
 * the local cloud's POST /gateway/cloud-id (same persona header as /gateway/call). Only an invocation
 * by the same openid can resolve it (cloud.getOpenData), for 5 minutes.
 */
export async function mintGroupCloudId(openid: string, openGId: string): Promise<string> {
  const res = await fetch(`${localCloudUrl()}/gateway/cloud-id`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': openid },
    body: JSON.stringify({ openGId }),
  })
  const body = (await res.json().catch(() => null)) as { cloudID?: string } | null
  if (!body?.cloudID) throw new Error(`the local cloud minted no cloudID (HTTP ${res.status}): POST /gateway/cloud-id is built by the local-cloud engineer`)
  return body.cloudID
}
