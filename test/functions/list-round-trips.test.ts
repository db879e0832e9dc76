/**
 * Round trips (#18): every list page answers in at most 3 database requests. In production each
 * request a function sends is a network round trip; the local cloud counts them per invocation
 * (`usage.dbRequests` of /local/invoke). A page that makes several calls when it opens costs their
 * sum. `member.me` is counted only on 我的, whose own data it is: the app asks it once per session
 * and the other pages share that answer (src/hooks/useMe.ts).
 *
 * Each case is one page, opened by the persona who uses it, on the demo data plus the records made
 * below where a list would otherwise be empty; every answer must be ok, and the page's list must
 * not be empty, so a count met by answering less fails.
 */
import { localCloudUrl } from '../support/cloud'
import { persona, type PersonaKey } from '../../emulator/seed/personas'
import { seededEnv } from './helpers'

jest.setTimeout(180_000)

/** One call a page makes: function, input, and whether its answer is the page's (non-empty) list. */
interface PageCall { name: string; data: Record<string, unknown>; list?: (data: any) => unknown[] }

interface Usage { dbRequests: number; byAction: Record<string, number>; nested: { calls: number; dbRequests: number } }

interface Counted { result: any; dbRequests: number }

/** Calls `name` as `who` through /local/invoke, with the number of database requests it sent. */
async function counted(env: string, who: PersonaKey, name: string, data: Record<string, unknown>): Promise<Counted> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ env, name, data, openid: persona(who).openid }),
  })
  const answer = (await res.json()) as { ok: boolean; result?: any; usage?: Usage; errCode?: number; errMsg?: string }
  if (!answer.ok) throw new Error(`invoke ${name}.${String(data.action)} failed: ${answer.errCode} ${answer.errMsg}`)
  const usage = answer.usage!
  if (process.env.LIST_RT_VERBOSE) console.log(name, data.action, JSON.stringify(usage))
  return { result: answer.result, dbRequests: usage.dbRequests + usage.nested.dbRequests }
}

/** The answer's data, or a thrown error naming the refused call. */
async function dataOf(env: string, who: PersonaKey, name: string, data: Record<string, unknown>): Promise<any> {
  const { result } = await counted(env, who, name, data)
  if (!result?.ok) throw new Error(`${name}.${String(data.action)} as ${who}: ${result?.code} ${result?.message}`)
  return result.data
}

const items = (d: any) => d.items

let env: string
let db: any
const ids: Record<string, string> = {}
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const year = Number(month.slice(0, 4))

beforeAll(async () => {
  ({ env, db } = await seededEnv('list-rt'))
  // Warm every function: a cold start is not what this counts.
  for (const name of ['member', 'notice', 'activity', 'opinion', 'congress', 'plan', 'poll', 'welfare']) {
    await counted(env, 'chair', name, { action: name === 'member' ? 'me' : '__warm__' })
  }
  const managed = await dataOf(env, 'chair', 'activity', { action: 'manageList', page: 1 })
  ids.activity = managed.items.find((a: any) => a.confirmedCount > 0)?.id
  const notices = await dataOf(env, 'chair', 'notice', { action: 'manageList', state: 'published', page: 1 })
  ids.notice = notices.items[0]?.id
  const pending = await dataOf(env, 'chair', 'notice', { action: 'pendingObjections', page: 1 })
  ids.objected = pending.items[0]?.noticeId
  // The chair pins a notice: an audited action, so 操作日志 has an entry.
  await dataOf(env, 'chair', 'notice', { action: 'pin', id: ids.notice, pinned: true })
  const sessions = await dataOf(env, 'staff', 'congress', { action: 'sessions' })
  ids.session = sessions.items[0]?.id
  const polls = await dataOf(env, 'chair', 'poll', { action: 'manageList', page: 1 })
  ids.poll = polls.items.find((p: any) => p.state === 'open')?.id ?? polls.items[0]?.id
  expect(Object.values(ids).every(Boolean)).toBe(true)
}, 120_000)

