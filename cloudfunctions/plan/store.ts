/**
 * The plan domain's reads and the members it names: every query of plans, items, history and
 * meetings goes through here (single-document reads and keyset scans of at most MAX_QUERY a query).
 */
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { docs, getDoc, scanAll } from '../_shared/query'
import type { Tx } from '../_shared/transaction'
import { planIdOf } from '../../types/plan'
import { PLAN_COLLECTIONS as C, type MeetingDoc, type PlanDoc, type PlanItemDoc } from './documents'
// The shared reads, re-exported: this domain's files import them from its store.
export { getDoc, scanAll } from '../_shared/query'

export { PLAN_COLLECTIONS } from './documents'

export const loadPlan = (db: Database | Tx, year: number) => getDoc<PlanDoc>(db, C.plans, planIdOf(year))

export async function loadItem(db: Database | Tx, id: string): Promise<PlanItemDoc> {
  const item = await getDoc<PlanItemDoc>(db, C.items, id)
  if (!item || item.state !== 'active') throw notFound('计划事项')
  return item
}

export async function loadMeeting(db: Database | Tx, id: string): Promise<MeetingDoc> {
  const m = await getDoc<MeetingDoc>(db, C.meetings, id)
  if (!m) throw notFound('会议记录')
  return m
}

export const itemsOfYear = (db: Database, year: number) => scanAll<PlanItemDoc>(db, C.items, { year, state: 'active' })

export async function planYears(db: Database): Promise<number[]> {
  const rows = await docs<Pick<PlanDoc, 'year'>>(db.collection(C.plans).where({ year: db.command.gte(0) }).orderBy('year', 'desc').limit(MAX_QUERY).field({ year: true }))
  return rows.map((r) => r.year)
}

/** Approved members by id (names for owners and attendees); an unknown or removed id is refused naming `what`. */
export async function approvedMembers(db: Database, ids: string[], what: string): Promise<Map<string, MemberDoc>> {
  const unique = [...new Set(ids)]
  const out = new Map<string, MemberDoc>()
  for (let i = 0; i < unique.length; i += MAX_QUERY) {
    const found = await docs<MemberDoc>(db.collection(COLLECTIONS.members).where({ _id: db.command.in(unique.slice(i, i + MAX_QUERY)), membership: 'approved' })
      .limit(MAX_QUERY).field({ _id: true, name: true, role: true, department: true, openid: true }))
    for (const m of found) out.set(m._id, m)
  }
  const missing = unique.find((id) => !out.has(id))
  if (missing) throw new AppError('BAD_INPUT', `${what}不是在册会员，请重新选择`)
  return out
}

/** The owner of an item: a committee member or the chair. */
export async function committeeOwner(db: Database, id: string): Promise<MemberDoc> {
  const m = (await approvedMembers(db, [id], '负责人')).get(id)!
  if (m.role !== 'committee' && m.role !== 'chair') throw new AppError('BAD_INPUT', '负责人应为工会委员或主席，请重新选择')
  return m
}
