/**
 * Every admin action and its audit entry land together ("所有管理动作留操作日志"): a function that dies
 * between its change and its entry must leave neither. Each case runs one action in this process,
 * through the real dispatcher on the real SDK and database, twice on the same arranged state:
 *  1. with the audit-log write failing (an `add` into audit_log throws — on the database AND on a
 *     transaction handle), as if the function were killed right there: the action fails, every
 *     document it would change is exactly as before, and there is no new audit entry;
 *  2. without the fault: the documents changed and exactly one new entry of the action.
 * A resumable action (poll open/close/publish: idempotent steps, the next call finishes them) is held
 * to "not in its final state, no entry" after the fault, and finished by the clean call. Where an earlier
 * step writes its own entry first (a results or disclosure notice's notice.createDraft), the fault is the
 * add after it. `submit` has no entry but the same shape (state change, then the 提案号 claim): its fault
 * is the number claim.
 */
import { dispatch, type Routes } from '../../cloudfunctions/_shared/dispatch'
import type { ServerEnv } from '../../cloudfunctions/_shared/env'
import { servicesFrom, type Services } from '../../cloudfunctions/_shared/services'
import { routes as congressRoutes } from '../../cloudfunctions/congress/routes'
import { routes as memberRoutes } from '../../cloudfunctions/member/routes'
import { routes as pollRoutes } from '../../cloudfunctions/poll/routes'
import { routes as opinionRoutes } from '../../cloudfunctions/opinion/routes'
import { routes as noticeRoutes } from '../../cloudfunctions/notice/routes'
import { routes as welfareRoutes } from '../../cloudfunctions/welfare/routes'
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { newEnvName, sdkFor } from '../support/cloud'
import { inDays, must, requestId, stage, step, submitted, today, type Stage } from './congress-support'
import { callAs } from './helpers'
import { appraisalDraft, electionDraft, must as pollMust, openedPoll } from './poll-support'
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
  /** what else it changes, read the same way before and after (documents whose id is not known beforehand) */
  more?: () => Promise<unknown>
  /** platform services to answer differently (never the database) */
  services?: Partial<Services>
}

interface Case {
  name: string
  routes: Routes
  /** the entry the action records (none for submit) */
  action?: string
  arrange: () => Promise<Arranged>
  /** the add that fails (default: the first into the audit log) */
  fault?: Fault
  /**
   * For a resumable action (its earlier steps are idempotent and the next call finishes them): what the
   * documents must look like after the fault, instead of "exactly as before".
   */
  partial?: (docs: any[]) => void
  /** entries that stay after the fault (an earlier, finished step's own; default none) */
  landed?: number
  /** time passing between the failed call and the retry (a stale claim) */
  between?: (a: Arranged) => Promise<void>
  /** new audit entries of the clean run, the action's own included (default 1; 0 without `action`) */
  entries?: number
  /** what the clean run must have written besides the audit entry */
  check?: (after: any[]) => void
}

const state = async (a: Arranged) => [...(await snapshot(db, a.docs)), ...(a.more ? [await a.more()] : [])]
const auditCount = async (action?: string) => ((await db.collection(AUDIT).where(action ? { action } : {}).count()) as { total: number }).total

