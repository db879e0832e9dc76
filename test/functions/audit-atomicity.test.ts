/**
 * Every admin action and its audit entry land together ("所有管理动作留操作日志"): a function that dies
 * between its change and its entry must leave neither. Each case runs one action in this process,
 * through the real dispatcher on the real SDK and database, twice on the same arranged state:
 *  1. with the audit-log write failing (an `add` into audit_log throws — on the database AND on a
 *     transaction handle), as if the function were killed right there: the action fails, every
 *     document it would change is exactly as before, and there is no new audit entry;
 *  2. without the fault: the documents changed and exactly one new audit entry.
 * `submit` has no audit entry but the same shape (state change, then a second write claiming the
 * 提案号): its fault is the number claim.
 */
import { dispatch, type Routes } from '../../cloudfunctions/_shared/dispatch'
import { servicesFrom } from '../../cloudfunctions/_shared/services'
import { routes as congressRoutes } from '../../cloudfunctions/congress/routes'
import { routes as memberRoutes } from '../../cloudfunctions/member/routes'
import { newEnvName, sdkFor } from '../support/cloud'
import { inDays, must, requestId, stage, step, submitted, type Stage } from './congress-support'
import { callAs } from './helpers'
import { faulty, snapshot, type Fault } from './audit-atomicity-support'

jest.setTimeout(300_000)

const env = newEnvName('auditatom')
const { db, cloud } = sdkFor(env) as { db: any; cloud: any }
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'aa', 6)
})

const AUDIT = 'audit_log'

interface Arranged {
  openid: string
  input: Record<string, unknown>
  /** [collection, id] of every document the action changes (or creates) */
  docs: Array<[string, string]>
}

interface Case {
  name: string
  routes: Routes
  arrange: () => Promise<Arranged>
  /** the collection whose `add` fails (default: the audit log) */
  failOn?: string
  /** what the clean run must have written besides the audit entry */
  check?: (after: unknown[]) => void
}

const auditCount = async () => ((await db.collection(AUDIT).count()) as { total: number }).total

async function run(routes: Routes, a: Arranged, fault: Fault | null) {
  return dispatch(routes, a.input, { openid: a.openid, db: fault ? faulty(db, fault) : db, now: new Date(), services: servicesFrom(cloud) })
}

/* ───────────── arrangements (made through the function over HTTP, as the app would) ───────────── */

let n = 0
const title = (what: string) => `${what}${++n}号`

async function submittedCase(): Promise<{ id: string; revision: number }> {
  const [p, a, b] = st.delegates
  return submitted(st, p, [a, b], title('审计测试提案'))
}

async function accepted(): Promise<string> {
  const x = await submittedCase()
  await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
  return x.id
}

async function answered(): Promise<string> {
  const id = await accepted()
  await step(st, st.committee[0], 'assign', id, { handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(10) })
  await step(st, st.handler, 'answer', id, { answerClass: 'B', text: '列入下学期计划。' })
  return id
}

async function expiredRating(): Promise<string> {
  const id = await answered()
  await step(st, st.committee[0], 'reviewAnswer', id, { approve: true })
  await db.collection('congress_proposals').doc(id).update({ data: { ratingDue: inDays(-1) } })
  return id
}

const revisionOf = async (id: string) => (await db.collection('congress_proposals').doc(id).get()).data.revision as number
const P = 'congress_proposals'
const S = 'congress_sessions'
const committee = () => st.committee[0].openid

async function extraSession(): Promise<{ id: string; revision: number }> {
  const t = 10 + ++n
  return must(env, st.chair, 'saveSession', {
    requestId: requestId(), term: t, meeting: 1, title: `第${t}届第一次教职工代表大会`, meetingDate: inDays(20), collectFrom: inDays(-5), collectTo: inDays(10),
  })
}

