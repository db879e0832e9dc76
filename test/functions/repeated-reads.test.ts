/**
 * No action reads the same document twice (#18: "where an action reads the same document twice,
 * stop"): in production each read is a round trip. The local cloud lists, per invocation, the
 * documents read by id more than once outside a transaction (usage.repeatedReads); these are the
 * actions a sweep of the whole cloud layer with LOCAL_CLOUD_LOG_REPEATED_READS=1 found doing it and
 * that were fixed — each answers as before, with the change written, and reads each document once.
 * (A sign-up's or a ballot's later rounds, after a lost race, read again on purpose.)
 */
import crypto from 'node:crypto'
import { invokeCounted, seededEnv, type Counted } from './helpers'
import { counters, seedMember, stagePhoto, submitAs } from './opinion-support'
import { must as congressMust, stage, today, type Stage } from './congress-support'
import { persona, type PersonaKey } from '../../emulator/seed/personas'

jest.setTimeout(180_000)

let env: string
let db: any
const opinion = (who: PersonaKey, action: string, input: Record<string, unknown>): Promise<Counted> => invokeCounted(env, persona(who).openid, 'opinion', { action, ...input })

beforeAll(async () => { ({ env, db } = await seededEnv('repeated-reads')) })

describe('意见箱: handling answers the case as written', () => {
  it('assign, reply, close, reject, release: each reads the item once and answers the new state', async () => {
    const named = await submitAs(env, 'staff', { anonymous: false, notifyReply: false, text: '署名：教学楼三楼饮水机坏了。', category: '后勤保障' })
    const id = named.data.id
    const assigned = await opinion('chair', 'assign', { id, assigneeId: 'mem001' })
    expect(assigned.result.data).toMatchObject({ id, state: 'processing' })
    expect(assigned.repeatedReads).toEqual([])
    const replied = await opinion('chair', 'reply', { id, text: '已报修，周五前换新。' })
    expect(replied.result.data).toMatchObject({ id, state: 'replied' })
    expect(replied.result.data.replies.map((r: any) => r.text)).toEqual(['已报修，周五前换新。'])
    expect(replied.repeatedReads).toEqual([])
    const again = await opinion('chair', 'reply', { id, text: '已换新。' })
    expect(again.result.data.replies.map((r: any) => r.text)).toEqual(['已报修，周五前换新。', '已换新。'])
    const stored = (await db.collection('opinions').doc(id).get()).data
    expect(stored.replies.map((r: any) => r.text)).toEqual(['已报修，周五前换新。', '已换新。'])
    expect(stored.firstReplyDays).toBe(0)
    const closed = await opinion('chair', 'close', { id })
    expect(closed.result.data).toMatchObject({ id, state: 'closed' })
    expect(closed.repeatedReads).toEqual([])

    const other = await submitAs(env, 'committee', { anonymous: false, notifyReply: false, text: '署名：希望增加羽毛球场地开放时间。', category: '后勤保障' })
    expect(other).toMatchObject({ ok: true })
    const rejected = await opinion('chair', 'reject', { id: other.data.id, reason: '场地由学校统筹安排，已转交总务处。' })
    expect(rejected.result.data).toMatchObject({ state: 'rejected' })
    expect(rejected.repeatedReads).toEqual([])
    const rejectedStored = (await db.collection('opinions').doc(other.data.id).get()).data
    expect(rejectedStored).toMatchObject({ state: 'rejected', rejectReason: '场地由学校统筹安排，已转交总务处。' })
    expect(rejectedStored).not.toHaveProperty('held')
  })
})

describe('意见箱: a reply reads its author once', () => {
  it('for the reply message (openid) and the answer (name, department) alike', async () => {
    const named = await submitAs(env, 'staff', { anonymous: false, notifyReply: true, text: '署名：希望午休时段图书馆开放。', category: '后勤保障' })
    const id = named.data.id
    await opinion('chair', 'assign', { id, assigneeId: 'mem001' })
    const replied = await opinion('chair', 'reply', { id, text: '下周起午休开放。' })
    expect(replied.result.data.submitter).toEqual({ name: persona('staff').name, department: expect.any(String) })
    expect(replied.repeatedReads).toEqual([])
  })
})

