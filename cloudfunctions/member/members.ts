/**
 * Member records for the member function: reading them, turning them into DTOs, and the settings
 * (departments, joining paths) kept as singleton documents in app_meta.
 */
import type { Ctx, Database } from '../_shared/context'
import { COLLECTIONS, type MemberDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { docs, iso } from '../_shared/query'
import type { MemberProfile, ProfileInput } from '../../types/member'

export const META = { departments: 'departments', join: 'join_settings', setup: 'setup', roster: 'roster' } as const

export function members(db: Database) {
  return db.collection(COLLECTIONS.members)
}

export async function memberById(db: Database, id: string): Promise<MemberDoc> {
  const found = await docs<MemberDoc>(members(db).where({ _id: id }).limit(1))
  if (!found[0]) throw notFound('这位会员')
  return found[0]
}

export async function readMeta<T>(db: Database, id: string): Promise<T | null> {
  const found = await docs<T>(db.collection(COLLECTIONS.appMeta).where({ _id: id }).limit(1))
  return found[0] ?? null
}

/** Upserts a singleton settings document. */
export async function writeMeta(db: Database, id: string, data: Record<string, unknown>): Promise<void> {
  const { _id: _ignored, ...fields } = data // set() refuses a body that names the _id
  await db.collection(COLLECTIONS.appMeta).doc(id).set({ data: fields })
}

/** 138****1234 — what everyone but the chair (and the member themselves) sees of a phone number. */
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
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
  }
}

export async function departmentList(db: Database): Promise<string[]> {
  return (await readMeta<{ list: string[] }>(db, META.departments))?.list ?? []
}

/**
 * The profile fields as stored: department checked against the union's list (when it keeps one).
 * An optional field left out is left unchanged (never silently cleared).
 */
export async function profileFields(ctx: Ctx, input: ProfileInput): Promise<Partial<MemberDoc>> {
  const list = await departmentList(ctx.db)
  if (list.length && !list.includes(input.department)) {
    throw new AppError('BAD_INPUT', `部门"${input.department}"不在工会的部门列表里，请从列表中选择`)
  }
  const fields: Partial<MemberDoc> = {
    name: input.name,
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

/** How many approved chairs there are now (at least one must always remain). */
export async function chairCount(db: Database): Promise<number> {
  const res = (await members(db).where({ membership: 'approved', role: 'chair' }).count()) as { total: number }
  return res.total
}
