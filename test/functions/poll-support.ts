/**
 * Fixtures for the poll function tests: members written straight into a test environment,
 * polls made the way the app makes them (poll.save → poll.open through the function), ballots
 * cast through the function, and an independent count read straight from the database.
 */
import crypto from 'node:crypto'
import type { MemberDoc } from '../../cloudfunctions/_shared/documents'
import { localCloudUrl } from '../support/cloud'
import { callAs } from './helpers'

export interface Person {
  openid: string
  memberId: string
  name: string
}

export const call = (env: string, openid: string, action: string, input: Record<string, unknown> = {}) => callAs(env, { openid }, 'poll', { action, ...input })

/** Calls and insists on ok (the message is in the failure). */
export async function must(env: string, openid: string, action: string, input: Record<string, unknown> = {}): Promise<any> {
  const r = await call(env, openid, action, input)
  if (!r.ok) throw new Error(`poll.${action}: ${r.code} ${r.message}`)
  return r.data
}

/** `n` approved members with 32-hex ids (as the database makes them), inserted 100 at a time. */
export async function addPeople(db: any, prefix: string, n: number, overrides: Partial<MemberDoc> = {}): Promise<Person[]> {
  const now = new Date()
  const all = Array.from({ length: n }, (_v, i): MemberDoc => ({
    _id: crypto.randomBytes(16).toString('hex'), openid: `o_${prefix}_${i}`, name: `${prefix}会员${i}`, department: i % 3 ? '数学组' : '语文组',
    status: i % 5 ? '在职' : '离退休', gender: '女', membership: 'approved', role: 'member', createdAt: now, updatedAt: now, ...overrides,
  }))
  for (let i = 0; i < n; i += 100) await db.collection('members').add({ data: all.slice(i, i + 100) })
  return all.map((m) => ({ openid: m.openid, memberId: m._id, name: m.name }))
}

export async function addChair(db: any, prefix: string): Promise<Person> {
  const [chair] = await addPeople(db, `${prefix}主席`, 1, { role: 'chair', department: '行政办公室' })
  return chair
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
export const requestId = () => crypto.randomBytes(12).toString('hex')

export function appraisalDraft(overrides: Record<string, unknown> = {}) {
  return {
    title: '中层干部述职测评', kind: 'appraisal', description: '请对以下同志本年度的履职情况作出评价。', closesAt: inDays(3),
    items: [{ name: '谢琳', note: '教务处主任' }, { name: '曹建国', note: '后勤处主任' }, { name: '高峰', note: '政教处主任' }],
    electorate: { kind: 'all' }, allowUnknown: true, criteria: false, comments: true, ...overrides,
  }
}

export function electionDraft(overrides: Record<string, unknown> = {}) {
  return {
    title: '优秀工会工作者评选', kind: 'election', closesAt: inDays(3), seats: 2,
    items: [{ name: '甲', note: '' }, { name: '乙', note: '' }, { name: '丙', note: '' }, { name: '丁', note: '' }],
    electorate: { kind: 'all' }, ...overrides,
  }
}

export function voteDraft(overrides: Record<string, unknown> = {}) {
  return {
    title: '绩效工资分配方案票决', kind: 'vote', closesAt: inDays(3),
    items: [{ name: '绩效工资分配方案', note: '' }, { name: '课时津贴标准', note: '' }],
    electorate: { kind: 'all' }, ...overrides,
  }
}

/** A draft saved and opened by the chair through the function; returns the console view. */
export async function openedPoll(env: string, chair: Person, draft: Record<string, unknown>): Promise<any> {
  const saved = await must(env, chair.openid, 'save', { ...draft, requestId: requestId() })
  return must(env, chair.openid, 'open', { id: saved.id, revision: saved.revision })
}

/** A complete 测评 ballot for `items` (console/detail items) giving each the same grade. */
export function gradesBallot(items: Array<{ id: string }>, grade: string, comment?: string) {
  return { grades: items.map((it) => ({ itemId: it.id, grade, ...(comment ? { comment } : {}) })) }
}

/** Every document of a collection for one poll (paged). */
export async function rowsOf(db: any, collection: string, pollId: string, extra: Record<string, unknown> = {}): Promise<any[]> {
  const out: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection(collection).where({ pollId, ...extra }).skip(skip).limit(1000).get()).data
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** The invariant after any burst: one receipt per voter, cast ballots = receipts, slots = roster. */
export async function expectOneBallotEach(db: any, pollId: string): Promise<{ receipts: any[]; cast: any[] }> {
  const [receipts, slots, electors, poll] = await Promise.all([
    rowsOf(db, 'poll_receipts', pollId), rowsOf(db, 'poll_ballots', pollId), rowsOf(db, 'poll_electors', pollId),
    db.collection('polls').doc(pollId).get().then((r: any) => r.data),
  ])
  const cast = slots.filter((b) => b.state === 'cast')
  expect(new Set(receipts.map((r) => r.memberId)).size).toBe(receipts.length)
  expect(cast.length).toBe(receipts.length - (poll.slipsIssued - poll.slipsUsed))
  expect(slots.length).toBe(poll.rosterSize)
  expect(electors.filter((e) => e.voted).length).toBe(receipts.length)
  expect(new Set(cast.map((b) => b.tracker)).size).toBe(cast.length)
  return { receipts, cast }
}

export async function outbox(env: string): Promise<any[]> {
  const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}`)
  return (await res.json()).messages
}

/** A timer trigger as the platform fires it (no WeChat user). */
export async function trigger(env: string, name: string): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name: 'poll', trigger: name }) })
  return ((await res.json()) as { result: any }).result
}

/** The one-time codes printed in a 评议码 Word file (its URL), in print order. */
export async function slipCodes(url: string): Promise<string[]> {
  const JSZip = require('jszip')
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(url)).arrayBuffer()))
  const xml: string = await zip.file('word/document.xml').async('string')
  return [...xml.matchAll(/([2-9A-HJ-NP-Z]{5})-([2-9A-HJ-NP-Z]{5})/g)].map((m) => m[1] + m[2])
}
