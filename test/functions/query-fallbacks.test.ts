/**
 * The slow paths that keep a one-request read exact when its shortcut does not hold:
 * 1. a session with more than BUNDLE_PROPOSALS proposals — the bundle's lookup cannot carry them all, and
 *    congress.board / congress.desk read them again by a scan (congress/store.ts `sessionBundle`);
 * 2. `queriesAt` whose anchor document is gone by the time of the lookups — each query runs on its own
 *    (_shared/query.ts), as for the plan's linked records (anchored on the first item) and the calendar
 *    (anchored on the caller's member document).
 * Each answer is checked against what the normal path or the stored documents say.
 */
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { createContext } from '../../cloudfunctions/_shared/context'
import { shanghaiDate } from '../../cloudfunctions/_shared/time'
import { BUNDLE_PROPOSALS } from '../../cloudfunctions/congress/store'
import { figuresOf } from '../../cloudfunctions/congress/views'
import { calendar } from '../../cloudfunctions/plan/calendar'
import { itemViews } from '../../cloudfunctions/plan/status'
import { deskQueueStates } from '../../types/congress'
import { persona } from '../../emulator/seed/personas'
import { newEnvName, sdkFor } from '../support/cloud'
import { createActivity } from './activity-support'
import { inDays, must, requestId, stage, step, submitted, type Stage } from './congress-support'
import { seededEnv } from './helpers'
import { day, item, memberId, must as mustCall, rid } from './plan-support'
import { joinThroughApp } from './welfare-support'

jest.setTimeout(300_000)

/** Every document of `collection` matching `where`, 1,000 a request in `_id` order. */
async function stored(db: any, collection: string, where: Record<string, unknown>): Promise<any[]> {
  const out: any[] = []
  for (;;) {
    const page = (await db.collection(collection).where(where).orderBy('_id', 'asc').skip(out.length).limit(1000).get()).data
    out.push(...page)
    if (page.length < 1000) return out
  }
}

describe('a session with more proposals than the bundle carries (congress.board, congress.desk)', () => {
  const env = newEnvName('bigsession')
  const { db } = sdkFor(env)
  let st: Stage
  const SEEDED = 1_060

  beforeAll(async () => {
    st = await stage(env, db, 'b', 5)
    const [p, a, b, c] = st.delegates
    // One proposal in each state the desk queues, made through the function: their documents are the shapes copied below.
    const sub = await submitted(st, p, [a, b], '关于改善教师食堂的提案')
    const acc = await submitted(st, a, [b, c], '关于增设教工书屋的提案')
    await must(env, st.committee[0], 'decide', { id: acc.id, revision: acc.revision, decision: 'accept' })
    const asg = await submitted(st, b, [c, p], '关于更新多媒体设备的提案')
    await must(env, st.committee[0], 'decide', { id: asg.id, revision: asg.revision, decision: 'accept' })
    await step(st, st.committee[0], 'assign', asg.id, { handlerId: st.handler.memberId, office: '总务处', dueDate: inDays(10) })
    const ans = await submitted(st, c, [p, a], '关于教师体检的提案')
    await must(env, st.committee[0], 'decide', { id: ans.id, revision: ans.revision, decision: 'accept' })
    await step(st, st.committee[0], 'assign', ans.id, { handlerId: st.handler.memberId, office: '工会', dueDate: inDays(10) })
    await step(st, st.handler, 'answer', ans.id, { answerClass: 'B', text: '已列入明年计划。' })
    const draft = await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), title: '关于午休的提案', category: '后勤保障', reasons: '理由。', measures: '办法。' })
    const shapes = await stored(db, 'congress_proposals', { _id: db.command.in([sub.id, acc.id, asg.id, ans.id, draft.id]) })
    expect(shapes.map((x) => x.state).sort()).toEqual(['accepted', 'answered', 'assigned', 'draft', 'submitted'])

    // More of the same, with the ids real creates make (createdId of the proposer and a request id); a few assigned
    // cases past their date (overdue), a few drafts (seen by their proposer only).
    const proposers = new Map(st.delegates.map((d) => [d.memberId, d.openid]))
    const start = new Date(Date.now() - 30 * 86400_000).getTime()
    const copies = Array.from({ length: SEEDED }, (_v, i) => {
      const shape = shapes[i % shapes.length]
      const { _id: _unused, ...rest } = shape
      const id = createdId(proposers.get(shape.proposerId)!, 'congress.proposal', requestId())
      return {
        ...rest, _id: id, requestKey: id, title: `${shape.title}（${i + 1}）`, number: shape.state === 'draft' ? null : 100 + i,
        createdAt: new Date(start + i * 60_000), ...(shape.state === 'assigned' && i % 3 === 0 ? { dueDate: inDays(-2) } : {}),
      }
    })
    for (let i = 0; i < copies.length; i += 100) await db.collection('congress_proposals').add({ data: copies.slice(i, i + 100) })
  })

  const list = (who: { openid: string }, input: Record<string, unknown>) => must(env, who as any, 'list', { sessionId: st.sessionId, page: 1, ...input })

  it('holds more proposals than the bundle carries (the premise of the tests below)', async () => {
    const all = await stored(db, 'congress_proposals', { sessionId: st.sessionId })
    expect(all.length).toBe(SEEDED + 5)
    expect(all.length).toBeGreaterThan(BUNDLE_PROPOSALS + 1)
    expect(all.every((p) => /^[0-9a-f]{32}$/.test(p._id))).toBe(true)
  })

  it.each([0, 4])('board as 代表 %i: the list as congress.list reads it (a scan), under every filter, and the figures of every stored proposal', async (n) => {
    // 代表 0 proposed the drafts (and sees them); 代表 4 proposed nothing
    const viewer = st.delegates[n]
    const all = await stored(db, 'congress_proposals', { sessionId: st.sessionId })
    const board = await must(env, viewer, 'board', { sessionId: st.sessionId })
    const visible = all.filter((p) => p.state !== 'draft' || p.proposerId === viewer.memberId)
    expect(visible.length).toBe(n === 0 ? all.length : all.length - (SEEDED / 5 + 1))
    expect(board.list.total).toBe(visible.length)
    expect(board.list).toEqual(await list(viewer, {}))
    expect(board.session.figures).toEqual(figuresOf(all, shanghaiDate(new Date())))
    expect(board.session.figures.submitted).toBe(all.filter((p) => p.state !== 'draft').length)
    for (const filter of [{ state: 'assigned' }, { state: 'draft' }, { mine: true }, { state: 'answered', mine: true }]) {
      expect((await must(env, viewer, 'board', { sessionId: st.sessionId, ...filter })).list).toEqual(await list(viewer, filter))
    }
  })

  it('desk: every queue’s first page and total as congress.list reads them, and as many as are stored in that state', async () => {
    const all = await stored(db, 'congress_proposals', { sessionId: st.sessionId })
    const desk = await must(env, st.committee[0], 'desk', { sessionId: st.sessionId })
    expect(desk.queues.map((q: any) => q.state)).toEqual([...deskQueueStates])
    for (const q of desk.queues) {
      const { items, total } = await list(st.committee[0], { state: q.state })
      expect({ state: q.state, items: q.items, total: q.total }).toEqual({ state: q.state, items, total })
      expect(q.total).toBe(all.filter((p) => p.state === q.state).length)
    }
    expect(desk.queues.find((q: any) => q.state === 'submitted').total).toBeGreaterThan(200)
  })
})

