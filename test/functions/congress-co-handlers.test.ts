/**
 * 协办 as people: the committee names 协办人 (members) with the 承办人 at 交办; a 协办人 sees the case,
 * writes an opinion on the answer once (a retry answers the same note) and corrects it against its
 * revision (the replaced text kept) while the answer is being written; he never submits the answer.
 * The 主办 sees the opinions; every member sees them once the round's answer is shown. A case from
 * before (协办部门 typed, no 协办人) still reads.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { addPeople, call, detail, inDays, must, stage, step, submitted, type Person, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congress-co')
const { db } = sdkFor(env)
let st: Stage
let co: Person[]
let caseId = ''

beforeAll(async () => {
  st = await stage(env, db, 'x', 4)
  co = await addPeople(db, 'x协办', 2)
  const [p, a, b] = st.delegates
  const x = await submitted(st, p, [a, b], '关于食堂错峰就餐的提案')
  await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
  caseId = x.id
})

describe('交办 with 协办人', () => {
  it('refuses the 承办人 as his own 协办人 and anyone who is not a member, naming the field, and writes nothing', async () => {
    const before = await detail(st, st.committee[0], caseId)
    const base = { id: caseId, revision: before.revision, handlerId: st.handler.memberId, office: '后勤处', dueDate: inDays(10) }
    expect(await call(env, st.committee[0], 'assign', { ...base, coHandlerIds: [st.handler.memberId] })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('协办人') })
    expect(await call(env, st.committee[0], 'assign', { ...base, coHandlerIds: ['0123456789abcdef0123456789abcdef'] })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('协办人') })
    expect(await call(env, st.committee[0], 'assign', { ...base, coHandlerIds: Array.from({ length: 6 }, (_v, i) => `${i}123456789abcdef0123456789abcdef`) })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('协办人最多 5 位') })
    expect(await detail(st, st.committee[0], caseId)).toMatchObject({ state: 'accepted', revision: before.revision, coHandlers: [] })
  })

  it('names the 协办人 on the case, in the audit entry, and shows them the case as theirs', async () => {
    await step(st, st.committee[0], 'assign', caseId, { handlerId: st.handler.memberId, office: '后勤处', coOffices: '教务处', coHandlerIds: co.map((c) => c.memberId), dueDate: inDays(10) })
    const d = await detail(st, co[0], caseId)
    expect(d).toMatchObject({ coOffices: '教务处', coHandlers: co.map((c) => ({ memberId: c.memberId, name: c.name })), myCoNote: null, can: { coNote: true, answer: false } })
    const audit = (await db.collection('audit_log').where({ action: 'congress.assign', 'target.id': caseId }).get()).data
    expect(audit[0].note).toContain(`协办人 ${co[0].name}、${co[1].name}`)
    const mine = await must(env, co[0], 'list', { sessionId: st.sessionId, page: 1, mine: true })
    expect(mine.items.map((i: any) => i.id)).toContain(caseId)
    expect(await must(env, co[0], 'session', { sessionId: st.sessionId })).toMatchObject({ me: { handler: true } })
  })
})

describe('协办意见', () => {
  it('is written once by a 协办人 (a retry answers the same note), never by anyone else', async () => {
    const text = '建议高一、高二午休下课错开 10 分钟。'
    const [a, b] = await Promise.all([call(env, co[0], 'coNote', { id: caseId, text }), call(env, co[0], 'coNote', { id: caseId, text })])
    expect([a.data, b.data]).toEqual([{ id: expect.any(String), revision: 0 }, { id: a.data.id, revision: 0 }])
    expect(await call(env, co[0], 'coNote', { id: caseId, text: '另一个意见' })).toMatchObject({ ok: false, code: 'CONFLICT', message: '您已经写过这次的协办意见，请刷新后修改' })
    for (const who of [st.outsider, st.delegates[0], st.committee[0], st.handler]) {
      expect(await call(env, who, 'coNote', { id: caseId, text })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有这件提案的协办人可以提出协办意见' })
    }
    expect(await call(env, co[0], 'coNote', { id: caseId, text: ' ' })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('协办意见') })
    expect((await db.collection('congress_co_notes').where({ proposalId: caseId }).count()).total).toBe(1)
  })

  it('is corrected against its revision, keeping what it replaced; a stale correction is refused', async () => {
    const fixed = '建议高一、高二午休下课错开 15 分钟，并增开一个窗口。'
    expect(await must(env, co[0], 'coNote', { id: caseId, text: fixed, revision: 0 })).toMatchObject({ revision: 1 })
    expect(await must(env, co[0], 'coNote', { id: caseId, text: fixed, revision: 0 })).toMatchObject({ revision: 1 }) // the same correction, retried
    expect(await call(env, co[0], 'coNote', { id: caseId, text: '再改', revision: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const doc = (await db.collection('congress_co_notes').where({ proposalId: caseId }).get()).data[0]
    expect(doc).toMatchObject({ text: fixed, revision: 1, history: [{ text: '建议高一、高二午休下课错开 10 分钟。' }] })
    expect((await detail(st, co[0], caseId)).myCoNote).toEqual({ text: fixed, revision: 1 })
  })

  it('reaches the 主办 and the committee while the answer is written; members see it with the answer', async () => {
    const forHandler = await detail(st, st.handler, caseId)
    expect(forHandler.coNotes).toEqual([{ round: 1, name: co[0].name, text: expect.stringContaining('错开 15 分钟'), at: expect.any(String), corrected: true }])
    expect((await detail(st, st.committee[1], caseId)).coNotes).toHaveLength(1)
    expect((await detail(st, st.outsider, caseId)).coNotes).toEqual([])

    expect(await call(env, co[1], 'answer', { id: caseId, revision: forHandler.revision, answerClass: 'A', text: '协办人不能答复' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有这件提案的承办人可以答复' })
    await must(env, st.handler, 'answer', { id: caseId, revision: forHandler.revision, answerClass: 'B', text: '下学期起错峰就餐，并增开窗口。' })
    expect(await call(env, co[1], 'coNote', { id: caseId, text: '迟到的意见' })).toMatchObject({ ok: false, code: 'CONFLICT', message: '这一次答复已经提交，协办意见不能再写或修改' })
    const seen = await detail(st, st.outsider, caseId)
    expect(seen.coNotes).toHaveLength(1)
    expect(seen.can.coNote).toBe(false)
  })

  it('still reads a case assigned before 协办人 existed (协办部门 typed, no 协办人)', async () => {
    const [p, a, b] = st.delegates
    const x = await submitted(st, p, [a, b], '关于旧数据协办的提案')
    await must(env, st.committee[0], 'decide', { id: x.id, revision: x.revision, decision: 'accept' })
    await step(st, st.committee[0], 'assign', x.id, { handlerId: st.handler.memberId, office: '后勤处', coOffices: '体艺组', dueDate: inDays(10) })
    await db.collection('congress_proposals').doc(x.id).update({ data: { coHandlers: db.command.remove() } })
    expect(await detail(st, st.outsider, x.id)).toMatchObject({ coOffices: '体艺组', coHandlers: [], coNotes: [] })
    expect(await call(env, co[0], 'coNote', { id: x.id, text: '不是协办人' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