const pages: Array<[string, PersonaKey, () => PageCall[]]> = [
  ['公开栏 tab (notices)', 'staff', () => [{ name: 'notice', data: { action: 'list', page: 1 }, list: items }]],
  ['活动 tab (activities)', 'staff', () => [{ name: 'activity', data: { action: 'list', page: 1 }, list: items }]],
  ['意见箱 tab (opinions): 公开答复', 'staff', () => [{ name: 'opinion', data: { action: 'listQa', page: 1 }, list: items }]],
  ['我的 tab (me) as a member', 'staff', () => [{ name: 'member', data: { action: 'me' } }]],
  ['我的 tab (me) as a committee member: 工作台 + 慰问待办', 'committee', () => [
    { name: 'member', data: { action: 'me' } },
    { name: 'member', data: { action: 'desk' }, list: items },
    { name: 'welfare', data: { action: 'todo' } },
  ]],
  ['活动管理 (activity manage)', 'committee', () => [{ name: 'activity', data: { action: 'manageList', page: 1 }, list: items }]],
  ['我的报名 (activity mine)', 'staff', () => [{ name: 'activity', data: { action: 'mine', page: 1 }, list: items }]],
  ['报名名单 (activity roster)', 'committee', () => [{ name: 'activity', data: { action: 'roster', activityId: ids.activity, page: 1 }, list: items }]],
  ['教代会提案 (congress board)', 'staff', () => [{ name: 'congress', data: { action: 'board' }, list: (d) => d.list.items }]],
  ['提案工作台 (congress desk)', 'chair', () => [{ name: 'congress', data: { action: 'desk', sessionId: ids.session }, list: (d) => d.queues.flatMap((q: any) => q.items) }]],
  ['会员名册 (member directory)', 'committee', () => [
    { name: 'member', data: { action: 'departments' } },
    { name: 'member', data: { action: 'directory', page: 1 }, list: items },
  ]],
  ['会员名册, next page (member directory)', 'committee', () => [{ name: 'member', data: { action: 'directory', page: 2 }, list: items }]],
  ['入会审核 (member queue) as the chair', 'chair', () => [
    { name: 'member', data: { action: 'queue', page: 1 }, list: items },
    { name: 'member', data: { action: 'changeRequests', page: 1 } },
  ]],
  ['操作日志 (member audit)', 'chair', () => [{ name: 'member', data: { action: 'auditLog', page: 1 }, list: items }]],
  ['公告管理 (notice manage)', 'committee', () => [{ name: 'notice', data: { action: 'manageList', state: 'draft', page: 1 }, list: items }]],
  ['已读统计 (notice readers)', 'chair', () => [{ name: 'notice', data: { action: 'readers', id: ids.notice, page: 1 }, list: (d) => d.unread.items }]],
  ['异议 (notice objections, one notice)', 'chair', () => [{ name: 'notice', data: { action: 'objections', id: ids.objected, page: 1 }, list: items }]],
  ['待答复异议 (notice objections, pending)', 'chair', () => [{ name: 'notice', data: { action: 'pendingObjections', page: 1 }, list: items }]],
  ['处理意见 (opinion inbox)', 'chair', () => [{ name: 'opinion', data: { action: 'inbox', filter: 'open', page: 1 }, list: items }]],
  ['我的意见 (opinion mine)', 'staff', () => [{ name: 'opinion', data: { action: 'mine', page: 1 }, list: items }]],
  ['工会日历 (plan calendar)', 'staff', () => [{ name: 'plan', data: { action: 'calendar', month }, list: (d) => d.entries }]],
  ['会议记录 (plan meetings)', 'committee', () => [{ name: 'plan', data: { action: 'meetings', year, page: 1 }, list: items }]],
  ['投票 (poll list)', 'staff', () => [{ name: 'poll', data: { action: 'list', page: 1 }, list: items }]],
  ['投票管理 (poll manage)', 'committee', () => [{ name: 'poll', data: { action: 'manageList', page: 1 }, list: items }]],
  ['未投票 (poll voters)', 'chair', () => [{ name: 'poll', data: { action: 'nonVoters', id: ids.poll, page: 1 }, list: items }]],
  ['慰问台账 (welfare list + summary)', 'committee', () => [
    { name: 'welfare', data: { action: 'list', year, page: 1 }, list: items },
    { name: 'welfare', data: { action: 'summary', year } },
  ]],
  ['慰问计划 (welfare plans)', 'committee', () => [{ name: 'welfare', data: { action: 'plans', page: 1 }, list: items }]],
  ['慰问待办 (welfare todo)', 'committee', () => [{ name: 'welfare', data: { action: 'todo' } }]],
]

