/**
 * Fixtures for the activity function tests. Activities are made the way organisers make them
 * (activity.save + activity.publish, so their ids are the functions' own 32-hex ids and every
 * registration id the 65-character `<activityId>_<memberId>`); members get 32-hex ids like the
 * member function's. The invariant every test checks: the activity's counters and queue equal
 * its ledger, every entry has its registration row, and the capacity holds.
 */
import crypto from 'node:crypto'
import type { ActivityEditable } from '../../types/activity'
import type { ActivityDoc, MemberDoc, RegistrationDoc } from '../../cloudfunctions/_shared/documents'
import { localCloudUrl } from '../support/cloud'
import { callAs, invokeCounted, type Counted } from './helpers'

const HOUR = 3600_000
let seq = 0

const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
export const hex = () => crypto.randomBytes(16).toString('hex')

/** A form as an organiser fills it: sign-up open now for a day, the activity the day after. */
export function editable(overrides: Partial<ActivityEditable> = {}): ActivityEditable {
  seq += 1
  return {
    title: `测试活动 ${seq}`, category: '文体', description: '测试', place: '体育馆',
    startAt: iso(48 * HOUR), endAt: iso(50 * HOUR), signupStartAt: iso(-HOUR), signupEndAt: iso(24 * HOUR),
    capacity: 10, waitlist: true, audience: { kind: 'all' }, fields: [], cancelPolicy: 'untilStart', needsApproval: false,
    ...overrides,
  }
}

/** Creates and publishes an activity through the functions as `organiser`; answers its id. */
export async function createActivity(env: string, organiser: { openid: string }, overrides: Partial<ActivityEditable> = {}, publish = true): Promise<string> {
  const saved = await callAs(env, organiser, 'activity', { action: 'save', requestId: hex(), activity: editable(overrides) })
  if (!saved.ok) throw new Error(`save failed: ${saved.message}`)
  if (publish) {
    const published = await callAs(env, organiser, 'activity', { action: 'publish', id: saved.data.id })
    if (!published.ok) throw new Error(`publish failed: ${published.message}`)
  }
  return saved.data.id
}

export interface TestMember {
  openid: string
  id: string
}

/** `n` approved members with 32-hex ids (as the member function makes them), inserted 100 at a time. */
export async function addMembers(db: any, prefix: string, n: number, overrides: Partial<MemberDoc> = {}): Promise<TestMember[]> {
  const now = new Date()
  const all = Array.from({ length: n }, (_v, i): MemberDoc => ({
    _id: hex(), openid: `o_${prefix}_${i}`, name: `会员${prefix}${i}`, department: '数学组', status: '在职', gender: '男',
    membership: 'approved', role: 'member', createdAt: now, updatedAt: now, ...overrides,
  }))
  for (let i = 0; i < n; i += 100) await db.collection('members').add({ data: all.slice(i, i + 100) })
  return all.map((m) => ({ openid: m.openid, id: m._id }))
}

/** One organiser (committee) member in an environment without the demo personas. */
export async function addOrganiser(db: any, prefix: string): Promise<TestMember> {
  return (await addMembers(db, `${prefix}org`, 1, { role: 'committee', name: '组织者', department: '行政办公室' }))[0]
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

/** member id → state letter, from the ledger. */
export function states(a: ActivityDoc): Record<string, string> {
  return Object.fromEntries(Object.entries(a.ledger ?? {}).map(([k, e]) => [k.slice(1), e.s]))
}

/** The invariant: counters and queue equal the ledger, every entry has its row, the capacity holds. */
export async function expectConsistent(db: any, activityId: string): Promise<{ a: ActivityDoc; rows: RegistrationDoc[] }> {
  const [a, rows] = await Promise.all([activity(db, activityId), registrations(db, activityId)])
  const entries = Object.entries(a.ledger ?? {}).map(([k, e]) => ({ member: k.slice(1), ...e }))
  const holding = entries.filter((e) => e.s === 'c' || e.s === 'p')
  const waiting = entries.filter((e) => e.s === 'w')
  const rowMembers = new Set(rows.map((r) => r.memberId))
  expect({
    seatsTaken: a.seatsTaken, confirmedCount: a.confirmedCount, pendingCount: a.pendingCount, waitlistCount: a.waitlistCount,
    queue: [...(a.queue ?? [])].sort(), checkedInCount: a.checkedInCount ?? 0, entriesWithoutRow: 0,
  }).toEqual({
    seatsTaken: holding.reduce((n, e) => n + e.n, 0),
    confirmedCount: holding.length,
    pendingCount: entries.filter((e) => e.s === 'p').length,
    waitlistCount: waiting.length,
    queue: waiting.map((e) => e.member).sort(),
    checkedInCount: entries.filter((e) => e.ci !== undefined).length,
    entriesWithoutRow: entries.filter((e) => !rowMembers.has(e.member)).length,
  })
  expect(new Set(a.queue ?? []).size).toBe((a.queue ?? []).length)
  if (a.capacity > 0) expect(a.seatsTaken).toBeLessThanOrEqual(a.capacity)
  return { a, rows }
}

/** One activity call as `openid`, on a fresh connection (see invokeCounted). */
export async function call(env: string, openid: string, action: string, input: Record<string, unknown> = {}): Promise<any> {
  return (await callCounted(env, openid, action, input)).result
}

/** `call`, with the number of database requests the invocation sent (each a round trip in production). */
export function callCounted(env: string, openid: string, action: string, input: Record<string, unknown> = {}): Promise<Counted> {
  return invokeCounted(env, openid, 'activity', { action, ...input })
}

/**
 * Runs `tasks` with at most `limit` of them in flight. The runner executes 4 invocations of a
 * function at a time whatever the number sent, so 64 in flight keep every instance busy with a queue
 * behind it — the same races as a thousand sent at once — without any one request waiting so long
 * in the queue (minutes, on a loaded machine) that an HTTP timeout ends it.
 */
export async function inFlight<T>(tasks: Array<() => Promise<T>>, limit = 64): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      out[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return out
}

export async function outbox(env: string, touser?: string): Promise<any[]> {
  const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}${touser ? `&touser=${touser}` : ''}`)
  return (await res.json()).messages
}

export async function auditCount(db: any, action: string): Promise<number> {
  return (await db.collection('audit_log').where({ action }).count()).total
}

export async function auditEntries(db: any, action: string): Promise<any[]> {
  return (await db.collection('audit_log').where({ action }).limit(100).get()).data
}

/** Everything an environment holds for an activity, to prove a refusal wrote nothing. */
export async function snapshot(db: any, activityId: string): Promise<string> {
  const [a, rows] = await Promise.all([activity(db, activityId), registrations(db, activityId)])
  return JSON.stringify({ a, rows: rows.sort((x, y) => x._id.localeCompare(y._id)) })
}

/** Time passes: moves the activity's times (what a test cannot wait for). */
export async function shiftTimes(db: any, activityId: string, times: Partial<Record<'startAt' | 'endAt' | 'signupStartAt' | 'signupEndAt', Date>>): Promise<void> {
  await db.collection('activities').doc(activityId).update({ data: times })
}
