/**
 * Round trips (#18): every list page answers in at most 3 database requests. In production each
 * request a function sends is a network round trip; the local cloud counts them per invocation
 * (`usage.dbRequests` of /local/invoke). A page that makes several calls when it opens costs their
 * sum. Who the caller is (`member.me`) is counted only on 我的, whose own data it is: 我的 asks it
 * as part of `member.home` and the other pages share that answer (src/hooks/useMe.ts).
 *
 * Each case is one page, opened by the persona who uses it, on the demo data plus the records made
 * below where a list would otherwise be empty; every answer must be ok, and the page's list must
 * not be empty, so a count met by answering less fails.
 */
import { persona, type PersonaKey } from '../../emulator/seed/personas'
import { invokeCounted, seededEnv, type Counted } from './helpers'
import { listPages, PAGE_REQUEST_GOAL, preparePages } from './list-pages'

jest.setTimeout(180_000)

/** Calls `name` as `who` through /local/invoke, with the number of database requests it sent. */
const counted = (env: string, who: PersonaKey, name: string, data: Record<string, unknown>): Promise<Counted> => invokeCounted(env, persona(who).openid, name, data)

/** The answer's data, or a thrown error naming the refused call. */
async function dataOf(env: string, who: PersonaKey, name: string, data: Record<string, unknown>): Promise<any> {
  const { result } = await counted(env, who, name, data)
  if (!result?.ok) throw new Error(`${name}.${String(data.action)} as ${who}: ${result?.code} ${result?.message}`)
  return result.data
}

let env: string
let db: any
const ids: Record<string, string> = {}
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
const year = Number(month.slice(0, 4))

beforeAll(async () => {
  ({ env, db } = await seededEnv('list-rt'))
  await preparePages((who, name, data) => dataOf(env, who, name, data), ids)
}, 120_000)

const pages = listPages(ids, month)

const LIMIT = PAGE_REQUEST_GOAL