describe('意见箱: a wrong 回执码 reads each counter once', () => {
  it('the day’s first miss creates the counters and answers from what it wrote', async () => {
    const guesser = seedMember(14)
    const out = await invokeCounted(env, guesser.openid, 'opinion', { action: 'view', code: 'ABCD-EFGH-JKMN-PQRS' })
    expect(out.result).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(out.repeatedReads).toEqual([])
    expect((await counters(db, 'lookup-miss')).map((c) => c.n)).toEqual([1])
    const again = await invokeCounted(env, guesser.openid, 'opinion', { action: 'view', code: 'ABCD-EFGH-JKMN-PQRT' })
    expect(again.result).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(again.repeatedReads).toEqual([])
    expect((await counters(db, 'lookup-miss')).map((c) => c.n)).toEqual([2])
  })
})

describe('意见箱: a photo refused for its bytes is refused without looking for the item again', () => {
  it('answers the refusal after one read of the item', async () => {
    const gif = await stagePhoto(env, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'jpg')
    const out = await invokeCounted(env, seedMember(15).openid, 'opinion', { action: 'submit', requestId: crypto.randomBytes(12).toString('hex'), anonymous: true, category: '其他', text: '照片不对的意见。', images: [gif] })
    expect(out.result).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringMatching(/JPG 或 PNG/) })
    expect(out.repeatedReads).toEqual([])
  })
})

describe('意见箱: replies at once', () => {
  it('all are kept: the replies are written inside the transaction that read them, a racing one is decided again', async () => {
    const named = await submitAs(env, 'staff', { anonymous: false, notifyReply: false, text: '署名：操场跑道有破损。', category: '后勤保障' })
    const id = named.data.id
    await opinion('chair', 'assign', { id, assigneeId: 'mem001' })
    await opinion('chair', 'reply', { id, text: '收到。' })
    // Already 已答复: every further reply passes the state check, so only the transaction keeps either from being lost.
    const texts = Array.from({ length: 8 }, (_v, i) => `跟进第 ${i + 1} 次。`)
    const answers = await Promise.all(texts.map((text) => opinion('chair', 'reply', { id, text })))
    const ok = answers.filter((a) => a.result.ok)
    for (const refused of answers.filter((a) => !a.result.ok)) expect(refused.result).toMatchObject({ code: 'CONFLICT' })
    const stored = (await db.collection('opinions').doc(id).get()).data
    expect(ok).toHaveLength(texts.length)
    expect(stored.replies.map((r: any) => r.text).sort()).toEqual(['收到。', ...texts].sort())
    expect((await db.collection('audit_log').where({ action: 'opinion.reply', 'target.id': id }).get()).data).toHaveLength(texts.length + 1)
  })
})

describe('意见箱: a submission reads the settings once (its due date and its answer)', () => {
  it('answers the due date of the stored settings', async () => {
    const out = await opinion('committee', 'submit', { requestId: crypto.randomBytes(12).toString('hex'), anonymous: false, notifyReply: false, category: '食堂', text: '署名：早餐能否多一个粥品？' })
    expect(out.result).toMatchObject({ ok: true, data: { dueDays: 7, held: false } })
    expect(out.repeatedReads).toEqual([])
    expect((await db.collection('opinions').doc(out.result.data.id).get()).data.dueOn).toBe(out.result.data.dueOn)
  })
})

describe('教代会 sign-in answers the attendance without reading the session again', () => {
  let st: Stage
  beforeAll(async () => {
    st = await stage(env, db, 'rr', 5)
    await db.collection('congress_sessions').doc(st.sessionId).update({ data: { meetingDate: today() } })
  })

  it('by 签到码 and by the roster: one read of each document, the requests not growing with the names ticked', async () => {
    const token = (await congressMust(env, st.delegates[0], 'checkinToken', { sessionId: st.sessionId })).token
    const scanned = await invokeCounted(env, st.committee[0].openid, 'congress', { action: 'checkin', sessionId: st.sessionId, token })
    expect(scanned.result.data).toMatchObject({ present: 1, delegates: 5, signedIn: { name: st.delegates[0].name } })
    expect(scanned.repeatedReads).toEqual([])

    const one = await invokeCounted(env, st.chair.openid, 'congress', { action: 'checkin', sessionId: st.sessionId, memberIds: [st.delegates[1].memberId] })
    const three = await invokeCounted(env, st.chair.openid, 'congress', { action: 'checkin', sessionId: st.sessionId, memberIds: st.delegates.slice(2).map((d) => d.memberId) })
    expect(three.result.data).toMatchObject({ present: 5, delegates: 5, reached: true })
    expect(three.repeatedReads).toEqual([])
    // Outside the transaction the same; inside it, one read and one write per name.
    expect(three.dbRequests - one.dbRequests).toBe(2 * 2)
    const refused = await invokeCounted(env, st.chair.openid, 'congress', { action: 'checkin', sessionId: st.sessionId, memberIds: [st.outsider.memberId] })
    expect(refused.result).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})