/**
 * Pages still over 3, held at today's figure so they cannot get worse: the figure, and why (the fix is
 * outside the read-only query code; see docs/local-cloud.md).
 * Lower the figure, or drop the line, when a fix lands.
 */
const OVER: Record<string, [requests: number, why: string]> = {
  '我的 tab (me) as a committee member: 工作台 + 慰问待办': [26, 'three calls; the desk counts in 8 domains (17), welfare.todo reads 6 sources'],
  '会员名册 (member directory)': [5, 'two calls (departments, directory)'],
  '入会审核 (member queue) as the chair': [9, 'two calls; the queue reads roster rows and staff-number claims for its hints'],
  '慰问台账 (welfare list + summary)': [8, 'two calls; the summary is 3 $groups and a count'],
  '慰问计划 (welfare plans)': [5, 'the caller, an abandoned-plan check, the page and its count, then one $group for every plan\'s progress (was 2 counts per plan)'],
  '慰问待办 (welfare todo)': [7, 'six sources (birthdays, follow-ups, plans and their visits)'],
}
const cases = pages.map(([page, who, calls]) => [page, who, OVER[page]?.[0] ?? 3, calls] as const)

describe('database requests when a list page opens', () => {
  it.each(cases)('%s (as %s): every answer ok, the list not empty, at most %i requests', async (page, who, limit, calls) => {
    let total = 0
    const parts: string[] = []
    for (const call of calls()) {
      const { result, dbRequests } = await counted(env, who, call.name, call.data)
      expect({ call: `${call.name}.${String(call.data.action)}`, ok: result?.ok, code: result?.code }).toMatchObject({ ok: true })
      if (call.list) expect(call.list(result.data).length).toBeGreaterThan(0)
      parts.push(`${call.name}.${String(call.data.action)} ${dbRequests}`)
      total += dbRequests
    }
    if (process.env.LIST_RT_VERBOSE) console.log(`${page}: ${total} = ${parts.join(' + ')}`)
    expect({ page, requests: total, parts }).toEqual({ page, requests: Math.min(total, limit), parts })
  })

  it('holds back only pages that are over 3', () => {
    for (const [page, [requests]] of Object.entries(OVER)) {
      expect(pages.map(([p]) => p)).toContain(page)
      expect(requests).toBeGreaterThan(3)
    }
  })
})

describe('the lists made cheaper answer as before', () => {
  it('投票: each poll whose roster holds the member, latest opening first, with its dates and the member\'s voted flag', async () => {
    const me = (await db.collection('members').where({ openid: persona('staff').openid }).get()).data[0]
    const electors = (await db.collection('poll_electors').where({ memberId: me._id }).orderBy('openedAt', 'desc').orderBy('_id', 'asc').get()).data
    const polls = new Map<string, any>((await db.collection('polls').where({ _id: db.command.in(electors.map((e: any) => e.pollId)) }).get()).data.map((p: any) => [p._id, p]))
    const answer = await dataOf(env, 'staff', 'poll', { action: 'list', page: 1 })
    expect(answer.total).toBe(electors.length)
    expect(answer.items.map((i: any) => [i.id, i.voted, i.closesAt, i.rosterSize])).toEqual(
      electors.map((e: any) => [e.pollId, e.voted, new Date(polls.get(e.pollId).closesAt).toISOString(), polls.get(e.pollId).rosterSize ?? 0]))
  })

  it('教代会 sessions: each with its count of active 代表 (guests and removed ones not counted)', async () => {
    const delegates = (await db.collection('congress_delegates').limit(1000).get()).data
    const answer = await dataOf(env, 'staff', 'congress', { action: 'sessions' })
    expect(answer.items.length).toBeGreaterThan(0)
    for (const s of answer.items) expect(s.delegates).toBe(delegates.filter((d: any) => d.sessionId === s.id && d.state === 'active').length)
    expect(answer.items.some((s: any) => s.delegates > 0)).toBe(true)
  })

  it('工作台: the counts made by one $group each equal separate counts of the stored documents', async () => {
    const _ = db.command
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const count = async (collection: string, where: object) => (await db.collection(collection).where(where).count()).total
    const released = { visibleOn: _.lte(today) }
    const committee = (await db.collection('members').where({ openid: persona('committee').openid }).get()).data[0]
    const desk = async (who: PersonaKey) => new Map<string, any>((await dataOf(env, who, 'member', { action: 'desk' })).items.map((i: any) => [i.key, i]))
    const [chair, member] = await Promise.all([desk('chair'), desk('committee')])
    const expected = {
      chair: {
        'opinion.pending': await count('opinions', { state: 'pending', ...released }),
        'opinion.overdue': await count('opinions', { state: _.in(['pending', 'processing']), dueOn: _.lt(today), ...released }),
        'congress.review': await count('congress_proposals', { state: 'submitted' }),
        'congress.answers': await count('congress_proposals', { state: 'answered' }),
        'congress.overdue': await count('congress_proposals', { state: 'assigned', dueDate: _.lt(today) }),
        'congress.ratingDue': await count('congress_proposals', { state: 'rating', ratingDue: _.lt(today) }),
        'member.queue': await count('members', { membership: 'pending' }),
      },
      committee: {
        'opinion.assigned': await count('opinions', { state: 'processing', assigneeId: committee._id, ...released }),
        'opinion.overdue': await count('opinions', { state: _.in(['pending', 'processing']), dueOn: _.lt(today), assigneeId: committee._id, ...released }),
      },
    }
    expect(Object.fromEntries(Object.keys(expected.chair).map((k) => [k, chair.get(k)?.count]))).toEqual(expected.chair)
    expect(Object.fromEntries(Object.keys(expected.committee).map((k) => [k, member.get(k)?.count]))).toEqual(expected.committee)
    expect(Object.values(expected.chair).some((n) => n > 0)).toBe(true)
    expect(chair.get('congress.review').urgent).toBe(await count('congress_proposals', { state: 'submitted', reviewDue: _.lt(today) }) > 0)
    expect(chair.get('member.queue').urgent).toBe(await count('members', { membership: 'pending', createdAt: _.lt(new Date(Date.now() - 7 * 86400_000)) }) > 0)
  })
})

