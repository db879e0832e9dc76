/**
 * No state can be skipped: every path through the 提案 state machine (each 立案审查 decision, with and
 * without 退回修改 first, 退回重办 in either round, 不满意 or not in either round) is driven through the
 * function, and each ends in an answer rated by every proposer and 附议人, or in an explicit 不立案
 * reason the proposer sees (并案: the case's answer, rated by the merged proposal's people too).
 * Along the longest path every out-of-order step is tried at every state and refused.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { call, detail, inDays, must, stage, step, submitted, draftOf, type Person, type Stage } from './congress-support'

jest.setTimeout(180_000)

const env = newEnvName('congresswalk')
const { db } = sdkFor(env)
let st: Stage

type Decision = 'accept' | 'merge' | 'suggestion'
interface Path { returnFirst: boolean; decision: Decision; sendBackRound: 0 | 1 | 2; unsatisfied: [boolean, boolean] }

function paths(): Path[] {
  const out: Path[] = []
  for (const returnFirst of [false, true]) {
    out.push({ returnFirst, decision: 'merge', sendBackRound: 0, unsatisfied: [false, false] }, { returnFirst, decision: 'suggestion', sendBackRound: 0, unsatisfied: [false, false] })
    // 退回修改 first changes nothing after the resubmission: walked once with the plain 立案 path
    if (returnFirst) {
      out.push({ returnFirst, decision: 'accept', sendBackRound: 0, unsatisfied: [false, false] })
      continue
    }
    for (const u1 of [false, true]) {
      for (const sendBackRound of (u1 ? [0, 1, 2] : [0, 1]) as Array<0 | 1 | 2>) {
        for (const u2 of u1 ? [false, true] : [false]) out.push({ returnFirst, decision: 'accept', sendBackRound, unsatisfied: [u1, u2] })
      }
    }
  }
  return out
}

const name = (p: Path) => `${p.returnFirst ? '退回修改 → ' : ''}${p.decision}${p.sendBackRound ? ` 退回重办@${p.sendBackRound}` : ''}${p.unsatisfied[0] ? ' 不满意' : ''}${p.unsatisfied[1] ? ' 再不满意' : ''}`

/** Every step that is NOT allowed in `state` is refused (tried only where `probe` is set). */
async function probeOthers(x: string, state: string): Promise<void> {
  const c = st.committee[0]
  const [p, a] = st.delegates
  const d = await detail(st, p, x)
  const tries: Record<string, () => Promise<any>> = {
    submit: () => call(env, p, 'submit', { id: x, revision: d.revision }),
    decide: () => call(env, c, 'decide', { id: x, revision: d.revision, decision: 'accept' }),
    assign: () => call(env, c, 'assign', { id: x, revision: d.revision, handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(5) }),
    answer: () => call(env, st.handler, 'answer', { id: x, revision: d.revision, answerClass: 'A', text: '抢答' }),
    review: () => call(env, c, 'reviewAnswer', { id: x, revision: d.revision, approve: true }),
    rate: () => call(env, a, 'rate', { id: x, rating: 'satisfied' }),
  }
  const allowed: Record<string, string[]> = {
    draft: ['submit'], returned: ['submit'], submitted: ['decide'], accepted: ['assign'], assigned: ['answer', 'assign'], answered: ['review'], rating: ['rate'],
    closed: [], merged: [], suggestion: [],
  }
  for (const [k, run] of Object.entries(tries)) {
    if (allowed[state].includes(k)) continue
    const r = await run()
    expect({ state, step: k, ok: r.ok }).toEqual({ state, step: k, ok: false })
  }
  expect((await detail(st, p, x)).state).toBe(state)
}

async function rateAll(x: string, people: Person[], unsatisfied: boolean): Promise<void> {
  for (const [i, who] of people.entries()) await must(env, who, 'rate', { id: x, rating: unsatisfied && i === 0 ? 'unsatisfied' : i % 2 ? 'basic' : 'satisfied' })
}

