/**
 * Fixtures for the activity function tests: activities and members written straight into a test
 * environment through the SDK, and the invariant every test checks (counters equal rows).
 */
import { localCloudUrl } from '../support/cloud'
import type { ActivityDoc, MemberDoc, RegistrationDoc } from '../../cloudfunctions/_shared/documents'
import { callAs } from './helpers'

const HOUR = 3600_000
let seq = 0

export function activityDoc(overrides: Partial<ActivityDoc> = {}): ActivityDoc {
  const now = Date.now()
  seq += 1
  return {
    _id: `act_t${seq}_${Math.random().toString(36).slice(2, 8)}`,
    title: `测试活动 ${seq}`, category: '文体', description: '测试', place: '体育馆',
    startAt: new Date(now + 48 * HOUR), endAt: new Date(now + 50 * HOUR),
    signupStartAt: new Date(now - HOUR), signupEndAt: new Date(now + 24 * HOUR),
    capacity: 10, waitlist: true, audience: { kind: 'all' }, fields: [], cancelPolicy: 'untilStart', needsApproval: false,
    state: 'published', seatsTaken: 0, confirmedCount: 0, pendingCount: 0, waitlistCount: 0, waitSeq: 0,
    createdBy: 'mem_t', createdAt: new Date(now - 2 * HOUR), updatedAt: new Date(now - 2 * HOUR), publishedAt: new Date(now - 2 * HOUR),
    ...overrides,
  }
}

export async function addActivity(db: any, overrides: Partial<ActivityDoc> = {}): Promise<ActivityDoc> {
  const doc = activityDoc(overrides)
  await db.collection('activities').add({ data: doc })
  return doc
}

/** `n` approved members with openids `o_<prefix>_<i>`, inserted 100 at a time. */
export async function addMembers(db: any, prefix: string, n: number, overrides: Partial<MemberDoc> = {}): Promise<Array<{ openid: string }>> {
  const now = new Date()
  const all = Array.from({ length: n }, (_v, i): MemberDoc => ({
    _id: `mem_${prefix}_${i}`, openid: `o_${prefix}_${i}`, name: `会员${prefix}${i}`, department: '数学组', status: '在职', gender: '男',
    membership: 'approved', role: 'member', createdAt: now, updatedAt: now, ...overrides,
  }))
  for (let i = 0; i < n; i += 100) await db.collection('members').add({ data: all.slice(i, i + 100) })
  return all.map((m) => ({ openid: m.openid }))
}

export async function activity(db: any, id: string): Promise<ActivityDoc> {
  return (await db.collection('activities').doc(id).get()).data
}

export async function registrations(db: any, activityId: string): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection('registrations').where({ activityId }).skip(skip).limit(1000).get()).data
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** The invariant: every counter on the activity equals what the rows say. */
export async function expectCountersEqualRows(db: any, activityId: string): Promise<{ a: ActivityDoc; rows: RegistrationDoc[] }> {
  const [a, rows] = await Promise.all([activity(db, activityId), registrations(db, activityId)])
  const holding = rows.filter((r) => r.state === 'confirmed' || r.state === 'pending')
  expect({
    seatsTaken: a.seatsTaken, confirmedCount: a.confirmedCount, pendingCount: a.pendingCount, waitlistCount: a.waitlistCount, claiming: 0,
  }).toEqual({
    seatsTaken: holding.reduce((n, r) => n + (r.seats ?? 1), 0),
    confirmedCount: holding.length,
    pendingCount: rows.filter((r) => r.state === 'pending').length,
    waitlistCount: rows.filter((r) => r.state === 'waitlisted').length,
    claiming: rows.filter((r) => r.state === 'claiming').length,
  })
  if (a.capacity > 0) expect(a.seatsTaken).toBeLessThanOrEqual(a.capacity)
  return { a, rows }
}

export const call = (env: string, openid: string, action: string, input: Record<string, unknown> = {}) => callAs(env, { openid }, 'activity', { action, ...input })

export async function outbox(env: string, touser?: string): Promise<any[]> {
  const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}${touser ? `&touser=${touser}` : ''}`)
  return (await res.json()).messages
}

export async function auditCount(db: any, action: string): Promise<number> {
  return (await db.collection('audit_log').where({ action }).count()).total
}

/** Everything an environment holds for an activity, to prove a refusal wrote nothing. */
export async function snapshot(db: any, activityId: string): Promise<string> {
  const [a, rows] = await Promise.all([activity(db, activityId), registrations(db, activityId)])
  return JSON.stringify({ a, rows: rows.sort((x, y) => x._id.localeCompare(y._id)) })
}