describe('database requests when a list page opens', () => {
  it.each(pages)(`%s (as %s): every answer ok, the list not empty, at most ${LIMIT} requests`, async (page, who, calls) => {
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
    expect({ page, requests: total, parts }).toEqual({ page, requests: Math.min(total, LIMIT), parts })
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

describe('我的 in one call (member.home): the answer each part gave before', () => {
  const _ = () => db.command
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10)
  const all = async (collection: string, where: object, order: Array<[string, 'asc' | 'desc']> = []) => {
    let q = db.collection(collection).where(where)
    for (const [f, d] of order) q = q.orderBy(f, d)
    return (await q.limit(1000).get()).data as any[]
  }

  /** The 待办 read the way welfare.todo read it before (one query per source), from the stored documents. */
  async function todoFromDocuments(): Promise<any> {
    const c = _()
    const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7
    const weekDays = Array.from({ length: 7 }, (_x, i) => addDays(today, i - dow))
    const monthDays = Array.from({ length: 31 }, (_x, i) => addDays(`${today.slice(0, 7)}-01`, i)).filter((d) => d.slice(0, 7) === today.slice(0, 7))
    const people = async (days: string[]) => (await all('members', { membership: 'approved', birthday: c.in(days.map((d) => d.slice(5))) }, [['_id', 'asc']]))
      .sort((a, b) => days.findIndex((d) => d.slice(5) === a.birthday) - days.findIndex((d) => d.slice(5) === b.birthday))
    const [week, month] = await Promise.all([people(weekDays), people(monthDays)])
    const year = today.slice(0, 4)
    const birthdayVisits = await all('welfare_visits', { reason: '生日', visitDate: c.gte(`${year}-01-01`).and(c.lte(`${year}-12-31`)), state: c.neq('cancelled') })
    const visited = new Set(birthdayVisits.map((v) => v.recipient.memberId))
    const birthday = (m: any) => ({ id: m._id, name: m.name, department: m.department, status: m.status, birthday: m.birthday, visited: visited.has(m._id) })
    const due = await all('welfare_visits', { reason: '生病住院', state: 'done', followUpOn: c.gte(addDays(today, -30)).and(c.lte(addDays(today, 3))), followedUpBy: c.exists(false) }, [['followUpOn', 'asc'], ['_id', 'asc']])
    const plans = []
    for (const p of await all('welfare_plans', { state: 'active' }, [['createdAt', 'desc'], ['_id', 'asc']])) {
      const remaining = (await db.collection('welfare_visits').where({ planId: p._id, state: 'planned' }).count()).total
      if (remaining > 0) plans.push({ id: p._id, title: p.title, plannedDate: p.plannedDate, remaining, total: p.total })
    }
    const birthdaysWeek = week.map(birthday)
    return {
      today, birthdaysWeek, birthdaysMonth: month.map(birthday),
      followUps: due.map((v) => ({ visitId: v._id, name: v.recipient.name, visitDate: v.visitDate, dueOn: v.followUpOn })),
      plans, count: birthdaysWeek.filter((b) => !b.visited).length + due.length + plans.length,
    }
  }

  /** The 工作台 as each domain's own desk.ts counts it (run here, one query per count), the member and 慰问 lines from the documents. */
  async function deskFromDomains(who: PersonaKey, todo: any): Promise<any[]> {
    const c = _()
    const { createContext } = await import('../../cloudfunctions/_shared/context')
    const ctx = await createContext({ openid: persona(who).openid, now: new Date(), db })
    const count = async (collection: string, where: object) => (await db.collection(collection).where(where).count()).total
    const member = [
      { key: 'member.queue', title: '入会审核', count: await count('members', { membership: 'pending' }), url: '/packages/member/pages/queue/index',
        urgent: await count('members', { membership: 'pending', createdAt: c.lt(new Date(Date.now() - 7 * 86400_000)) }) > 0 },
      ...(who === 'chair' ? [{ key: 'member.changes', title: '资料变更申请', count: await count('member_changes', { state: 'pending' }), url: '/packages/member/pages/queue/index?tab=changes', urgent: false }] : []),
    ]
    const visitsDue = (to: string) => count('welfare_visits', { reason: '生病住院', state: 'done', followUpOn: c.gte(addDays(today, -30)).and(c.lte(to)), followedUpBy: c.exists(false) })
    const active = (await all('welfare_plans', { state: 'active' })).map((p) => p._id)
    const welfare = [
      { key: 'welfare.todo', title: '慰问待办', count: await count('members', { membership: 'approved', birthday: today.slice(5) }) + await visitsDue(today),
        url: '/packages/welfare/pages/todo/index', urgent: await visitsDue(addDays(today, -1)) > 0 },
      { key: 'welfare.plans', title: '节日计划未走访', count: active.length ? await count('welfare_visits', { planId: c.in(active), state: 'planned' }) : 0, url: '/packages/welfare/pages/todo/index', urgent: false },
    ]
    expect(todo).toBeTruthy()
    const domain = async (name: string) => (await import(`../../cloudfunctions/${name}/desk`)).deskItems(ctx)
    return [
      ...member, ...await domain('notice'), ...await domain('opinion'), ...await domain('activity'), ...await domain('poll'),
      ...welfare, ...await domain('plan'), ...await domain('congress'),
    ]
  }

  beforeAll(async () => {
    // The seed's birthdays fall on fixed days: two members made through the functions have theirs today
    // and later this month, and one of them is visited for it (the 待办 marks them visited).
    const { joinThroughApproval } = await import('./member-support')
    const { rid } = await import('./welfare-support')
    const lastOfMonth = addDays(`${new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`) + 32 * 86400_000).toISOString().slice(0, 7)}-01`, -1)
    const born = await joinThroughApproval(env, '今天生日', { birthday: today.slice(5) })
    await joinThroughApproval(env, '月底生日', { birthday: lastOfMonth.slice(5) })
    const bornId = (await db.collection('members').where({ openid: born.openid }).get()).data[0]._id
    const visit = await dataOf(env, 'committee', 'welfare', { action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: bornId }, reason: '生日', visitDate: today, cashYuan: '200', fund: '工会经费' })
    expect(visit).toBeTruthy()
  })

  it.each(['committee', 'chair'] as const)('as %s: who I am as member.me says, the 工作台 as every domain counts it, the 待办 as the documents say', async (who) => {
    const home = await dataOf(env, who, 'member', { action: 'home' })
    const { desk, welfareTodo, ...me } = home
    expect(me).toEqual(await dataOf(env, who, 'member', { action: 'me' }))
    const todo = await todoFromDocuments()
    expect(welfareTodo).toEqual(todo)
    expect(todo.birthdaysWeek.some((b: any) => b.name === '今天生日' && b.visited)).toBe(true)
    expect(todo.birthdaysMonth.some((b: any) => b.name === '月底生日')).toBe(true)
    expect(todo.followUps.length).toBeGreaterThan(0)
    expect(todo.plans.length).toBeGreaterThan(0)
    expect(await dataOf(env, who, 'welfare', { action: 'todo' })).toEqual(todo)
    expect(desk).toEqual(await deskFromDomains(who, welfareTodo))
    expect((await dataOf(env, who, 'member', { action: 'desk' })).items).toEqual(desk)
    expect(desk.filter((i: any) => i.count > 0).length).toBeGreaterThan(5)
  })

  it('a member who is not on the committee gets member.me\'s answer, with no desk', async () => {
    expect(await dataOf(env, 'staff', 'member', { action: 'home' })).toEqual(await dataOf(env, 'staff', 'member', { action: 'me' }))
  })
})

describe('入会审核 in one call (member.queue withChanges)', () => {
  const hintOf = (m: any, rows: any[], held: Set<string>) => {
    if (!m.staffNo) return '未填写工号'
    if (held.has(`staffNo:${m.staffNo}`)) return `工号 ${m.staffNo} 已属于另一位会员，不能通过；请与申请人核实`
    const row = rows.find((r) => r.staffNo === m.staffNo)
    if (!row) return '名册中没有这个工号'
    return row.name === m.name ? undefined : `名册中工号 ${m.staffNo} 是"${row.name}"`
  }

  beforeAll(async () => {
    // An application whose staff number the roster does not know, one whose number the roster gives
    // another name (孙丽, on the seed's roster and not joined yet), and a change request.
    const { joinThroughApproval, newcomer, profile, requestId } = await import('./member-support')
    await callAsChecked(newcomer(), { action: 'apply', ...profile, name: '工号不明', staffNo: 'X404', requestId: requestId() })
    await callAsChecked(newcomer(), { action: 'apply', ...profile, name: '孙莉', staffNo: 'JG03002', requestId: requestId() })
    const m = await joinThroughApproval(env, '想改名字')
    await callAsChecked({ openid: m.openid }, { action: 'requestChange', name: '已改名字', reason: '户口本改名', requestId: requestId() })
  })

  async function callAsChecked(who: { openid: string }, data: Record<string, unknown>) {
    const { callAs } = await import('./helpers')
    const r = await callAs(env, who, 'member', data)
    expect({ action: data.action, ok: r.ok, message: r.message }).toEqual({ action: data.action, ok: true, message: undefined })
    return r.data
  }

  it('the page of applications with each one\'s roster hint, and the chair\'s first page of 资料变更申请, as the stored documents say', async () => {
    const _ = db.command
    const pending = (await db.collection('members').where({ membership: 'pending' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(20).get()).data
    const total = (await db.collection('members').where({ membership: 'pending' }).count()).total
    const numbers = [...new Set(pending.map((m: any) => m.staffNo).filter(Boolean))] as string[]
    const meta = (await db.collection('app_meta').where({ _id: 'roster' }).get()).data[0]
    const rows = meta ? (await db.collection('roster').where({ batchId: meta.activeBatch, staffNo: _.in(numbers) }).limit(100).get()).data : []
    const held = new Set<string>((await db.collection('member_claims').where({ _id: _.in(numbers.map((n) => `staffNo:${n}`)) }).limit(100).get()).data.map((c: any) => c._id))
    const changes = (await db.collection('member_changes').where({ state: 'pending' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(20).get()).data
    const changesTotal = (await db.collection('member_changes').where({ state: 'pending' }).count()).total

    const answer = await dataOf(env, 'chair', 'member', { action: 'queue', page: 1, withChanges: true })
    expect(answer.total).toBe(total)
    expect(answer.items).toEqual(pending.map((m: any) => ({
      id: m._id, name: m.name, department: m.department, status: m.status, ...(m.staffNo ? { staffNo: m.staffNo } : {}), appliedAt: new Date(m.createdAt).toISOString(),
      ...(hintOf(m, rows, held) ? { hint: hintOf(m, rows, held) } : {}),
    })))
    const hints = answer.items.map((i: any) => i.hint)
    expect(hints).toEqual(expect.arrayContaining(['名册中没有这个工号', '名册中工号 JG03002 是"孙丽"']))
    expect(answer.changes).toEqual({
      page: 1, total: changesTotal,
      items: changes.map((c: any) => ({ id: c._id, memberId: c.memberId, memberName: c.memberName, department: c.department, current: c.current, changes: c.changes, reason: c.reason, createdAt: new Date(c.createdAt).toISOString() })),
    })
    expect(answer.changes.items.some((c: any) => c.changes.name === '已改名字')).toBe(true)
    // The committee gets the queue alone, whatever it asks; later pages are the queue's own.
    expect((await dataOf(env, 'committee', 'member', { action: 'queue', page: 1, withChanges: true })).changes).toBeUndefined()
    expect(await dataOf(env, 'chair', 'member', { action: 'changeRequests', page: 1 })).toEqual(answer.changes)
  })
})

describe('慰问台账 in one call (welfare.list withSummary)', () => {
  it.each([['the year', {}], ['one reason', { reason: '节日慰问' }]])('%s: the first page latest first and the totals by reason, month and fund, as the stored visits say', async (_k, narrow) => {
    const _ = db.command
    const where: Record<string, unknown> = { visitDate: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)), ...narrow }
    const stored = (await db.collection('welfare_visits').where(where).orderBy('visitDate', 'desc').orderBy('_id', 'asc').limit(1000).get()).data as any[]
    const answer = await dataOf(env, 'committee', 'welfare', { action: 'list', year, page: 1, withSummary: true, ...narrow })
    expect(answer.total).toBe(stored.length)
    expect(answer.items.map((i: any) => i.id)).toEqual(stored.slice(0, 20).map((v) => v._id))
    const done = stored.filter((v) => v.state === 'done')
    const row = (key: string, vs: any[]) => {
      const cashFen = vs.reduce((n, v) => n + v.cashFen, 0)
      const giftFen = vs.reduce((n, v) => n + v.giftFen, 0)
      return { key, count: vs.length, cashFen, giftFen, totalFen: cashFen + giftFen }
    }
    const { welfareReasons, welfareFunds } = await import('../../types/welfare')
    const months = Array.from({ length: 12 }, (_v, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    const all = row('', done)
    expect(answer.summary).toEqual({
      year, allYears: false, count: all.count, cashFen: all.cashFen, giftFen: all.giftFen, totalFen: all.totalFen,
      plannedCount: stored.filter((v) => v.state === 'planned').length,
      byReason: welfareReasons.map((r) => row(r, done.filter((v) => v.reason === r))),
      byMonth: months.map((m) => row(m, done.filter((v) => v.visitDate.slice(0, 7) === m))),
      byFund: welfareFunds.map((f) => row(f, done.filter((v) => v.fund === f))),
    })
    expect(all.count).toBeGreaterThan(0)
    // The same answer as the two calls the page made before.
    const { summary, ...page } = answer
    expect(summary).toEqual(await dataOf(env, 'committee', 'welfare', { action: 'summary', year, ...narrow }))
    expect(page).toEqual(await dataOf(env, 'committee', 'welfare', { action: 'list', year, page: 1, ...narrow }))
  })
})

describe('会员名册 in one call (member.directory withDepartments)', () => {
  it.each([
    ['everyone, by name', 'committee', {}],
    ['one department, the chair (full phones)', 'chair', { department: '语文组' }],
    ['a name searched', 'committee', { keyword: '王' }],
  ] as const)('%s: the page and its count as the stored members say, with the union\'s departments', async (_k, who, filter) => {
    const where: Record<string, unknown> = { membership: 'approved', ...('department' in filter ? { department: filter.department } : {}) }
    let q = db.collection('members').where(where)
    if ('department' in filter) q = q.orderBy('department', 'asc')
    const stored = ((await q.orderBy('name', 'asc').orderBy('_id', 'asc').limit(1000).get()).data as any[])
      .filter((m) => !('keyword' in filter) || m.name.includes(filter.keyword))
    const answer = await dataOf(env, who, 'member', { action: 'directory', page: 1, withDepartments: true, ...filter })
    expect(answer.total).toBe(stored.length)
    expect(answer.items.map((i: any) => [i.id, i.name, i.department, i.status, i.role, i.phone])).toEqual(stored.slice(0, 20).map((m) => [
      m._id, m.name, m.department, m.status, m.role, m.phone && (who === 'chair' ? m.phone : expect.stringContaining('****')),
    ]))
    expect(answer.items.length).toBeGreaterThan(0)
    expect(answer.departments).toEqual((await dataOf(env, who, 'member', { action: 'departments' })).departments)
    expect(answer.departments.length).toBeGreaterThan(1)
    const { departments: _d, ...page } = answer
    expect(page).toEqual(await dataOf(env, who, 'member', { action: 'directory', page: 1, ...filter }))
  })
})

describe('慰问计划 in three requests (welfare.plans)', () => {
  it('the page of plans, active first and newest first, each with its done and cancelled visits, as the stored documents say', async () => {
    const _ = db.command
    // A second plan made through the function, with one visit done, so two plans have progress.
    const { rid } = await import('./welfare-support')
    const made = await dataOf(env, 'committee', 'welfare', {
      action: 'planCreate', requestId: rid(), title: '中秋慰问（测试）', reason: '节日慰问', plannedDate: addDaysTo(14), filter: { retirees: true, hardship: false, departments: [] },
      cashYuan: '100', gifts: [], fund: '工会经费', excludeIds: [], visitorIds: [],
    })
    const entry = (await dataOf(env, 'committee', 'welfare', { action: 'list', planId: made.id, page: 1 })).items.find((e: any) => e.state === 'planned')
    await dataOf(env, 'committee', 'welfare', { action: 'complete', id: entry.id, revision: entry.revision, visitDate: addDaysTo(0), cashYuan: '100' })

    const stored = (await db.collection('welfare_plans').where({ state: _.in(['active', 'closed']) }).orderBy('state', 'asc').orderBy('createdAt', 'desc').orderBy('_id', 'asc').limit(1000).get()).data as any[]
    const visits = (await db.collection('welfare_visits').where({ planId: _.in(stored.map((p) => p._id)) }).limit(1000).get()).data as any[]
    const answer = await dataOf(env, 'committee', 'welfare', { action: 'plans', page: 1 })
    expect(answer.total).toBe(stored.length)
    expect(answer.items.map((i: any) => [i.id, i.state, i.total, i.done, i.cancelled])).toEqual(stored.slice(0, 20).map((p) => [
      p._id, p.state, p.total, visits.filter((v) => v.planId === p._id && v.state === 'done').length, visits.filter((v) => v.planId === p._id && v.state === 'cancelled').length,
    ]))
    expect(answer.items.filter((i: any) => i.done > 0).length).toBeGreaterThan(0)
    expect(answer.items.length).toBeGreaterThan(1)
  })

  function addDaysTo(n: number): string {
    return new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10)
  }
})
