/**
 * A rating round that never ends: after the deadline (RATING_DAYS after 审核通过) the 提案工作委员会
 * closes it — the silent raters are recorded as 未评价, the round is settled on the ratings given, and
 * the board's 满意率 says what it is a share of. Conditional on (state, revision); audited.
 */
import { RATING_DAYS } from '../../types/congress'
import { newEnvName, sdkFor } from '../support/cloud'
import { callAs } from './helpers'
import { asTimer, call, detail, inDays, must, stage, step, submitted, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congressrate')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'r', 6)
})

/** A case through 立案, 交办, 答复 and 审核通过 (in this file's stage, or `on`): waiting for its raters. */
async function inRating(title: string, on: Stage = st): Promise<string> {
  const [p, a, b] = on.delegates
  const x = await submitted(on, p, [a, b], title)
  await must(on.env, on.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
  await step(on, on.committee[0], 'assign', x.id, { handlerId: on.handler.memberId, office: '后勤处', dueDate: inDays(10) })
  await step(on, on.handler, 'answer', x.id, { answerClass: 'B', text: '列入下学期计划。' })
  await step(on, on.committee[0], 'reviewAnswer', x.id, { approve: true })
  return x.id
}

/** Time passes: the round's last day is yesterday. */
const expire = (id: string, inDb: any = db) => inDb.collection('congress_proposals').doc(id).update({ data: { ratingDue: inDays(-1) } })

describe('closing a rating round after its deadline', () => {
  it('sets the deadline at 审核通过 and refuses to close before it, or by anyone but the committee', async () => {
    const id = await inRating('评价期限内的提案')
    const d = await detail(st, st.committee[0], id)
    expect(d).toMatchObject({ state: 'rating', ratingDue: inDays(RATING_DAYS), can: { closeRating: false } })
    expect(await call(env, st.committee[0], 'closeRating', { id, revision: d.revision })).toMatchObject({ ok: false, code: 'CONFLICT', message: `评价期限到 ${inDays(RATING_DAYS)}，期满后才能结束评价` })
    await expire(id)
    expect(await call(env, st.delegates[0], 'closeRating', { id, revision: d.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await detail(st, st.delegates[0], id)).state).toBe('rating')
  })

  it('records the silent raters as 未评价 and closes on the ratings given — once, when two members close at once', async () => {
    const [p, a, b] = st.delegates
    const id = await inRating('有人不评价的提案')
    await must(env, p, 'rate', { id, rating: 'basic', comment: '还行' })
    await expire(id)
    const d = await detail(st, st.committee[0], id)
    expect(d.can.closeRating).toBe(true)
    const listed = await must(env, st.committee[0], 'list', { sessionId: st.sessionId, page: 1, state: 'rating' })
    expect(listed.items.find((i: any) => i.id === id).ratingClosable).toBe(true)
    const desk = (await callAs(env, { openid: st.chair.openid }, 'member', { action: 'desk' })).data.items
    // this case and the first test's (left in rating past its deadline)
    expect(desk.find((l: any) => l.key === 'congress.ratingDue')).toMatchObject({ count: 2, url: '/packages/congress/pages/desk/index' })
    expect(await call(env, st.committee[0], 'closeRating', { id, revision: d.revision - 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const both = await Promise.all(st.committee.map((c) => call(env, c, 'closeRating', { id, revision: d.revision })))
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok)[0]).toMatchObject({ code: 'CONFLICT' })
    expect(both.find((r) => r.ok)!.data).toMatchObject({ state: 'closed', unrated: 2 })

    const done = await detail(st, p, id)
    expect(done).toMatchObject({ state: 'closed', finalRating: 'basic', ratingDue: null })
    expect(done.unrated.map((u: any) => u.name).sort()).toEqual([a.name, b.name].sort())
    expect(await call(env, a, 'rate', { id, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const audits = (await db.collection('audit_log').where({ action: 'congress.closeRating', 'target.id': id }).get()).data
    expect(audits).toHaveLength(1)
    expect(audits[0].note).toContain(a.name)
  })

  it('reopens round 1 for 面商 when a rater said 不满意, even if others stayed silent', async () => {
    const [p] = st.delegates
    const id = await inRating('有人不满意、有人不评价的提案')
    await must(env, p, 'rate', { id, rating: 'unsatisfied', comment: '太慢' })
    await expire(id)
    await step(st, st.committee[0], 'closeRating', id, {})
    expect(await detail(st, p, id)).toMatchObject({ state: 'assigned', round: 2, unrated: [{ round: 1 }, { round: 1 }] })
  })

  it('closes without a final rating when nobody rated, and 满意率 states its base', async () => {
    const id = await inRating('无人评价的提案')
    await expire(id)
    await step(st, st.chair, 'closeRating', id, {})
    const done = await detail(st, st.delegates[0], id)
    expect(done).toMatchObject({ state: 'closed', finalRating: null })
    expect(done.unrated).toHaveLength(3)

    const s = await must(env, st.outsider, 'session', { sessionId: st.sessionId })
    // closed: 有人不评价 (1 rating given, 2 未评价) and 无人评价 (0 given, 3 未评价)
    expect(s.figures).toMatchObject({ closed: 2, ratingsTotal: 1, ratingsGood: 1, ratingsMissing: 5, satisfactionRate: 100 })
    const r = await must(env, st.committee[0], 'exportRecords', { sessionId: st.sessionId, kind: 'report' })
    const JSZip = require('jszip')
    const xml = await (await JSZip.loadAsync(Buffer.from(await (await fetch(r.url)).arrayBuffer()))).file('word/document.xml').async('string')
    expect(xml).toContain('另有 5 人次评价期满未评价，不计入')
    expect(xml).toContain('最终评价：未评价（评价期满无人评价）')
  })
})

describe('the daily timer closes rounds past their deadline', () => {
  it('closes an expired round as the committee would (audited as the timer), leaves an open one, and closes once', async () => {
    const env2 = newEnvName('congressratetimer')
    const db2 = sdkFor(env2).db
    const st2 = await stage(env2, db2, 't', 6)
    const [p] = st2.delegates
    const expired = await inRating('评价期满的提案', st2)
    const running = await inRating('还在评价期内的提案', st2)
    await must(env2, p, 'rate', { id: expired, rating: 'satisfied', comment: '' })
    await expire(expired, db2)

    // the timer and a committee member at the same moment: closed once
    const d = await detail(st2, st2.committee[0], expired)
    const [timer, member] = await Promise.all([asTimer(env2, 'closeExpiredRatings'), call(env2, st2.committee[0], 'closeRating', { id: expired, revision: d.revision })])
    expect((timer.ok ? timer.data.closed : 0) + (member.ok ? 1 : 0)).toBe(1)
    expect(await asTimer(env2, 'closeExpiredRatings')).toMatchObject({ ok: true, data: { closed: 0 } })

    expect(await detail(st2, p, expired)).toMatchObject({ state: 'closed', finalRating: 'satisfied' })
    expect(await detail(st2, p, running)).toMatchObject({ state: 'rating' })
    const audits = (await db2.collection('audit_log').where({ action: 'congress.closeRating', 'target.id': expired }).get()).data
    expect(audits).toHaveLength(1)
    if (timer.ok && timer.data.closed === 1) expect(audits[0]).toMatchObject({ actorId: 'timer', actorName: '系统（评价期满自动结束）' })
  })

  it('closes what nobody closed: the next run after the deadline', async () => {
    const env3 = newEnvName('congressratetimer2')
    const db3 = sdkFor(env3).db
    const st3 = await stage(env3, db3, 'u', 6)
    const [p, a] = st3.delegates
    const x = { id: await inRating('没人结束评价的提案', st3) }
    await must(env3, a, 'rate', { id: x.id, rating: 'unsatisfied', comment: '太慢' })
    expect(await asTimer(env3, 'closeExpiredRatings')).toMatchObject({ ok: true, data: { closed: 0 } })
    await expire(x.id, db3)
    expect(await asTimer(env3, 'closeExpiredRatings')).toMatchObject({ ok: true, data: { closed: 1 } })
    // round 1 with a 不满意: reopened for 面商, the two silent raters recorded
    expect(await detail(st3, p, x.id)).toMatchObject({ state: 'assigned', round: 2, unrated: [{ round: 1 }, { round: 1 }] })
    const audit = (await db3.collection('audit_log').where({ action: 'congress.closeRating', 'target.id': x.id }).get()).data
    expect(audit).toMatchObject([{ actorId: 'timer', actorName: '系统（评价期满自动结束）' }])
  })
})