async function walk(path: Path, probe: boolean): Promise<void> {
  const c = st.committee[0]
  const [p, a, b] = st.delegates
  const check = async (x: string, state: string) => {
    expect((await detail(st, p, x)).state).toBe(state)
    if (probe) await probeOthers(x, state)
  }
  const title = `路径 ${name(path)}`
  const x = await submitted(st, p, [a, b], title)
  await check(x.id, 'submitted')
  if (path.returnFirst) {
    await step(st, c, 'decide', x.id, { decision: 'return', reason: '请补充数据' })
    await check(x.id, 'returned')
    const r = await detail(st, p, x.id)
    expect(r.decisionReason).toBe('请补充数据')
    const e = await must(env, p, 'saveProposal', { sessionId: st.sessionId, id: x.id, revision: r.revision, ...draftOf(`${title}（修改）`) })
    await must(env, p, 'submit', { id: x.id, revision: e.revision })
    await check(x.id, 'submitted')
  }
  if (path.decision === 'suggestion') {
    await step(st, c, 'decide', x.id, { decision: 'suggestion', reason: '作为意见建议交办公室办理' })
    const d = await detail(st, p, x.id)
    expect(d).toMatchObject({ state: 'suggestion', decisionReason: '作为意见建议交办公室办理' })
    return check(x.id, 'suggestion')
  }
  if (path.decision === 'merge') {
    // the case it joins: a fresh accepted proposal by another 代表, answered and rated after the merge
    const [, , , q, e, f] = st.delegates
    const target = await submitted(st, q, [e, f], `${title}（主案）`)
    await step(st, c, 'decide', target.id, { decision: 'accept' })
    await step(st, c, 'decide', x.id, { decision: 'merge', intoId: target.id })
    await check(x.id, 'merged')
    await step(st, c, 'assign', target.id, { handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(9) })
    await step(st, st.handler, 'answer', target.id, { answerClass: 'A', text: '已办理。' })
    await step(st, c, 'reviewAnswer', target.id, { approve: true })
    await rateAll(target.id, [q, e, f, p, a, b], false)
    const t = await detail(st, p, target.id)
    expect(t).toMatchObject({ state: 'closed' })
    expect(t.ratings.map((r: any) => r.name).sort()).toEqual([q, e, f, p, a, b].map((w) => w.name).sort())
    expect((await detail(st, p, x.id)).mergedInto.id).toBe(target.id)
    return
  }
  await step(st, c, 'decide', x.id, { decision: 'accept' })
  await check(x.id, 'accepted')
  await step(st, c, 'assign', x.id, { handlerId: st.handler.memberId, office: '教务处', dueDate: inDays(9) })
  for (const round of [1, 2] as const) {
    await check(x.id, 'assigned')
    await step(st, st.handler, 'answer', x.id, { answerClass: round === 1 ? 'B' : 'A', text: `第${round}次答复。` })
    await check(x.id, 'answered')
    if (path.sendBackRound === round) {
      await step(st, c, 'reviewAnswer', x.id, { approve: false, reason: '答复不具体' })
      await check(x.id, 'assigned')
      await step(st, st.handler, 'answer', x.id, { answerClass: 'C', text: '条件不具备。', reason: '场地不足' })
    }
    await step(st, c, 'reviewAnswer', x.id, { approve: true })
    await check(x.id, 'rating')
    await rateAll(x.id, [p, a, b], path.unsatisfied[round - 1])
    const d = await detail(st, p, x.id)
    if (round === 1 && path.unsatisfied[0]) {
      expect(d).toMatchObject({ state: 'assigned', round: 2 })
      continue
    }
    expect(d).toMatchObject({ state: 'closed', round })
    // the least satisfied rating of the round (rateAll gives 满意, 基本满意, 满意 — or 不满意 first)
    expect(d.finalRating).toBe(path.unsatisfied[round - 1] ? 'unsatisfied' : 'basic')
    expect(d.answers).toHaveLength(round)
    expect(d.ratings.filter((r: any) => r.round === round)).toHaveLength(3)
    return check(x.id, 'closed')
  }
  throw new Error('a path ran past round 2')
}

beforeAll(async () => {
  st = await stage(env, db, 'w', 6)
})

it('walks the longest path trying every out-of-order step at every state', async () => {
  await walk({ returnFirst: true, decision: 'accept', sendBackRound: 2, unsatisfied: [true, true] }, true)
})

it.each(paths().map((p) => [name(p), p] as const))('%s ends in a rated answer or a stated reason', async (_n, path) => {
  await walk(path, false)
})

it('leaves no submitted proposal without an end once every path is walked', async () => {
  const all = (await db.collection('congress_proposals').where({ sessionId: st.sessionId }).limit(1000).get()).data
  for (const p of all) {
    if (p.state === 'closed') expect(p.finalRating).toBeTruthy()
    else if (p.state === 'suggestion') expect(p.decisionReason).toBeTruthy()
    else if (p.state === 'merged') expect(all.find((t: any) => t._id === p.mergedInto)?.state).toBe('closed')
    else throw new Error(`proposal “${p.title}” stopped in ${p.state}`)
  }
})
