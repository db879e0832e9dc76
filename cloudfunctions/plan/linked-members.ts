/**
 * Read-only view of `members` and of the member changes recorded in `audit_log`: the summary's
 * joined / retired counts, birthdays for the committee's calendar, the archive's audit log.
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type AuditDoc, type MemberDoc } from '../_shared/documents'
import type { CalendarPart } from './linked-types'
import { scanAll } from './store'

/** Members approved within [from, to) — whoever joined that year, even if removed since. */
export async function membersJoined(db: Database, from: Date, to: Date): Promise<number> {
  const rows = await scanAll<Pick<MemberDoc, '_id'>>(db, COLLECTIONS.members, { approvedAt: db.command.gte(from).and(db.command.lt(to)) }, { _id: true })
  return rows.length
}

/** Members whose status went 在职 → 离退休 within [from, to), as the audit log recorded the change. */
export async function membersRetired(db: Database, from: Date, to: Date): Promise<number> {
  const rows = await auditBetween(db, from, to, ['member.update', 'member.decideChange'])
  const retired = new Set<string>()
  for (const e of rows) {
    const after = (e.after ?? {}) as Record<string, unknown>
    if (after.status === '离退休' && (e.action === 'member.update' || after.approved === true)) retired.add(e.target.id)
  }
  return retired.size
}

export function auditBetween(db: Database, from: Date, to: Date, actions?: string[]): Promise<AuditDoc[]> {
  const _ = db.command
  return scanAll<AuditDoc>(db, COLLECTIONS.auditLog, { at: _.gte(from).and(_.lt(to)), ...(actions ? { action: _.in(actions) } : {}) })
}

/** Approved members with a birthday (MM-DD) in the month (`MM`). */
export function birthdaysInMonth(db: Database, mm: string): CalendarPart<{ name: string; birthday: string }> {
  const _ = db.command
  return {
    read: { collection: COLLECTIONS.members, where: { membership: 'approved', birthday: _.gte(`${mm}-01`).and(_.lte(`${mm}-31`)) }, orderBy: [['birthday', 'asc']], limit: MAX_QUERY, fields: { name: true, birthday: true } },
    days: (rows: Array<Pick<MemberDoc, 'name' | 'birthday'>>) => rows.map((r) => ({ name: r.name, birthday: r.birthday! })),
  }
}

export function allMembers(db: Database): Promise<Array<Pick<MemberDoc, '_id' | 'name'>>> {
  return scanAll(db, COLLECTIONS.members, {}, { name: true })
}

/** Approved members for the owner and attendee pickers. */
export function approvedPeople(db: Database): Promise<Array<Pick<MemberDoc, '_id' | 'name' | 'department' | 'role'>>> {
  return scanAll(db, COLLECTIONS.members, { membership: 'approved' }, { name: true, department: true, role: true })
}