const congress: Case[] = [
  {
    name: 'congress.decide (立案)', routes: congressRoutes,
    arrange: async () => {
      const x = await submittedCase()
      return { openid: committee(), input: { action: 'decide', id: x.id, revision: x.revision, decision: 'accept', reason: '' }, docs: [[P, x.id]] }
    },
  },
  {
    name: 'congress.decide (并案)', routes: congressRoutes,
    arrange: async () => {
      const into = await accepted()
      const x = await submittedCase()
      return { openid: committee(), input: { action: 'decide', id: x.id, revision: x.revision, decision: 'merge', intoId: into, reason: '同一事项' }, docs: [[P, x.id], [P, into]] }
    },
  },
  {
    name: 'congress.assign', routes: congressRoutes,
    arrange: async () => {
      const id = await accepted()
      return {
        openid: committee(), docs: [[P, id]],
        input: { action: 'assign', id, revision: await revisionOf(id), handlerId: st.handler.memberId, office: '后勤处', coOffices: '', coHandlerIds: [], dueDate: inDays(10) },
      }
    },
  },
  {
    name: 'congress.reviewAnswer (审核通过)', routes: congressRoutes,
    arrange: async () => {
      const id = await answered()
      return { openid: committee(), input: { action: 'reviewAnswer', id, revision: await revisionOf(id), approve: true, reason: '' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.reviewAnswer (退回重办)', routes: congressRoutes,
    arrange: async () => {
      const id = await answered()
      return { openid: committee(), input: { action: 'reviewAnswer', id, revision: await revisionOf(id), approve: false, reason: '请补充时间表' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.closeRating', routes: congressRoutes,
    arrange: async () => {
      const id = await expiredRating()
      return { openid: committee(), input: { action: 'closeRating', id, revision: await revisionOf(id) }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.closeExpiredRatings (timer)', routes: congressRoutes,
    arrange: async () => {
      const id = await expiredRating()
      return { openid: '', input: { Type: 'Timer', TriggerName: 'closeExpiredRatings' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.submit (提案号 claimed with the state change)', routes: congressRoutes, failOn: 'congress_numbers',
    arrange: async () => {
      const [p, a, b] = st.delegates
      const d = await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), title: title('编号测试提案'), category: '后勤保障', reasons: '理由。', measures: '办法。' })
      await must(env, p, 'invite', { id: d.id, memberIds: [a.memberId, b.memberId] })
      for (const s of [a, b]) await must(env, s, 'respond', { id: d.id, accept: true })
      return { openid: p.openid, input: { action: 'submit', id: d.id, revision: await revisionOf(d.id) }, docs: [[P, d.id]] }
    },
    check: ([p]) => expect(p).toMatchObject({ state: 'submitted', number: expect.any(Number) }),
  },
  {
    name: 'congress.saveSession (edit)', routes: congressRoutes,
    arrange: async () => {
      const s = await extraSession()
      return {
        openid: st.chair.openid, docs: [[S, s.id]],
        input: { action: 'saveSession', id: s.id, revision: s.revision, term: 1, meeting: 1, title: '改过的名称', meetingDate: inDays(21), collectFrom: inDays(-5), collectTo: inDays(10) },
      }
    },
  },
  {
    name: 'congress.saveSession (create)', routes: congressRoutes,
    arrange: async () => {
      const t = 50 + ++n
      return {
        openid: st.chair.openid, docs: [[S, `congress-${t}-1`]],
        input: { action: 'saveSession', requestId: requestId(), term: t, meeting: 1, title: `第${t}届第一次教职工代表大会`, meetingDate: inDays(20), collectFrom: inDays(-5), collectTo: inDays(10) },
      }
    },
  },
  {
    name: 'congress.setCommittee', routes: congressRoutes,
    arrange: async () => {
      const s = await extraSession()
      return { openid: st.chair.openid, input: { action: 'setCommittee', sessionId: s.id, revision: s.revision, memberIds: [st.committee[1].memberId] }, docs: [[S, s.id]] }
    },
  },
  {
    name: 'congress.setDocuments', routes: congressRoutes,
    arrange: async () => {
      const s = await extraSession()
      const noticeId = `notice_aa_${++n}`
      await db.collection('notices').add({ data: { _id: noticeId, title: '会议议程', state: 'published' } })
      return { openid: st.chair.openid, input: { action: 'setDocuments', sessionId: s.id, revision: s.revision, noticeIds: [noticeId] }, docs: [[S, s.id]] }
    },
  },
  {
    name: 'congress.addDelegate', routes: congressRoutes,
    arrange: async () => ({
      openid: st.chair.openid, docs: [['congress_delegates', `${st.sessionId}_${st.outsider.memberId}`]],
      input: { action: 'addDelegate', sessionId: st.sessionId, memberId: st.outsider.memberId, constituency: '体育组选区', kind: 'delegate', leader: false },
    }),
  },
  {
    name: 'congress.removeDelegate', routes: congressRoutes,
    arrange: async () => {
      const d = st.delegates[5]
      return { openid: st.chair.openid, input: { action: 'removeDelegate', sessionId: st.sessionId, memberId: d.memberId, reason: '调离' }, docs: [['congress_delegates', `${st.sessionId}_${d.memberId}`]] }
    },
  },
  {
    name: 'congress.checkin (from the roster)', routes: congressRoutes,
    arrange: async () => {
      const [a, b] = st.delegates
      return {
        openid: committee(), input: { action: 'checkin', sessionId: st.sessionId, memberIds: [a.memberId, b.memberId] },
        docs: [['congress_attendance', `${st.sessionId}_${a.memberId}`], ['congress_attendance', `${st.sessionId}_${b.memberId}`]],
      }
    },
  },
  {
    name: 'congress.fromOpinion', routes: congressRoutes,
    arrange: async () => {
      const opinionId = `op_aa_${++n}`
      await db.collection('opinions').add({ data: { _id: opinionId, text: '食堂晚餐供应时间太短。', category: '食堂', state: 'received', createdAt: new Date() } })
      const rid = requestId()
      const { createdId } = await import('../../cloudfunctions/_shared/create-once')
      return {
        openid: committee(), input: { action: 'fromOpinion', sessionId: st.sessionId, opinionId, requestId: rid },
        docs: [['opinions', opinionId], [P, createdId(committee(), 'congress.proposal', rid)]],
      }
    },
  },
]

const META = 'app_meta'
const chair = () => st.chair.openid

const member: Case[] = [
  {
    name: 'member.setDepartments', routes: memberRoutes,
    arrange: async () => ({ openid: chair(), input: { action: 'setDepartments', departments: ['语文组', '数学组', `体育组${++n}`] }, docs: [[META, 'departments']] }),
  },
  {
    name: 'member.setJoinSettings', routes: memberRoutes,
    arrange: async () => {
      const had = (await snapshot(db, [[META, 'join_settings']]))[0] as { invite?: boolean } | null
      return { openid: chair(), input: { action: 'setJoinSettings', invite: !(had?.invite ?? true) }, docs: [[META, 'join_settings']] }
    },
  },
  {
    name: 'member.revokeInvite', routes: memberRoutes,
    arrange: async () => {
      const r = await callAs(env, { openid: chair() }, 'member', { action: 'createInvite', requestId: requestId(), note: `新教师${++n}`, days: 7, maxUses: 5, autoApprove: false })
      if (!r.ok) throw new Error(`member.createInvite: ${r.message}`)
      return { openid: chair(), input: { action: 'revokeInvite', code: r.data.code }, docs: [['invites', r.data.code]] }
    },
  },
  {
    name: 'member.importRoster', routes: memberRoutes,
    arrange: async () => {
      const csv = `姓名,部门,工号,生日,性别,状态,手机\r\n钱多${++n},数学组,C${1000 + n},1979-05-04,女,在职,1390000${String(1000 + n)}\r\n`
      const up = await cloud.uploadFile({ cloudPath: `uploads/roster/${Date.now()}-名册.csv`, fileContent: Buffer.from(csv) })
      return { openid: chair(), input: { action: 'importRoster', fileId: up.fileID, fileName: '名册.csv' }, docs: [[META, 'roster']] }
    },
  },
]

const cases: Case[] = [...congress, ...member]

describe.each(cases)('$name', (c) => {
  it('dies with its change undone when the second write fails, and lands with one audit entry when it does not', async () => {
    const a = await c.arrange()
    const before = await snapshot(db, a.docs)
    const audits = await auditCount()

    const failed = await run(c.routes, a, { collection: c.failOn ?? AUDIT })
    expect(failed.ok).toBe(false)
    expect(await snapshot(db, a.docs)).toEqual(before)
    expect(await auditCount()).toBe(audits)

    const done = await run(c.routes, a, null)
    expect(done).toMatchObject({ ok: true })
    const after = await snapshot(db, a.docs)
    expect(after).not.toEqual(before)
    expect(await auditCount()).toBe(audits + (c.failOn ? 0 : 1))
    c.check?.(after)
  })
})
