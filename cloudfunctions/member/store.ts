/**
 * The member function's reads and record shapes: members, their DTOs, and the settings kept as
 * singleton documents in app_meta. Every query of the member domain goes through here (or the
 * small modules next to it that own one rule: claims.ts, chairs.ts, admission.ts).
 */
import crypto from 'node:crypto'
import type { Ctx, Database } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { docs, iso } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import type { ChangeSet, MemberProfile, ProfileInput } from '../../types/member'
import { nameTerms } from '../_shared/member-search'

export const META = { departments: 'departments', join: 'join_settings', setup: 'setup', roster: 'roster', chairs: 'chairs' } as const

/** A verified member's request to change name, staff no. or status; the chair decides. */
export interface MemberChangeDoc {
  _id: string
  memberId: string
  memberName: string
  department: string
  /** the values on record when asked (shown beside the request) */
  current: ChangeSet
  changes: ChangeSet
  reason: string
  /** the member record's revision the request was made against */
  revision: number
  state: 'pending' | 'approved' | 'rejected'
  decisionNote?: string
  decidedBy?: string
  decidedAt?: Date
  createdAt: Date
}

/** An id for a member record written inside a transaction (32 hex, like the database's own). */
export function newMemberId(): string {
  return crypto.randomBytes(16).toString('hex')
}

export function members(db: Database | Tx) {
  return db.collection(COLLECTIONS.members)
}

/** One document by id, or null; works on the database and inside a transaction. */
export async function getDoc<T>(db: Database | Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await (db as any).collection(collection).doc(id).get()) as { data: T | T[] }
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return (data as T | undefined) ?? null
  } catch (err) {
    if (/not exist|not found|cannot find/i.test(String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? err))) return null
    throw err
  }
}

export async function memberById(db: Database | Tx, id: string): Promise<MemberDoc> {
  const found = await getDoc<MemberDoc>(db, COLLECTIONS.members, id)
  if (!found) throw notFound('这位会员')
  return found
}

export async function readMeta<T>(db: Database | Tx, id: string): Promise<T | null> {
  return getDoc<T>(db, COLLECTIONS.appMeta, id)
}

/** Upserts a singleton settings document (whole document: for lists such as departments), in the transaction that audits it. */
export async function writeMetaIn(t: Tx, id: string, data: Record<string, unknown>): Promise<void> {
  const { _id: _ignored, ...fields } = data
  await t.collection(COLLECTIONS.appMeta).doc(id).set({ data: fields })
}

/**
 * Sets only `fields` of a singleton settings document, creating it from `defaults` when missing, in the
 * transaction that audits it. Two writers of different fields (binding the group while the paths are
 * switched) never undo each other: the second conflicts and runs again on what the first wrote.
 * Returns the document as it was (with the defaults).
 */
export async function setMetaFieldsIn<T extends Record<string, unknown>>(t: Tx, id: string, fields: Record<string, unknown>, defaults: T): Promise<T> {
  const had = await getDoc<T>(t, COLLECTIONS.appMeta, id)
  if (had) await t.collection(COLLECTIONS.appMeta).doc(id).update({ data: fields })
  else await t.collection(COLLECTIONS.appMeta).add({ data: { ...defaults, ...fields, _id: id } })
  return { ...defaults, ...(had ?? {}) }
}

/** 138****1234 — what everyone but the chair (and the member themselves) sees of a phone number. */
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

export function revisionOf(m: MemberDoc): number {
  return m.revision ?? 0
}

export function toProfile(m: MemberDoc, opts: { fullPhone: boolean }): MemberProfile {
  return {
    id: m._id,
    name: m.name,
    department: m.department,
    status: m.status,
    gender: m.gender,
    phone: opts.fullPhone ? m.phone : maskPhone(m.phone),
    birthday: m.birthday,
    birthYear: m.birthYear,
    staffNo: m.staffNo,
    role: m.role,
    membership: m.membership,
    joinedVia: m.joinedVia,
    createdAt: iso(m.createdAt),
    approvedAt: m.approvedAt ? iso(m.approvedAt) : undefined,
    removedAt: m.removedAt ? iso(m.removedAt) : undefined,
    rejectReason: m.rejectReason,
    revision: revisionOf(m),
  }
}

export async function departmentList(db: Database): Promise<string[]> {
  return (await readMeta<{ list: string[] }>(db, META.departments))?.list ?? []
}

/**
 * The profile fields as stored: department checked against the union's list (when it keeps one),
 * the name's search terms kept with the name. An optional field left out is left unchanged.
 */
export async function profileFields(ctx: Ctx, input: ProfileInput): Promise<Partial<MemberDoc>> {
  const list = await departmentList(ctx.db)
  if (list.length && !list.includes(input.department)) {
    throw new AppError('BAD_INPUT', `部门"${input.department}"不在工会的部门列表里，请从列表中选择`)
  }
  const fields: Partial<MemberDoc> = {
    name: input.name,
    searchTerms: nameTerms(input.name),
    department: input.department,
    status: input.status,
    gender: input.gender,
    phone: input.phone,
    birthday: input.birthday,
    birthYear: input.birthYear,
    staffNo: input.staffNo,
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<MemberDoc>
}

/** How many approved chairs there are now (the chair lock keeps at least one; see chairs.ts). */
export async function chairCount(db: Database): Promise<number> {
  const res = (await members(db).where({ membership: 'approved', role: 'chair' }).count()) as { total: number }
  return res.total
}

/** The latest change request a member made (their own profile shows its state). */
export async function latestChange(db: Database, memberId: string): Promise<MemberChangeDoc | null> {
  return (await docs<MemberChangeDoc>(db.collection(COLLECTIONS.memberChanges).where({ memberId }).orderBy('createdAt', 'desc').limit(1)))[0] ?? null
}