async function run(routes: Routes, a: Arranged, fault: Fault | null) {
  return dispatch(routes, a.input, { openid: a.openid, db: fault ? faulty(db, fault) : db, now: new Date(), services: { ...servicesFrom(cloud), ...a.services }, env: { APP_SECRET: 'audit-atomicity-secret-0123456789abcdef' } as ServerEnv })
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
    name: 'congress.decide (立案)', routes: congressRoutes, action: 'congress.accept',
    arrange: async () => {
      const x = await submittedCase()
      return { openid: committee(), input: { action: 'decide', id: x.id, revision: x.revision, decision: 'accept', reason: '' }, docs: [[P, x.id]] }
    },
  },
  {
    name: 'congress.decide (并案)', routes: congressRoutes, action: 'congress.merge',
    arrange: async () => {
      const into = await accepted()
      const x = await submittedCase()
      return { openid: committee(), input: { action: 'decide', id: x.id, revision: x.revision, decision: 'merge', intoId: into, reason: '同一事项' }, docs: [[P, x.id], [P, into]] }
    },
  },
  {
    name: 'congress.assign', routes: congressRoutes, action: 'congress.assign',
    arrange: async () => {
      const id = await accepted()
      return {
        openid: committee(), docs: [[P, id]],
        input: { action: 'assign', id, revision: await revisionOf(id), handlerId: st.handler.memberId, office: '后勤处', coOffices: '', coHandlerIds: [], dueDate: inDays(10) },
      }
    },
  },
  {
    name: 'congress.reviewAnswer (审核通过)', routes: congressRoutes, action: 'congress.approveAnswer',
    arrange: async () => {
      const id = await answered()
      return { openid: committee(), input: { action: 'reviewAnswer', id, revision: await revisionOf(id), approve: true, reason: '' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.reviewAnswer (退回重办)', routes: congressRoutes, action: 'congress.returnAnswer',
    arrange: async () => {
      const id = await answered()
      return { openid: committee(), input: { action: 'reviewAnswer', id, revision: await revisionOf(id), approve: false, reason: '请补充时间表' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.closeRating', routes: congressRoutes, action: 'congress.closeRating',
    arrange: async () => {
      const id = await expiredRating()
      return { openid: committee(), input: { action: 'closeRating', id, revision: await revisionOf(id) }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.closeExpiredRatings (timer)', routes: congressRoutes, action: 'congress.closeRating',
    arrange: async () => {
      const id = await expiredRating()
      return { openid: '', input: { Type: 'Timer', TriggerName: 'closeExpiredRatings' }, docs: [[P, id]] }
    },
  },
  {
    name: 'congress.submit (提案号 claimed with the state change)', routes: congressRoutes, fault: { collection: 'congress_numbers' },
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
    name: 'congress.saveSession (edit)', routes: congressRoutes, action: 'congress.editSession',
    arrange: async () => {
      const s = await extraSession()
      return {
        openid: st.chair.openid, docs: [[S, s.id]],
        input: { action: 'saveSession', id: s.id, revision: s.revision, term: 1, meeting: 1, title: '改过的名称', meetingDate: inDays(21), collectFrom: inDays(-5), collectTo: inDays(10) },
      }
    },
  },
  {
    name: 'congress.saveSession (create)', routes: congressRoutes, action: 'congress.createSession',
    arrange: async () => {
      const t = 50 + ++n
      return {
        openid: st.chair.openid, docs: [[S, `congress-${t}-1`]],
        input: { action: 'saveSession', requestId: requestId(), term: t, meeting: 1, title: `第${t}届第一次教职工代表大会`, meetingDate: inDays(20), collectFrom: inDays(-5), collectTo: inDays(10) },
      }
    },
  },
  {
    name: 'congress.setCommittee', routes: congressRoutes, action: 'congress.setCommittee',
    arrange: async () => {
      const s = await extraSession()
      return { openid: st.chair.openid, input: { action: 'setCommittee', sessionId: s.id, revision: s.revision, memberIds: [st.committee[1].memberId] }, docs: [[S, s.id]] }
    },
  },
  {
    name: 'congress.setDocuments', routes: congressRoutes, action: 'congress.setDocuments',
    arrange: async () => {
      const s = await extraSession()
      const noticeId = `notice_aa_${++n}`
      await db.collection('notices').add({ data: { _id: noticeId, title: '会议议程', state: 'published' } })
      return { openid: st.chair.openid, input: { action: 'setDocuments', sessionId: s.id, revision: s.revision, noticeIds: [noticeId] }, docs: [[S, s.id]] }
    },
  },
  {
    name: 'congress.addDelegate', routes: congressRoutes, action: 'congress.addDelegate',
    arrange: async () => ({
      openid: st.chair.openid, docs: [['congress_delegates', `${st.sessionId}_${st.outsider.memberId}`]],
      input: { action: 'addDelegate', sessionId: st.sessionId, memberId: st.outsider.memberId, constituency: '体育组选区', kind: 'delegate', leader: false },
    }),
  },
  {
    name: 'congress.removeDelegate', routes: congressRoutes, action: 'congress.removeDelegate',
    arrange: async () => {
      const d = st.delegates[5]
      return { openid: st.chair.openid, input: { action: 'removeDelegate', sessionId: st.sessionId, memberId: d.memberId, reason: '调离' }, docs: [['congress_delegates', `${st.sessionId}_${d.memberId}`]] }
    },
  },
  {
    name: 'congress.checkin (from the roster)', routes: congressRoutes, action: 'congress.checkin',
    arrange: async () => {
      const [a, b] = st.delegates
      return {
        openid: committee(), input: { action: 'checkin', sessionId: st.sessionId, memberIds: [a.memberId, b.memberId] },
        docs: [['congress_attendance', `${st.sessionId}_${a.memberId}`], ['congress_attendance', `${st.sessionId}_${b.memberId}`]],
      }
    },
  },
  {
    name: 'congress.fromOpinion', routes: congressRoutes, action: 'congress.fromOpinion',
    arrange: async () => {
      const opinionId = `op_aa_${++n}`
      await db.collection('opinions').add({ data: { _id: opinionId, text: '食堂晚餐供应时间太短。', category: '食堂', state: 'received', createdAt: new Date() } })
      const rid = requestId()
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
    name: 'member.setDepartments', routes: memberRoutes, action: 'member.setDepartments',
    arrange: async () => ({ openid: chair(), input: { action: 'setDepartments', departments: ['语文组', '数学组', `体育组${++n}`] }, docs: [[META, 'departments']] }),
  },
  {
    name: 'member.setJoinSettings', routes: memberRoutes, action: 'member.setJoinSettings',
    arrange: async () => {
      const had = (await snapshot(db, [[META, 'join_settings']]))[0] as { invite?: boolean } | null
      return { openid: chair(), input: { action: 'setJoinSettings', invite: !(had?.invite ?? true) }, docs: [[META, 'join_settings']] }
    },
  },
  {
    name: 'member.bindGroup', routes: memberRoutes, action: 'member.bindGroup',
    arrange: async () => {
      // WeChat resolves a group's cloudID only inside an invocation by the same openid: here, in-process, the
      // answer it would give is handed to the function directly (the database is the real one)
      const openGId = `G_aa_${++n}`
      return {
        openid: chair(), input: { action: 'bindGroup', groupCloudId: `cloud-id-${n}` }, docs: [[META, 'join_settings']],
        services: { openData: async () => [{ cloudID: `cloud-id-${n}`, data: { openGId } }] },
      }
    },
  },
  {
    name: 'member.revokeInvite', routes: memberRoutes, action: 'member.revokeInvite',
    arrange: async () => {
      const r = await callAs(env, { openid: chair() }, 'member', { action: 'createInvite', requestId: requestId(), note: `新教师${++n}`, days: 7, maxUses: 5, autoApprove: false })
      if (!r.ok) throw new Error(`member.createInvite: ${r.message}`)
      return { openid: chair(), input: { action: 'revokeInvite', code: r.data.code }, docs: [['invites', r.data.code]] }
    },
  },
  {
    name: 'member.importRoster', routes: memberRoutes, action: 'member.importRoster',
    arrange: async () => {
      const csv = `姓名,部门,工号,生日,性别,状态,手机\r\n钱多${++n},数学组,C${1000 + n},1979-05-04,女,在职,1390000${String(1000 + n)}\r\n`
      const up = await cloud.uploadFile({ cloudPath: `uploads/roster/${Date.now()}-名册.csv`, fileContent: Buffer.from(csv) })
      return { openid: chair(), input: { action: 'importRoster', fileId: up.fileID, fileName: '名册.csv' }, docs: [[META, 'roster']] }
    },
  },
]

const POLLS = 'polls'
const voters = () => ({ kind: 'members', memberIds: st.delegates.slice(0, 5).map((d) => d.memberId) })
const draft = async (make: (o: Record<string, unknown>) => Record<string, unknown> = appraisalDraft) => pollMust(env, chair(), 'save', { ...make({ title: title('审计测试投票'), electorate: voters() }), requestId: requestId() })
const opened = async (make: (o: Record<string, unknown>) => Record<string, unknown> = appraisalDraft) => openedPoll(env, st.chair, make({ title: title('审计测试投票'), electorate: voters() }))
const inState = (s: string) => (docs: any[]) => expect(docs[0]).toMatchObject({ state: s })

const poll: Case[] = [
  {
    name: 'poll.save (create)', routes: pollRoutes, action: 'poll.create',
    arrange: async () => {
      const rid = requestId()
      return { openid: chair(), input: { action: 'save', ...appraisalDraft({ title: title('新投票') }), requestId: rid }, docs: [[POLLS, createdId(chair(), 'poll.create', rid)]] }
    },
  },
  {
    name: 'poll.save (edit)', routes: pollRoutes, action: 'poll.edit',
    arrange: async () => {
      const d = await draft()
      return { openid: chair(), input: { action: 'save', id: d.id, revision: d.revision, ...appraisalDraft({ title: title('改过的投票'), electorate: voters() }) }, docs: [[POLLS, d.id]] }
    },
  },
  {
    name: 'poll.discard', routes: pollRoutes, action: 'poll.discard',
    arrange: async () => {
      const d = await draft()
      return { openid: chair(), input: { action: 'discard', id: d.id, revision: d.revision }, docs: [[POLLS, d.id]] }
    },
  },
  {
    name: 'poll.open (resumable: left opening, finished by the next call)', routes: pollRoutes, action: 'poll.open', partial: inState('opening'), check: inState('open'),
    arrange: async () => {
      const d = await draft()
      return { openid: chair(), input: { action: 'open', id: d.id, revision: d.revision }, docs: [[POLLS, d.id]] }
    },
  },
  {
    name: 'poll.close (resumable: left closing, finished by the next call)', routes: pollRoutes, action: 'poll.close', partial: inState('closing'), check: inState('closed'),
    arrange: async () => {
      const p = await opened()
      return { openid: chair(), input: { action: 'close', id: p.id }, docs: [[POLLS, p.id]] }
    },
  },
  {
    // the results notice's own entry lands first (fault.after); the step that dies is the publishing
    name: 'poll.publish (resumable: the claim is taken over once stale)', routes: pollRoutes, action: 'poll.publish',
    fault: { collection: AUDIT, after: 1 }, landed: 1, partial: inState('publishing'), entries: 2, check: inState('published'),
    arrange: async () => {
      const p = await opened()
      await pollMust(env, chair(), 'close', { id: p.id })
      return { openid: chair(), input: { action: 'publish', id: p.id, publicityDays: 3 }, docs: [[POLLS, p.id]] }
    },
    between: async (a) => { await db.collection(POLLS).doc(a.docs[0][1]).update({ data: { 'claim.at': new Date(Date.now() - 60_000) } }) },
  },
  {
    name: 'poll.runoff', routes: pollRoutes, action: 'poll.runoff',
    arrange: async () => {
      const p = await opened(electionDraft)
      const item = (name: string) => p.items.find((it: any) => it.name === name).id
      const picks = [['甲', '乙'], ['甲', '丙'], ['甲', '乙'], ['甲', '丙'], ['乙', '丙']]
      for (const [i, who] of st.delegates.slice(0, 5).entries()) await pollMust(env, who.openid, 'cast', { id: p.id, ballot: { picks: picks[i].map(item) } })
      await pollMust(env, chair(), 'close', { id: p.id })
      return { openid: chair(), input: { action: 'runoff', id: p.id }, docs: [[POLLS, p.id], [POLLS, `${p.id}_r2`]] }
    },
  },
  {
    name: 'poll.remind', routes: pollRoutes, action: 'poll.remind',
    arrange: async () => {
      const p = await opened()
      return { openid: chair(), input: { action: 'remind', id: p.id }, docs: [[POLLS, p.id]] }
    },
  },
  {
    name: 'poll.printSlips', routes: pollRoutes, action: 'poll.printSlips',
    arrange: async () => {
      const d = await draft()
      return { openid: chair(), input: { action: 'printSlips', id: d.id, count: 3, requestId: requestId() }, docs: [[POLLS, d.id]] }
    },
  },
]

/** An opinion as the union sees it after release (anonymous: nothing about who wrote it). */
async function opinion(extra: Record<string, unknown>): Promise<string> {
  const _id = `op_aa_${++n}`
  await db.collection('opinions').add({
    data: {
      _id, category: '食堂', text: `第${n}条：食堂晚餐供应时间太短。`, images: [], anonymous: true, submittedOn: today(), submittedMonth: today().slice(0, 7),
      visibleOn: today(), dueOn: inDays(7), state: 'pending', replies: [], followUps: [], ...extra,
    },
  })
  return _id
}
const replied = () => ({ state: 'replied', ...handler(), replies: [{ text: '已协调延长。', repliedAt: new Date(), by: st.chair.memberId, byName: st.chair.name }] })
const OPINIONS = 'opinions'
const handler = () => ({ assigneeId: st.chair.memberId, assigneeName: st.chair.name })
/** One handling step on a fresh opinion (made as `extra` says, at arrange time: the stage's chair handles it). */
const opinionCase = (action: string, extra: () => Record<string, unknown>, input: () => Record<string, unknown> = () => ({})): Case => ({
  name: `opinion.${action}`, routes: opinionRoutes, action: `opinion.${action}`,
  arrange: async () => {
    const id = await opinion(extra())
    return { openid: chair(), input: { action, id, ...input() }, docs: [[OPINIONS, id]] }
  },
})

const opinions: Case[] = [
  opinionCase('assign', () => ({}), () => ({ assigneeId: st.chair.memberId })),
  opinionCase('reply', () => ({ state: 'processing', ...handler() }), () => ({ text: '已与食堂协调，晚餐延长半小时。' })),
  opinionCase('close', replied),
  opinionCase('reject', () => ({}), () => ({ reason: '不属于工会职责范围。' })),
  opinionCase('release', () => ({ held: 'review' })),
  opinionCase('publishQa', replied, () => ({ question: '食堂晚餐时间能否延长？', answer: '已延长半小时。' })),
  {
    name: 'opinion.setSettings', routes: opinionRoutes, action: 'opinion.setSettings',
    arrange: async () => ({ openid: chair(), input: { action: 'setSettings', dueDays: 10 + (++n % 40) }, docs: [[META, 'opinion_settings']] }),
  },
]

const others: Case[] = [
  {
    name: 'notice.remindUnread', routes: noticeRoutes, action: 'notice.remindUnread',
    arrange: async () => {
      const call = async (action: string, input: Record<string, unknown>) => {
        const r = await callAs(env, { openid: chair() }, 'notice', { action, ...input })
        if (!r.ok) throw new Error(`notice.${action}: ${r.message}`)
        return r.data
      }
      const { id } = await call('createDraft', { requestId: requestId(), title: title('工会小组活动通知'), category: '校务', visibility: 'internal', body: [{ type: 'paragraph', text: '请各小组长组织。' }] })
      await call('publish', { id })
      return { openid: chair(), input: { action: 'remindUnread', id }, docs: [['notices', id]] }
    },
  },
  {
    // the draft notice's own entry (notice.createDraft) is written; the one that fails is this action's
    name: 'welfare.disclosureDraft', routes: welfareRoutes, action: 'welfare.disclosureDraft', fault: { collection: AUDIT, after: 1 }, entries: 2,
    arrange: async () => {
      const r = await callAs(env, { openid: chair() }, 'welfare', {
        action: 'record', requestId: requestId(), recipient: { kind: 'member', memberId: st.delegates[2].memberId }, reason: '生育', visitDate: inDays(-3), cashYuan: '200', fund: '工会经费',
      })
      if (!r.ok) throw new Error(`welfare.record: ${r.message}`)
      const drafts = async () => ((await db.collection('notices').where({ category: '工会经费' }).count()) as { total: number }).total
      return { openid: chair(), input: { action: 'disclosureDraft', from: inDays(-30), to: today(), namedReasons: [], visibility: 'internal' }, docs: [], more: drafts }
    },
  },
  {
    name: 'welfare.setHardship', routes: welfareRoutes, action: 'welfare.setHardship',
    arrange: async () => {
      const who = st.delegates[3 + (++n % 2)]
      const had = (await snapshot(db, [['welfare_people', who.memberId]]))[0] as { hardship?: boolean } | null
      return { openid: chair(), input: { action: 'setHardship', memberId: who.memberId, hardship: !had?.hardship, note: '家人住院' }, docs: [['welfare_people', who.memberId]] }
    },
  },
]

const cases: Case[] = [...congress, ...member, ...poll, ...opinions, ...others]

describe.each(cases)('$name', (c) => {
  it('dies with its change undone when the second write fails, and lands with one audit entry when it does not', async () => {
    const a = await c.arrange()
    const before = await state(a)
    const fault = c.fault ?? { collection: AUDIT }
    const [audits, own] = [await auditCount(), c.action ? await auditCount(c.action) : 0]

    const failed = await run(c.routes, a, fault)
    expect(failed).toMatchObject({ ok: false, code: fault.collection === AUDIT ? 'INTERNAL' : expect.any(String) })
    if (c.partial) c.partial(await state(a))
    else expect(await state(a)).toEqual(before)
    expect(await auditCount()).toBe(audits + (c.landed ?? 0))
    if (c.action) expect(await auditCount(c.action)).toBe(own)

    await c.between?.(a)
    const ahead = await auditCount()
    const done = await run(c.routes, a, null)
    expect(done.ok ? 'ok' : done).toBe('ok')
    const after = await state(a)
    expect(after).not.toEqual(before)
    expect(await auditCount()).toBe(ahead + (c.entries ?? (c.action ? 1 : 0)))
    if (c.action) expect(await auditCount(c.action)).toBe(own + 1)
    c.check?.(after)
  })
})
