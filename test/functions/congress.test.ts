/**
 * 教代会 through the function runner and the real SDK: sessions and 代表, 附议 enforced by the
 * function, every 立案审查 decision, 交办 → 答复 → 审核 → 满意度 (不满意 reopens once), the board's
 * figures, the daily escalation (once a day), records and files.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { asTimer, call, detail, draftOf, inDays, must, outbox, requestId, stage, step, submitted, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congress')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'c', 8)
})

describe('sessions and 代表', () => {
  it('creates a session once per request, and one session per 届/次', async () => {
    const rid = requestId()
    const input = { term: 40, meeting: 2, title: '第四十届第二次教职工代表大会', meetingDate: inDays(30), collectFrom: inDays(1), collectTo: inDays(20) }
    const [a, b] = await Promise.all([call(env, st.chair, 'saveSession', { ...input, requestId: rid }), call(env, st.chair, 'saveSession', { ...input, requestId: rid })])
    expect(a.ok && b.ok).toBe(true)
    expect(a.data.id).toBe('congress-40-2')
    expect(b.data.id).toBe('congress-40-2')
    const again = await call(env, st.chair, 'saveSession', { ...input, requestId: requestId() })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(again.message).toContain('第40届第2次教代会已经建立')
    expect((await db.collection('congress_sessions').where({ term: 40 }).count()).total).toBe(1)
  })

  it('refuses a session from anyone but the chair, and a stale edit', async () => {
    const input = { term: 41, meeting: 1, title: '会', meetingDate: inDays(30), collectFrom: inDays(1), collectTo: inDays(20), requestId: requestId() }
    expect(await call(env, st.committee[0], 'saveSession', input)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const s = await must(env, st.chair, 'session', { sessionId: st.sessionId })
    const edit = { id: st.sessionId, revision: s.revision - 1, term: 1, meeting: 1, title: '改名', meetingDate: s.meetingDate, collectFrom: s.collectFrom, collectTo: s.collectTo }
    expect(await call(env, st.chair, 'saveSession', edit)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('keeps 代表 in the shape the ballot engine reads, 列席 out of the electorate', async () => {
    const d = st.delegates[0]
    const doc = (await db.collection('congress_delegates').doc(`${st.sessionId}_${d.memberId}`).get()).data
    const one = Array.isArray(doc) ? doc[0] : doc
    expect(one).toMatchObject({ sessionId: st.sessionId, memberId: d.memberId, name: d.name, constituency: '语文组选区', state: 'active' })
    await must(env, st.chair, 'addDelegate', { sessionId: st.sessionId, memberId: st.outsider.memberId, constituency: '特邀', kind: 'guest' })
    const view = await must(env, st.outsider, 'session', { sessionId: st.sessionId })
    expect(view).toMatchObject({ delegates: 8, guests: 1, me: { delegate: false, guest: true } })
    expect((await db.collection('congress_delegates').where({ sessionId: st.sessionId, state: 'active' }).count()).total).toBe(8)
  })
})

describe('附议 and submission', () => {
  it('lets only 代表 draft, and creates a draft once per request id', async () => {
    const no = await call(env, st.outsider, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('非代表的提案') })
    expect(no).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(no.message).toContain('只有本届教代会代表可以提出提案')
    const rid = requestId()
    const [a, b] = await Promise.all([1, 2].map(() => call(env, st.delegates[0], 'saveProposal', { sessionId: st.sessionId, requestId: rid, ...draftOf('一次起草') })))
    expect(a.data.id).toBe(b.data.id)
    expect((await db.collection('congress_proposals').where({ title: '一次起草' }).count()).total).toBe(1)
  })

  it('refuses a proposal with too few 附议, and counts only invited 代表 who accept', async () => {
    const [p, s1, s2, s3] = st.delegates
    const d = await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('附议不够') })
    const early = await call(env, p, 'submit', { id: d.id, revision: d.revision })
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT', message: '至少需要 2 位代表附议才能提交，现在有 0 位' })

    expect(await call(env, p, 'invite', { id: d.id, memberIds: [st.outsider.memberId] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call(env, p, 'invite', { id: d.id, memberIds: [p.memberId] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await must(env, p, 'invite', { id: d.id, memberIds: [s1.memberId, s2.memberId] })

    // not invited: refused, and nothing counted
    expect(await call(env, s3, 'respond', { id: d.id, accept: true })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有被邀请的代表可以附议这件提案' })
    await must(env, s1, 'respond', { id: d.id, accept: true })
    expect(await call(env, s1, 'respond', { id: d.id, accept: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
    await must(env, s2, 'respond', { id: d.id, accept: false })
    const one = await detail(st, p, d.id)
    expect(one).toMatchObject({ seconds: 1, can: { submit: false } })
    expect(await call(env, p, 'submit', { id: d.id, revision: one.revision })).toMatchObject({ ok: false, code: 'CONFLICT', message: '至少需要 2 位代表附议才能提交，现在有 1 位' })
    expect((await detail(st, p, d.id)).state).toBe('draft')

    await must(env, p, 'invite', { id: d.id, memberIds: [s3.memberId] })
    await must(env, s3, 'respond', { id: d.id, accept: true })
    const two = await detail(st, p, d.id)
    const sub = await must(env, p, 'submit', { id: d.id, revision: two.revision })
    expect(sub.state).toBe('submitted')
    const after = await detail(st, p, d.id)
    expect(after.number).toBeGreaterThanOrEqual(1)
    expect(after.invites.map((i: any) => i.state).sort()).toEqual(['accepted', 'accepted', 'declined'])
    // seconding closes with the submission
    await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('另一件') })
    expect(await call(env, s2, 'respond', { id: d.id, accept: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('hides drafts from other members but shows every submitted proposal to every member', async () => {
    const [p, a, b] = st.delegates
    const draft = await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('悄悄的草稿') })
    const sub = await submitted(st, p, [a, b], '公开的提案')
    expect(await call(env, st.outsider, 'detail', { id: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const list = await must(env, st.outsider, 'list', { sessionId: st.sessionId, page: 1 })
    const ids = list.items.map((i: any) => i.id)
    expect(ids).toContain(sub.id)
    expect(ids).not.toContain(draft.id)
  })

  it('shows similar proposals by the words of the 案由', async () => {
    const [p, a, b] = st.delegates
    await submitted(st, p, [a, b], '关于改善教师午餐质量的建议')
    const r = await must(env, st.delegates[3], 'similar', { sessionId: st.sessionId, title: '改善教师午餐' })
    expect(r.items.map((i: any) => i.title)).toContain('关于改善教师午餐质量的建议')
    const none = await must(env, st.delegates[3], 'similar', { sessionId: st.sessionId, title: '操场跑道翻新' })
    expect(none.items).toEqual([])
  })
})

describe('立案审查', () => {
  it('lets only the 提案工作委员会 and the chair decide, and shows the proposer the reason', async () => {
    const [p, a, b] = st.delegates
    const x = await submitted(st, p, [a, b], '退回修改的提案')
    expect(await call(env, st.delegates[4], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'return' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'return', reason: '请把办法写具体' })
    const back = await detail(st, p, x.id)
    expect(back).toMatchObject({ state: 'returned', decisionReason: '请把办法写具体', can: { edit: true, submit: true } })
    const edited = await must(env, p, 'saveProposal', { sessionId: st.sessionId, id: x.id, revision: back.revision, ...draftOf('退回修改的提案（修改稿）') })
    await must(env, p, 'submit', { id: x.id, revision: edited.revision })
    const again = await detail(st, p, x.id)
    expect(again).toMatchObject({ state: 'submitted', number: back.number, decisionReason: null })

    const y = await submitted(st, p, [a, b], '转为意见建议的提案')
    await must(env, st.chair, 'decide', { id: y.id, revision: y.revision, decision: 'suggestion', reason: '属于日常管理，已转后勤处作为意见建议办理' })
    expect(await detail(st, p, y.id)).toMatchObject({ state: 'suggestion', decisionReason: '属于日常管理，已转后勤处作为意见建议办理' })
    expect((await db.collection('audit_log').where({ action: 'congress.toSuggestion' }).count()).total).toBe(1)
  })

  it('并案: the merged proposal’s proposer and 附议人 follow the case and rate its answer', async () => {
    const [p, a, b, q, c, e] = st.delegates
    const main = await submitted(st, p, [a, b], '关于食堂饭菜的提案')
    const other = await submitted(st, q, [c, e], '关于食堂价格的提案')
    await must(env, st.committee[0], 'decide', { id: main.id, revision: main.revision, decision: 'accept' })
    // only into an accepted case of the session
    expect(await call(env, st.committee[0], 'decide', { id: main.id, revision: main.revision + 1, decision: 'merge', intoId: other.id })).toMatchObject({ ok: false })
    expect(await call(env, st.committee[0], 'decide', { id: other.id, revision: other.revision, decision: 'merge', intoId: other.id })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await must(env, st.committee[1], 'decide', { id: other.id, revision: other.revision, decision: 'merge', intoId: main.id, reason: '同一事项' })
    expect(await detail(st, q, other.id)).toMatchObject({ state: 'merged', mergedInto: { id: main.id } })
    await step(st, st.committee[0], 'assign', main.id, { handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(14) })
    await step(st, st.handler, 'answer', main.id, { answerClass: 'A', text: '已更换供餐单位。' })
    await step(st, st.committee[0], 'reviewAnswer', main.id, { approve: true })
    const d = await detail(st, q, main.id)
    expect(d.raterNames.sort()).toEqual([p, a, b, q, c, e].map((x) => x.name).sort())
    expect(d.can.rate).toBe(true)
    for (const who of [p, a, b, q, c, e]) await must(env, who, 'rate', { id: main.id, rating: 'satisfied' })
    expect(await detail(st, q, main.id)).toMatchObject({ state: 'closed', finalRating: 'satisfied' })
  })
})

describe('交办, 答复 and 满意度', () => {
  it('lets only the case’s 承办人 answer; C needs its reason; the committee can send an answer back', async () => {
    const [p, a, b] = st.delegates
    const x = await submitted(st, p, [a, b], '关于增加体育器材的提案')
    await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
    expect(await call(env, st.committee[0], 'assign', { id: x.id, revision: x.revision + 1, handlerId: st.handler.memberId, office: '总务处', dueDate: inDays(-1) })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await step(st, st.committee[0], 'assign', x.id, { handlerId: st.handler.memberId, office: '总务处', coOffices: '体艺组', dueDate: inDays(10) })
    const d = await detail(st, st.handler, x.id)
    expect(await call(env, st.outsider, 'answer', { id: x.id, revision: d.revision, answerClass: 'A', text: '好' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有这件提案的承办人可以答复' })
    expect(await call(env, st.handler, 'answer', { id: x.id, revision: d.revision, answerClass: 'C', text: '暂不能解决' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await must(env, st.handler, 'answer', { id: x.id, revision: d.revision, answerClass: 'C', text: '经费不足。', reason: '本年度预算已用完' })
    await step(st, st.committee[0], 'reviewAnswer', x.id, { approve: false, reason: '请说明明年是否列入预算' })
    const back = await detail(st, st.handler, x.id)
    expect(back).toMatchObject({ state: 'assigned', returnedAnswerReason: '请说明明年是否列入预算', answers: [], can: { answer: true } })
    await must(env, st.handler, 'answer', { id: x.id, revision: back.revision, answerClass: 'B', text: '已列入明年预算，分两批购置。' })
    await step(st, st.committee[0], 'reviewAnswer', x.id, { approve: true })
    expect(await call(env, st.outsider, 'rate', { id: x.id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await detail(st, p, x.id)).answers).toMatchObject([{ answerClass: 'B', onTime: true }])
  })

  it('不满意 reopens the case once for a second answer; the final rating is recorded either way', async () => {
    const [p, a, b] = st.delegates
    const x = await submitted(st, p, [a, b], '关于教师停车位的提案')
    await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
    await step(st, st.committee[0], 'assign', x.id, { handlerId: st.handler.memberId, office: '总务处', dueDate: inDays(7) })
    await step(st, st.handler, 'answer', x.id, { answerClass: 'B', text: '明年规划。' })
    await step(st, st.committee[0], 'reviewAnswer', x.id, { approve: true })
    await must(env, p, 'rate', { id: x.id, rating: 'unsatisfied', comment: '太慢' })
    expect(await call(env, p, 'rate', { id: x.id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    await must(env, a, 'rate', { id: x.id, rating: 'satisfied' })
    expect((await detail(st, p, x.id)).state).toBe('rating')
    await must(env, b, 'rate', { id: x.id, rating: 'basic' })
    const reopened = await detail(st, p, x.id)
    expect(reopened).toMatchObject({ state: 'assigned', round: 2 })

    await step(st, st.handler, 'answer', x.id, { answerClass: 'A', text: '面商后：本学期划出 20 个车位。' })
    await step(st, st.committee[0], 'reviewAnswer', x.id, { approve: true })
    for (const who of [p, a, b]) await must(env, who, 'rate', { id: x.id, rating: who === p ? 'unsatisfied' : 'satisfied' })
    const done = await detail(st, p, x.id)
    expect(done).toMatchObject({ state: 'closed', round: 2, finalRating: 'unsatisfied' })
    expect(done.answers.map((x: any) => x.round)).toEqual([1, 2])
    expect(done.ratings).toHaveLength(6)
  })
})

describe('the board and the daily escalation', () => {
  it('shows 立案率, 按期答复率 and 满意率 from the records', async () => {
    const s = await must(env, st.outsider, 'session', { sessionId: st.sessionId })
    const all = (await db.collection('congress_proposals').where({ sessionId: st.sessionId }).limit(1000).get()).data
    const submittedCount = all.filter((p: any) => !['draft', 'returned'].includes(p.state)).length
    expect(s.figures.submitted).toBe(submittedCount)
    expect(s.figures.suggestions).toBe(1)
    expect(s.figures.acceptRate).toBe(Math.round((s.figures.accepted * 100) / s.figures.decided))
    expect(s.figures.closed).toBe(2)
    expect(s.figures.ratingsTotal).toBe(9)
    expect(s.figures.ratingsGood).toBe(8)
    expect(s.figures.satisfactionRate).toBe(89)
  })

  it('escalates overdue cases to the chair once a day', async () => {
    const [p, a, b] = st.delegates
    const x = await submitted(st, p, [a, b], '会超期的提案')
    await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
    await step(st, st.committee[0], 'assign', x.id, { handlerId: st.handler.memberId, office: '教务处', dueDate: inDays(1) })
    // time passes: the due date is now yesterday
    await db.collection('congress_proposals').doc(x.id).update({ data: { dueDate: inDays(-1) } })
    expect((await must(env, st.outsider, 'list', { sessionId: st.sessionId, page: 1, state: 'assigned' })).items.find((i: any) => i.id === x.id).overdue).toBe(true)
    const first = await asTimer(env, 'escalate')
    expect(first).toMatchObject({ ok: true, data: { sent: 1, already: false } })
    expect(first.data.overdue).toBeGreaterThanOrEqual(1)
    const second = await asTimer(env, 'escalate')
    expect(second).toMatchObject({ ok: true, data: { sent: 0, already: true } })
    const msgs = (await outbox(env, st.chair.openid)).filter((m) => m.templateId === 'tpl_congress_overdue')
    expect(msgs).toHaveLength(1)
    expect(await call(env, st.chair, 'escalate', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('records and congress day', () => {
  it('signs 代表 in and shows the quorum (two thirds)', async () => {
    const few = await must(env, st.committee[0], 'checkin', { sessionId: st.sessionId, memberIds: st.delegates.slice(0, 5).map((d) => d.memberId) })
    expect(few).toMatchObject({ present: 5, delegates: 8, quorum: 6, reached: false })
    const again = await must(env, st.committee[0], 'checkin', { sessionId: st.sessionId, memberIds: st.delegates.slice(0, 6).map((d) => d.memberId) })
    expect(again).toMatchObject({ present: 6, reached: true })
    expect(await call(env, st.delegates[7], 'checkin', { sessionId: st.sessionId, memberIds: [st.delegates[7].memberId] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('keeps a 代表履职档案', async () => {
    const mine = await must(env, st.delegates[1], 'dossier', { sessionId: st.sessionId })
    expect(mine.seconded.length).toBeGreaterThan(3)
    expect(mine.ratingsGiven).toBeGreaterThanOrEqual(3)
    expect(mine.attended).toBe(true)
    expect(await call(env, st.delegates[1], 'dossier', { sessionId: st.sessionId, memberId: st.delegates[0].memberId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('writes the 提案汇编 and 办理情况报告 as Word and the ledger as Excel', async () => {
    for (const kind of ['compilation', 'report', 'ledger']) {
      const r = await must(env, st.committee[0], 'exportRecords', { sessionId: st.sessionId, kind })
      expect(r.fileName).toMatch(kind === 'ledger' ? /提案台账\.xlsx$/ : /\.docx$/)
      const body = Buffer.from(await (await fetch(r.url)).arrayBuffer())
      expect(body.subarray(0, 2).toString()).toBe('PK')
      if (kind !== 'ledger') {
        const JSZip = require('jszip')
        const xml = await (await JSZip.loadAsync(body)).file('word/document.xml').async('string')
        expect(xml).toContain('关于教师停车位的提案')
        if (kind === 'report') expect(xml).toContain('满意率 89%')
      }
    }
    expect(await call(env, st.delegates[5], 'exportRecords', { sessionId: st.sessionId, kind: 'report' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('turns an opinion into a draft carrying its text, never its submitter', async () => {
    const opinion = { _id: 'op_congress_1', category: '食堂', text: '食堂窗口太少，排队时间长。', images: [], anonymous: true, submittedOn: inDays(-3), submittedMonth: inDays(-3).slice(0, 7), visibleOn: inDays(-2), dueOn: inDays(5), state: 'processing' }
    await db.collection('opinions').add({ data: opinion })
    const r = await must(env, st.committee[0], 'fromOpinion', { sessionId: st.sessionId, opinionId: 'op_congress_1', requestId: requestId() })
    const d = await detail(st, st.committee[0], r.id)
    expect(d).toMatchObject({ state: 'draft', reasons: '食堂窗口太少，排队时间长。', category: '后勤保障', fromOpinion: true, proposerName: st.committee[0].name })
    const raw = (await db.collection('congress_proposals').doc(r.id).get()).data
    expect(JSON.stringify(raw)).not.toMatch(/openid|memberId/)
  })
})