describe('教代会 pages in one call answer as the stored documents say', () => {
  const PRE_SUBMIT = ['draft', 'returned']
  const rowOrder = (a: any, b: any) => (a.number ?? 1e9) - (b.number ?? 1e9) || +new Date(b.createdAt) - +new Date(a.createdAt)
  const stored = async (collection: string, where: object) => (await db.collection(collection).where(where).limit(1000).get()).data as any[]
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

  /** The session as its documents say, for the caller `who` (member id), independent of the function's code. */
  async function expectedSession(sessionId: string, who: string) {
    const [s] = await stored('congress_sessions', { _id: sessionId })
    const delegates = await stored('congress_delegates', { sessionId })
    const ps = await stored('congress_proposals', { sessionId })
    const members = await stored('members', { _id: db.command.in(s.committeeIds) })
    const notices = s.documentIds?.length ? await stored('notices', { _id: db.command.in(s.documentIds), state: 'published' }) : []
    const submitted = ps.filter((p) => !PRE_SUBMIT.includes(p.state))
    const decided = submitted.filter((p) => p.state !== 'submitted')
    const answered = submitted.filter((p) => p.answers.length > 0)
    const rated = ps.filter((p) => p.ratingCounts)
    const sum = (f: (c: any) => number) => rated.reduce((n, p) => n + f(p.ratingCounts), 0)
    const mine = delegates.find((d) => d.memberId === who)
    return {
      session: {
        id: s._id, title: s.title, revision: s.revision, agenda: s.agenda,
        delegates: delegates.filter((d) => d.state === 'active').length, guests: delegates.filter((d) => d.state === 'guest').length,
        committee: s.committeeIds.map((id: string) => ({ memberId: id, name: members.find((m) => m._id === id)?.name ?? '（已离开）' })),
        documents: (s.documentIds ?? []).filter((id: string) => notices.some((n) => n._id === id)).map((id: string) => ({ noticeId: id, title: notices.find((n) => n._id === id).title })),
        me: expect.objectContaining({ delegate: mine?.state === 'active', guest: mine?.state === 'guest', handler: ps.some((p) => p.state === 'assigned' && (p.handlerId === who || (p.coHandlers ?? []).some((c: any) => c.memberId === who))) }),
        figures: expect.objectContaining({
          submitted: submitted.length, decided: decided.length, accepted: decided.filter((p) => p.state !== 'suggestion').length,
          suggestions: decided.filter((p) => p.state === 'suggestion').length, answered: answered.length, answeredOnTime: answered.filter((p) => p.answers[0].onTime).length,
          closed: submitted.filter((p) => p.state === 'closed').length, ratingsGood: sum((c) => c.satisfied + c.basic), ratingsTotal: sum((c) => c.satisfied + c.basic + c.unsatisfied),
          ratingsMissing: sum((c) => c.unrated ?? 0),
          overdue: submitted.filter((p) => (p.state === 'assigned' && p.dueDate && p.dueDate < today()) || (p.state === 'submitted' && p.reviewDue && p.reviewDue < today())).length,
        }),
      },
      proposals: ps,
    }
  }

  const memberOf = async (who: PersonaKey) => (await stored('members', { openid: persona(who).openid }))[0]

  it('教代会提案: the latest session, its figures and the caller\'s part, and each filter\'s first page as `list` answers it', async () => {
    // a 会议文件 the chair lists, so the bundle's notices lookup is read too
    const s = (await dataOf(env, 'chair', 'congress', { action: 'session', sessionId: ids.session }))
    await dataOf(env, 'chair', 'congress', { action: 'setDocuments', sessionId: ids.session, revision: s.revision, noticeIds: [ids.notice] })
    const latest = (await db.collection('congress_sessions').orderBy('meetingDate', 'desc').limit(1).get()).data[0]
    const staff = await memberOf('staff')
    const want = await expectedSession(latest._id, staff._id)
    const answer = await dataOf(env, 'staff', 'congress', { action: 'board' })
    expect(answer.session).toMatchObject(want.session)
    expect(answer.session.documents.length).toBe(1)
    expect(answer.session.me.delegate).toBe(true)
    const invited = new Set((await stored('congress_invites', { sessionId: latest._id, memberId: staff._id })).map((i) => i.proposalId))
    const seen = want.proposals.filter((p) => !PRE_SUBMIT.includes(p.state) || p.proposerId === staff._id || invited.has(p._id)).sort(rowOrder)
    expect(answer.list.total).toBe(seen.length)
    expect(answer.list.items.map((i: any) => i.id)).toEqual(seen.slice(0, 20).map((p) => p._id))
    expect(seen.some((p) => p.state === 'draft')).toBe(true)
    for (const filter of [{}, { mine: true }, { state: 'assigned' }, { state: 'closed' }, { state: 'rating' }, { state: 'draft' }]) {
      const [one, list] = await Promise.all([
        dataOf(env, 'staff', 'congress', { action: 'board', sessionId: latest._id, ...filter }),
        dataOf(env, 'staff', 'congress', { action: 'list', sessionId: latest._id, page: 1, ...filter }),
      ])
      expect({ filter, list: one.list }).toEqual({ filter, list })
    }
    const closed = (await dataOf(env, 'staff', 'congress', { action: 'board', state: 'closed' })).list.items
    expect(closed.length).toBeGreaterThan(0)
    expect(closed.every((i: any) => i.answerClass && i.finalRating)).toBe(true)
  })

  it('提案工作台: each queue\'s first page and total, the quorum as `attendance` counts it; members outside the committee are refused', async () => {
    const delegates = (await stored('congress_delegates', { sessionId: ids.session, state: 'active' })).slice(0, 2)
    await dataOf(env, 'chair', 'congress', { action: 'checkin', sessionId: ids.session, memberIds: delegates.map((d) => d.memberId) })
    const chair = await memberOf('chair')
    const want = await expectedSession(ids.session, chair._id)
    const answer = await dataOf(env, 'chair', 'congress', { action: 'desk', sessionId: ids.session })
    expect(answer.session).toMatchObject(want.session)
    expect(answer.session.me).toMatchObject({ committee: true, chair: true })
    expect(answer.queues.map((q: any) => q.state)).toEqual(['submitted', 'accepted', 'answered', 'assigned', 'rating'])
    for (const q of answer.queues) {
      const inState = want.proposals.filter((p) => p.state === q.state).sort(rowOrder)
      expect({ state: q.state, total: q.total, ids: q.items.map((i: any) => i.id) }).toEqual({ state: q.state, total: inState.length, ids: inState.slice(0, 20).map((p) => p._id) })
      expect(q.items).toEqual((await dataOf(env, 'chair', 'congress', { action: 'list', sessionId: ids.session, page: 1, state: q.state })).items)
    }
    expect(answer.queues.every((q: any) => q.total > 0)).toBe(true)
    const signedIn = await stored('congress_attendance', { sessionId: ids.session })
    const active = await stored('congress_delegates', { sessionId: ids.session, state: 'active' })
    const present = active.filter((d) => signedIn.some((a) => a.memberId === d.memberId)).length
    expect(present).toBeGreaterThanOrEqual(2)
    expect(answer.attendance).toEqual({ present, delegates: active.length, quorum: Math.ceil((active.length * 2) / 3), reached: present * 3 >= active.length * 2 })
    const { items: _items, ...quorum } = await dataOf(env, 'chair', 'congress', { action: 'attendance', sessionId: ids.session })
    expect(answer.attendance).toEqual(quorum)
    const { result } = await counted(env, 'staff', 'congress', { action: 'desk', sessionId: ids.session })
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有提案工作委员会委员和主席可以使用提案工作台' })
  })
})

