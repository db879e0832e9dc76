/**
 * Which joining path lets an applicant in: the bound staff group, an invite, the roster, or
 * none (the approval queue). Each path is switched on or off by the chair.
 */
import crypto from 'node:crypto'
import type { Database } from '../_shared/context'
import { COLLECTIONS, type InviteDoc, type RosterDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import type { JoinSettings } from '../../types/member'
import { META, getDoc, readMeta } from './store'

export interface StoredJoinSettings {
  group: boolean
  invite: boolean
  roster: boolean
  /** the staff group's openGId; never sent to a client */
  openGId?: string
}

export const DEFAULT_SETTINGS: StoredJoinSettings = { group: true, invite: true, roster: true }

export async function joinSettings(db: Database): Promise<StoredJoinSettings> {
  return { ...DEFAULT_SETTINGS, ...((await readMeta<StoredJoinSettings>(db, META.join)) ?? {}) }
}

export function publicSettings(s: StoredJoinSettings): JoinSettings {
  return { group: s.group, invite: s.invite, roster: s.roster, groupBound: Boolean(s.openGId) }
}

/** Invite codes: 8 characters without look-alikes (0/O, 1/I/L), ~40 bits — enough with expiry and use limits. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export function newInviteCode(): string {
  const bytes = crypto.randomBytes(8)
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase()
}

export async function findInvite(db: Database, code: string): Promise<InviteDoc | null> {
  return getDoc<InviteDoc>(db, COLLECTIONS.invites, normaliseCode(code))
}

export function inviteProblem(invite: InviteDoc | null, now: Date): string | null {
  if (!invite) return '邀请码不存在，请核对后再输入'
  if (invite.revoked) return '这个邀请码已被工会停用，请向工会索取新的邀请码'
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return '这个邀请码已过期，请向工会索取新的邀请码'
  if (invite.remaining <= 0) return '这个邀请码的使用次数已满，请向工会索取新的邀请码'
  return null
}

export interface RosterMeta {
  activeBatch: string
  rows: number
  importedAt: Date
  fileName: string
}

/** The live roster row with this staff number, if the roster is imported. */
export async function rosterRow(db: Database, staffNo: string): Promise<RosterDoc | null> {
  const meta = await readMeta<RosterMeta>(db, META.roster)
  if (!meta) return null
  return (await docs<RosterDoc>(db.collection(COLLECTIONS.roster).where({ batchId: meta.activeBatch, staffNo }).limit(1)))[0] ?? null
}

/** Name and staff number must both match: the staff number alone is printed on too many forms. */
export function rosterMatches(row: RosterDoc | null, name: string): boolean {
  return Boolean(row && row.name === name.trim())
}
