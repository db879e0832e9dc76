/**
 * Fixtures for the 教代会 function tests: people written straight into a test environment (as the
 * member function would have approved them), everything else made through the congress function.
 */
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { localCloudUrl } from '../support/cloud'
import { callAs } from './helpers'
import { addChair, addPeople, requestId, type Person } from './poll-support'

export { addChair, addPeople, requestId, type Person }

export const call = (env: string, who: Person, action: string, input: Record<string, unknown> = {}) => callAs(env, { openid: who.openid }, 'congress', { action, ...input })

export async function must(env: string, who: Person, action: string, input: Record<string, unknown> = {}): Promise<any> {
  const r = await call(env, who, action, input)
  if (!r.ok) throw new Error(`congress.${action}: ${r.code} ${r.message}`)
  return r.data
}

export const today = () => shanghaiDate(new Date())
export const inDays = (n: number) => addDays(today(), n)

export interface Stage {
  env: string
  db: any
  sessionId: string
  chair: Person
  /** 提案工作委员会 members (plain members chosen by the chair) */
  committee: Person[]
  delegates: Person[]
  handler: Person
  outsider: Person
}

let term = 1

/** A session (collecting today), its 提案工作委员会 and `n` 代表, made by the chair through the function. */
export async function stage(env: string, db: any, prefix: string, n = 6, minSeconds = 2): Promise<Stage> {
  const chair = await addChair(db, prefix)
  const committee = await addPeople(db, `${prefix}委员`, 2)
  const delegates = await addPeople(db, `${prefix}代表`, n)
  const [handler, outsider] = await addPeople(db, `${prefix}其他`, 2)
  const t = term++
  const s = await must(env, chair, 'saveSession', {
    requestId: requestId(), term: t, meeting: 1, title: `第${t}届第一次教职工代表大会`, meetingDate: inDays(20), collectFrom: inDays(-5), collectTo: inDays(10), minSeconds,
  })
  await must(env, chair, 'setCommittee', { sessionId: s.id, revision: s.revision, memberIds: committee.map((c) => c.memberId) })
  for (const [i, d] of delegates.entries()) await must(env, chair, 'addDelegate', { sessionId: s.id, memberId: d.memberId, constituency: i % 2 ? '数学组选区' : '语文组选区' })
  return { env, db, sessionId: s.id, chair, committee, delegates, handler, outsider }
}

export const draftOf = (title: string) => ({ title, category: '后勤保障', reasons: `${title}的理由：教师反映较多。`, measures: `${title}的办法：请后勤处研究落实。` })

/** A proposal drafted by `proposer`, seconded by `seconders` (invited and accepted), submitted. */
export async function submitted(st: Stage, proposer: Person, seconders: Person[], title: string): Promise<any> {
  const d = await must(st.env, proposer, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf(title) })
  await must(st.env, proposer, 'invite', { id: d.id, memberIds: seconders.map((s) => s.memberId) })
  for (const s of seconders) await must(st.env, s, 'respond', { id: d.id, accept: true })
  const sub = await must(st.env, proposer, 'submit', { id: d.id, revision: d.revision })
  return { id: d.id, revision: sub.revision }
}

export const detail = (st: Stage, who: Person, id: string) => must(st.env, who, 'detail', { id })

/** Runs one committee step against the revision it reads first. */
export async function step(st: Stage, who: Person, action: string, id: string, input: Record<string, unknown>): Promise<any> {
  const d = await detail(st, who, id)
  return must(st.env, who, action, { id, revision: d.revision, ...input })
}

export async function asTimer(env: string, action: string): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, name: 'congress', data: { Type: 'Timer', TriggerName: action } }),
  })
  return ((await res.json()) as any).result
}

export async function outbox(env: string, touser?: string): Promise<any[]> {
  const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}${touser ? `&touser=${touser}` : ''}`)
  return (await res.json()).messages
}