describe('the lists made cheaper answer as before: 已读统计, 未投票, 工会日历', () => {

  it('已读统计: read + unread = the approved members, the unread page by name, as the stored reads say', async () => {
    // Two more readers through the app, so the notice has reads as well as unread members.
    await dataOf(env, 'staff', 'notice', { action: 'get', id: ids.notice })
    await dataOf(env, 'retiree', 'notice', { action: 'get', id: ids.notice })
    const members = (await db.collection('members').where({ membership: 'approved' }).orderBy('name', 'asc').limit(1000).get()).data
    const reads = new Set((await db.collection('notice_reads').where({ noticeId: ids.notice }).limit(1000).get()).data.map((r: any) => r.memberId))
    const unread = members.filter((m: any) => !reads.has(m._id))
    const notice = (await db.collection('notices').doc(ids.notice).get()).data
    const answer = await dataOf(env, 'chair', 'notice', { action: 'readers', id: ids.notice, page: 1 })
    expect({ ...answer, unread: { ...answer.unread, items: answer.unread.items.map((m: any) => m.name) } }).toEqual({
      readCount: members.length - unread.length, unreadCount: unread.length, memberCount: members.length,
      unread: { items: unread.slice(0, 20).map((m: any) => m.name), page: 1, total: unread.length },
      ...(notice.lastRemindedAt ? { lastRemindedAt: new Date(notice.lastRemindedAt).toISOString() } : {}),
    })
    const pairs = new Set(unread.map((m: any) => `${m.name}|${m.department}`))
    for (const m of answer.unread.items) expect(pairs.has(`${m.name}|${m.department}`)).toBe(true)
    expect(answer.readCount).toBeGreaterThan(1)
    expect(answer.unreadCount).toBeGreaterThan(20)
    // A draft has no statistics; an unknown notice is not found — as before.
    const draft = (await db.collection('notices').where({ state: 'draft' }).limit(1).get()).data[0]
    expect((await counted(env, 'chair', 'notice', { action: 'readers', id: draft._id, page: 1 })).result).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await counted(env, 'chair', 'notice', { action: 'readers', id: 'f'.repeat(32), page: 1 })).result).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('未投票: the electors without a receipt by name, with their total, and nothing about who voted', async () => {
    const electors = (await db.collection('poll_electors').where({ pollId: ids.poll, voted: false }).orderBy('name', 'asc').orderBy('_id', 'asc').limit(1000).get()).data
    const voted = (await db.collection('poll_electors').where({ pollId: ids.poll, voted: true }).count()).total
    for (const page of [1, 2]) {
      const answer = await dataOf(env, 'chair', 'poll', { action: 'nonVoters', id: ids.poll, page })
      expect(answer).toEqual({
        items: electors.slice((page - 1) * 20, page * 20).map((e: any) => ({ memberId: e.memberId, name: e.name, department: e.department })),
        page, total: electors.length,
      })
    }
    expect(electors.length).toBeGreaterThan(0)
    expect(voted).toBeGreaterThan(0)
    // A draft has no roster yet; an unknown poll is not found — as before.
    const draft = (await db.collection('polls').where({ state: 'draft' }).limit(1).get()).data[0]
    if (draft) expect((await counted(env, 'chair', 'poll', { action: 'nonVoters', id: draft._id, page: 1 })).result).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await counted(env, 'chair', 'poll', { action: 'nonVoters', id: 'f'.repeat(32), page: 1 })).result).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('工会日历: each source\'s entries of the month as the stored documents say, for a member and for the committee', async () => {
    const _ = db.command
    const { shanghaiDate, startOfShanghaiDay } = await import('../../cloudfunctions/_shared/time')
    const { itemView } = await import('../../cloudfunctions/plan/status')
    const { activityStatus } = await import('../../cloudfunctions/plan/linked-activities')
    const { noticeStatus } = await import('../../cloudfunctions/plan/linked-notices')
    const { collectionStatus } = await import('../../cloudfunctions/plan/linked-congress')
    const { welfarePlanStatus } = await import('../../cloudfunctions/plan/linked-welfare')
    const { pollStatus } = await import('../../cloudfunctions/plan/linked-polls')
    // Public items of this month through the app: one linked to a notice, one to a poll, one with a day and no link.
    const committeeId = (await dataOf(env, 'committee', 'member', { action: 'me' })).member.id
    const m = Number(month.slice(5, 7))
    const add = (over: Record<string, unknown>) => dataOf(env, 'committee', 'plan', { action: 'addItem', requestId: `rt${Date.now()}${Math.floor(Math.random() * 1e6)}`, year, month: m, category: '其他', ownerId: committeeId, public: true, ...over })
    const link = async (over: Record<string, unknown>, kind: string, id: string) => {
      const made = await add(over)
      await dataOf(env, 'committee', 'plan', { action: 'linkItem', id: made.id, revision: made.revision, link: { kind, id } })
    }
    await link({ title: '公告事项' }, 'notice', ids.notice)
    await link({ title: '投票事项' }, 'poll', ids.poll)
    await add({ title: '有日期的事项', date: `${month}-15` })
    // The committee's own sources: a meeting of this month (an item follows it) and a 回访 due this month, where the month allows.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const meeting = await dataOf(env, 'committee', 'plan', { action: 'recordMeeting', requestId: `rt${Date.now()}m`, type: '工会委员会议', date: today, place: '会议室', attendeeIds: [committeeId], agenda: ['日历'], minutes: '' })
    await link({ title: '会议事项' }, 'meeting', meeting.id)
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10)
    if (tomorrow.startsWith(month)) {
      const patient = (await dataOf(env, 'retiree', 'member', { action: 'me' })).member.id
      await dataOf(env, 'committee', 'welfare', { action: 'record', requestId: `rt${Date.now()}v`, recipient: { kind: 'member', memberId: patient }, reason: '生病住院', visitDate: today, cashYuan: '300', fund: '工会经费', followUpDays: 1 })
    }

    const from = startOfShanghaiDay(`${month}-01`)
    const next = new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7)
    const to = startOfShanghaiDay(`${next}-01`)
    const [first, last] = [`${month}-01`, `${month}-31`]
    const all = async (collection: string, where: object) => (await db.collection(collection).where(where).limit(1000).get()).data
    const expected = async (full: boolean) => {
      const acts = (await all('activities', { state: _.in(['published', 'finished']), startAt: _.gte(from).and(_.lt(to)) }))
        .sort((a: any, b: any) => +new Date(a.startAt) - +new Date(b.startAt))
      const ends = (await all('notices', { state: 'published', publicityEnd: _.gte(from).and(_.lt(to)) }))
        .sort((a: any, b: any) => +new Date(a.publicityEnd) - +new Date(b.publicityEnd))
      const inMonth = (d: string) => d >= first && d <= last
      const sessions = (await all('congress_sessions', {})).filter((s: any) => inMonth(s.meetingDate) || inMonth(s.collectFrom) || inMonth(s.collectTo))
      const items = (await all('plan_items', { year, month: m, state: 'active', ...(full ? {} : { public: true }) })).sort((a: any, b: any) => (a._id < b._id ? -1 : 1))
      const linked = new Map<string, any>()
      for (const i of items.filter((x: any) => x.link)) {
        const { kind, id } = i.link
        const source = { activity: 'activities', notice: 'notices', welfare: 'welfare_plans', poll: 'polls', meeting: 'plan_meetings', congress: 'congress_sessions' }[kind as string]!
        const d = (await all(source, { _id: id }))[0]
        if (!d) continue
        const now = new Date()
        const status = { activity: () => activityStatus(d, now), notice: () => noticeStatus(d, now), welfare: () => welfarePlanStatus(d), poll: () => pollStatus(d),
          meeting: () => ({ id: d._id, title: `${d.date} ${d.type}`, when: d.date, status: 'done' }), congress: () => collectionStatus(d, now) }[kind as string]!
        linked.set(`${kind}:${id}`, status())
      }
      const views = items.map((i: any) => itemView(i, linked, new Date()))
        .sort((a: any, b: any) => a.month - b.month || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title, 'zh'))
      const meetings = full ? (await all('plan_meetings', { year, date: _.gte(first).and(_.lte(last)) })).sort((a: any, b: any) => (a._id < b._id ? -1 : 1)) : []
      const birthdays = full ? (await all('members', { membership: 'approved', birthday: _.gte(`${month.slice(5)}-01`).and(_.lte(`${month.slice(5)}-31`)) }))
        .sort((a: any, b: any) => (a.birthday < b.birthday ? -1 : a.birthday > b.birthday ? 1 : 0)) : []
      const followUps = full ? (await all('welfare_visits', { reason: '生病住院', state: 'done', followUpOn: _.gte(first).and(_.lte(last)), followedUpBy: _.exists(false) }))
        .sort((a: any, b: any) => (a._id < b._id ? -1 : 1)) : []
      const entries = [
        ...acts.map((a: any) => ({ date: shanghaiDate(new Date(a.startAt)), kind: 'activity', title: a.title, url: `/packages/activity/pages/detail/index?id=${a._id}` })),
        ...ends.map((n: any) => ({ date: shanghaiDate(new Date(n.publicityEnd)), kind: 'publicityEnd', title: `公示期满：${n.title}`, url: `/packages/notice/pages/detail/index?id=${n._id}` })),
        ...sessions.flatMap((s: any) => [
          ...(inMonth(s.collectFrom) ? [{ date: s.collectFrom, kind: 'congress', title: `提案征集开始：${s.title}`, url: '/packages/congress/pages/board/index' }] : []),
          ...(inMonth(s.collectTo) ? [{ date: s.collectTo, kind: 'congress', title: `提案征集截止：${s.title}`, url: '/packages/congress/pages/board/index' }] : []),
          ...(inMonth(s.meetingDate) ? [{ date: s.meetingDate, kind: 'congress', title: s.title, url: '/packages/congress/pages/board/index' }] : []),
        ]),
        ...views.map((i: any) => ({ ...(i.date ? { date: i.date } : {}), kind: 'item', title: i.title, status: i.status })),
        ...meetings.map((x: any) => ({ date: x.date, kind: 'meeting', title: x.type, url: `/packages/plan/pages/meeting/index?id=${x._id}` })),
        ...birthdays.map((b: any) => ({ date: `${year}-${b.birthday}`, kind: 'birthday', title: `${b.name} 生日` })),
        ...followUps.map((f: any) => ({ date: f.followUpOn, kind: 'followUp', title: `回访：${f.recipient.name}`, url: '/packages/welfare/pages/todo/index' })),
      ]
      return { month, full, entries: entries.sort((a: any, b: any) => (a.date ?? '').localeCompare(b.date ?? '')) }
    }
    const staff = await dataOf(env, 'staff', 'plan', { action: 'calendar', month })
    expect(staff).toEqual(await expected(false))
    const committee = await dataOf(env, 'committee', 'plan', { action: 'calendar', month })
    expect(committee).toEqual(await expected(true))
    const kinds = (c: any) => new Set(c.entries.map((e: any) => e.kind))
    expect([...kinds(staff)].sort()).toEqual(expect.arrayContaining(['activity', 'item']))
    expect(staff.entries.filter((e: any) => e.kind === 'item').map((e: any) => e.title)).toEqual(expect.arrayContaining(['公告事项', '投票事项', '有日期的事项']))
    expect(committee.entries.length).toBeGreaterThan(staff.entries.length)
    expect([...kinds(committee)]).toEqual(expect.arrayContaining(['meeting', ...(tomorrow.startsWith(month) ? ['followUp'] : [])]))
    expect(committee.entries).toContainEqual(expect.objectContaining({ kind: 'item', title: '会议事项', status: 'done' }))
  })
})