describe('queriesAt when its anchor document is gone: each query on its own, the same answer', () => {
  let env: string
  let db: any
  const committee = { openid: persona('committee').openid }
  beforeAll(async () => {
    ;({ env, db } = await seededEnv('anchorgone'))
  })

  it('plan items: the linked records found without the first item (the anchor) are the ones found with it', async () => {
    const year = 2041
    const committeeId = await memberId(env, 'committee')
    const link = async (title: string, kind: string, id: string) => {
      const it = await mustCall(env, 'committee', 'plan', 'addItem', item(year, 3, committeeId, { title }))
      return mustCall(env, 'committee', 'plan', 'linkItem', { id: it.id, revision: it.revision, link: { kind, id } })
    }
    const cancelled = await createActivity(env, committee, { title: '春季登山' })
    await mustCall(env, 'committee', 'activity', 'cancelActivity', { id: cancelled, reason: '天气原因改期' })
    const notice = await mustCall(env, 'committee', 'notice', 'createDraft', { requestId: rid(), title: '春季体检通知', category: '其他', visibility: 'internal', body: [{ type: 'paragraph', text: '体检安排' }] })
    await mustCall(env, 'chair', 'notice', 'publish', { id: notice.id })
    const holiday = await mustCall(env, 'committee', 'welfare', 'planCreate', { requestId: rid(), title: '三八节慰问', plannedDate: day(3), filter: { retirees: true }, cashYuan: '100', fund: '工会经费' })
    await link('登山活动', 'activity', cancelled)
    await link('体检通知', 'notice', notice.id)
    await link('三八节慰问', 'welfare', holiday.id)
    await mustCall(env, 'committee', 'plan', 'addItem', item(year, 4, committeeId, { title: '未关联的事项' }))

    const items = await stored(db, 'plan_items', { year, state: 'active' })
    expect(items).toHaveLength(4)
    const withAnchor = await itemViews(db, items, new Date())
    // What the plan page answers (through the function) is what the views say with the anchor present.
    expect((await mustCall(env, 'committee', 'plan', 'items', { year })).items).toEqual(withAnchor)
    expect(withAnchor.map((v) => [v.title, v.status, v.link?.title])).toEqual([
      ['登山活动', 'cancelled', '春季登山'], ['三八节慰问', 'ongoing', '三八节慰问'], ['体检通知', 'done', '春季体检通知'], ['未关联的事项', 'planned', undefined],
    ])

    // The items were read; the first of them (the anchor) is removed before the linked records are looked up.
    await db.collection('plan_items').doc(items[0]._id).remove()
    expect(await itemViews(db, items, new Date())).toEqual(withAnchor)
  })

  it('calendar: the month read after the caller’s member document is gone is the month read before', async () => {
    const joined = await joinThroughApp(env, { name: '日历读者' })
    await createActivity(env, committee, { title: '本月读书会' })
    const month = shanghaiDate(new Date(Date.now() + 48 * 3600_000)).slice(0, 7) // the month it starts in (activity-support)
    const ctx = await createContext({ openid: joined.openid, now: new Date(), db })
    expect(ctx.member?._id).toBe(joined.id)
    const before = await calendar(ctx, month)
    expect(before.entries.some((e) => e.kind === 'activity' && e.title === '本月读书会')).toBe(true)
    // The context read the caller; the member document (the anchor) goes before the month is read.
    await db.collection('members').doc(joined.id).remove()
    expect(await calendar(ctx, month)).toEqual(before)
  })
})
