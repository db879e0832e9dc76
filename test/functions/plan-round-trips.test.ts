/**
 * Each plan action reads each document once (#18, usage.repeatedReads): in production every read is a
 * round trip. Recording and editing a meeting and editing an item answer with the record as their
 * transaction wrote it; publishing a meeting and adopting the plan answer with what their transaction
 * found or wrote and the notice as published; updating the plan's notice answers with the plan and items
 * it read and the notice as corrected; a 台帐 build reads its job once per call. Every answer is compared
 * with a fresh read through the functions and with what is stored, so an answer that drifted fails.
 * Records are made through the functions (item ids of 32 characters, decision items `<meetingId>_d<n>`).
 */
import { randomBytes } from 'node:crypto'
import { createdId } from '../../cloudfunctions/_shared/create-once'
import { persona, type PersonaKey } from '../../emulator/seed/personas'
import { invokeCounted, seededEnv, type Counted } from './helpers'
import { BYTES, uploadTo } from './notice-support'
import { buildArchive, day, item, memberId, must, rid } from './plan-support'
import { joinThroughApp } from './welfare-support'

jest.setTimeout(180_000)

let env: string
let db: any
let committeeId: string
let chairId: string
beforeAll(async () => {
  ;({ env, db } = await seededEnv('plan-round-trips'))
  committeeId = await memberId(env, 'committee')
  chairId = await memberId(env, 'chair')
  // Warm the instance: a cold start is not what this counts.
  await must(env, 'committee', 'plan', 'people')
})

const counted = (who: PersonaKey, action: string, input: Record<string, unknown>): Promise<Counted> =>
  invokeCounted(env, persona(who).openid, 'plan', { action, ...input })
const ok = (c: Counted) => {
  if (!c.result.ok) throw new Error(`${c.result.code} ${c.result.message}`)
  return c.result.data
}
const stored = async (collection: string, id: string) => (await db.collection(collection).doc(id).get()).data
/** A meeting with its files' temporary links as their type only (each call signs its own). */
const unlinked = (m: any) => ({ ...m, files: m.files.map((f: any) => ({ ...f, url: typeof f.url })) })

describe('meetings', () => {
  it('record, edit and publish each read the meeting once and answer it as stored', async () => {
    const staff = await joinThroughApp(env, { name: '郑老师' })
    const photo = await uploadTo(env, `uploads/plan/${randomBytes(10).toString('hex')}.png`, BYTES.png)
    const input = {
      requestId: rid(), type: '工会委员会议', date: day(-3), place: '二楼会议室', attendeeIds: [committeeId, chairId], absent: [{ memberId: staff.id, reason: '外出培训' }],
      agenda: ['春季工作安排'], minutes: '讨论了春季工作。', decisions: [{ text: '组织春季健步走', ownerId: committeeId, due: day(15) }],
      files: [{ fileId: photo, name: '会场.png', size: BYTES.png.length }],
    }
    const recorded = await counted('committee', 'recordMeeting', input)
    const m = ok(recorded)
    expect(recorded.repeatedReads).toEqual([])
    // It was 10: the meeting read before the create, and again to answer.
    expect(recorded.dbRequests).toBeLessThanOrEqual(8)
    expect(unlinked(m)).toEqual(unlinked(await must(env, 'committee', 'plan', 'meeting', { id: m.id })))
    expect(m).toMatchObject({ revision: 1, visibility: 'internal', absent: [{ memberId: staff.id, name: '郑老师', reason: '外出培训' }], decisions: [{ itemId: `${m.id}_d1`, ownerName: '李晓梅' }] })
    expect(m.files).toEqual([expect.objectContaining({ name: '会场.png', url: expect.any(String) })])
    expect(await stored('plan_meetings', m.id)).toMatchObject({ revision: 1, place: '二楼会议室', files: [{ fileId: m.files[0].fileId, name: '会场.png' }] })
    expect(await stored('plan_items', `${m.id}_d1`)).toMatchObject({ meetingId: m.id, title: '组织春季健步走', ownerId: committeeId, date: day(15), revision: 1 })

    // A retry of the committed request (its staged file gone) reads the meeting once and answers it.
    const retried = await counted('committee', 'recordMeeting', input)
    expect(unlinked(ok(retried))).toEqual(unlinked(m))
    expect(retried.repeatedReads).toEqual([])

    const edited = await counted('committee', 'editMeeting', {
      ...input, id: m.id, revision: m.revision, place: '三楼会议室', files: [{ fileId: m.files[0].fileId, name: '会场.png', size: BYTES.png.length }],
      decisions: [...input.decisions, { text: '整理会议照片', ownerId: chairId, due: day(20) }],
    })
    const e = ok(edited)
    expect(edited.repeatedReads).toEqual([])
    // It was 11 (the meeting read again to answer).
    expect(edited.dbRequests).toBeLessThanOrEqual(10)
    expect(unlinked(e)).toEqual(unlinked(await must(env, 'committee', 'plan', 'meeting', { id: m.id })))
    expect(e).toMatchObject({ revision: 2, place: '三楼会议室', decisions: [{ itemId: `${m.id}_d1` }, { itemId: `${m.id}_d2`, ownerName: '王建华' }] })
    expect(await stored('plan_meetings', m.id)).toMatchObject({ revision: 2, place: '三楼会议室' })
    expect(await stored('plan_items', `${m.id}_d2`)).toMatchObject({ meetingId: m.id, title: '整理会议照片', ownerId: chairId, revision: 1 })

    const published = await counted('chair', 'publishMeeting', { id: m.id, revision: e.revision })
    const p = ok(published)
    expect(published.repeatedReads).toEqual([])
    // It was 20, the notice function's 7 included (the meeting read again to answer).
    expect(published.dbRequests).toBeLessThanOrEqual(19)
    // publishMeeting answers without file links (as it always has); the rest is the meeting as stored.
    const fresh = await must(env, 'committee', 'plan', 'meeting', { id: m.id })
    expect(p).toEqual({ ...fresh, files: fresh.files.map((f: any) => ({ ...f, url: null })) })
    expect(p).toMatchObject({ revision: 3, visibility: 'published', noticeId: expect.any(String) })
    expect(await stored('plan_meetings', m.id)).toMatchObject({ revision: 3, visibility: 'published', noticeId: p.noticeId })
    expect(await stored('notices', p.noticeId)).toMatchObject({ state: 'published', version: 1, title: `${day(-3)} 工会委员会议纪要` })
  })
})

describe('meetings: taps at once', () => {
  it('three taps of one record: one meeting, every tap answers it, none reads it twice', async () => {
    const photo = await uploadTo(env, `uploads/plan/${randomBytes(10).toString('hex')}.png`, BYTES.png)
    const input = {
      requestId: rid(), type: '教职工大会', date: day(-4), place: '礼堂', attendeeIds: [committeeId, chairId], agenda: ['学期总结'], minutes: '',
      decisions: [{ text: '评选优秀教工之家', ownerId: chairId, due: day(25) }], files: [{ fileId: photo, name: '合影.png', size: BYTES.png.length }],
    }
    const taps = await Promise.all(Array.from({ length: 3 }, () => counted('committee', 'recordMeeting', input)))
    const answers = taps.map(ok)
    for (const tap of taps) expect(tap.repeatedReads).toEqual([])
    for (const a of answers) expect(unlinked(a)).toEqual(unlinked(answers[0]))
    const id = answers[0].id
    expect((await db.collection('plan_meetings').where({ _id: id }).count()).total).toBe(1)
    expect((await db.collection('plan_items').where({ meetingId: id }).count()).total).toBe(1)
    expect((await db.collection('audit_log').where({ action: 'plan.recordMeeting', 'target.id': id }).count()).total).toBe(1)

    // Without files, a later tap gets as far as the insert: the primary key refuses it and the transaction's next round answers.
    const plain = { ...input, requestId: rid(), files: [] }
    const first = ok(await counted('committee', 'recordMeeting', plain))
    const again = await counted('committee', 'recordMeeting', plain)
    expect(again.repeatedReads).toEqual([])
    expect(ok(again)).toEqual(first)
    expect((await db.collection('plan_items').where({ meetingId: first.id }).count()).total).toBe(1)
  })

  it('three taps of one publish: one notice, no tap reads the notice or the meeting twice', async () => {
    const m = await must(env, 'committee', 'plan', 'recordMeeting', { requestId: rid(), type: '工会委员会议', date: day(-5), place: '会议室', attendeeIds: [committeeId], agenda: ['经费预算'], minutes: '' })
    const taps = await Promise.all(Array.from({ length: 3 }, () => counted('chair', 'publishMeeting', { id: m.id, revision: m.revision })))
    for (const tap of taps) expect(tap.repeatedReads).toEqual([])
    const done = taps.filter((t) => t.result.ok).map((t) => t.result.data)
    expect(done.length).toBeGreaterThanOrEqual(1)
    const published = await must(env, 'committee', 'plan', 'meeting', { id: m.id })
    for (const d of done) expect(d).toEqual(published)
    for (const refused of taps.filter((t) => !t.result.ok)) expect(refused.result).toMatchObject({ code: 'CONFLICT' })
    expect((await db.collection('notices').where({ title: `${day(-5)} 工会委员会议纪要` }).count()).total).toBe(1)
  })
})

describe('plan items', () => {
  it('an edit reads the item once and answers it as written — a removed date gone, as stored', async () => {
    const added = await must(env, 'committee', 'plan', 'addItem', item(2039, 4, committeeId, { date: '2039-04-10', title: '春季运动会' }))
    const edited = await counted('committee', 'editItem', { id: added.id, revision: added.revision, year: 2039, month: 5, title: '春季运动会（改期）', category: '文体活动', ownerId: chairId, note: '改到五月' })
    const e = ok(edited)
    expect(edited.repeatedReads).toEqual([])
    // It was 10 (the item read again to answer).
    expect(edited.dbRequests).toBeLessThanOrEqual(9)
    expect(e).toEqual((await must(env, 'committee', 'plan', 'items', { year: 2039 })).items.find((i: any) => i.id === added.id))
    expect(e).toMatchObject({ month: 5, title: '春季运动会（改期）', ownerName: '王建华', note: '改到五月', revision: 2 })
    expect(e).not.toHaveProperty('date')
    const doc = await stored('plan_items', added.id)
    expect(doc).toMatchObject({ month: 5, ownerId: chairId, ownerName: '王建华', revision: 2 })
    expect(doc).not.toHaveProperty('date')
  })

  it('an edit of a meeting decision’s item (`<meetingId>_d1`) answers the item as stored, its link and meeting kept', async () => {
    const m = await must(env, 'committee', 'plan', 'recordMeeting', {
      requestId: rid(), type: '工会委员会议', date: day(-2), place: '会议室', attendeeIds: [committeeId], agenda: ['议题'], minutes: '',
      decisions: [{ text: '走访退休教师', ownerId: committeeId, due: day(30) }],
    })
    const id = m.decisions[0].itemId
    const [before] = (await must(env, 'committee', 'plan', 'items', { year: Number(day(30).slice(0, 4)) })).items.filter((i: any) => i.id === id)
    const linked = await must(env, 'committee', 'plan', 'linkItem', { id, revision: before.revision, link: { kind: 'meeting', id: m.id } })
    expect(linked.link).toEqual({ kind: 'meeting', id: m.id, title: `${day(-2)} 工会委员会议` })
    const edited = await counted('committee', 'editItem', {
      id, revision: linked.revision, year: linked.year, month: linked.month, date: day(30),
      title: '走访退休教师（两位）', category: '其他', ownerId: committeeId, note: '',
    })
    const e = ok(edited)
    expect(edited.repeatedReads).toEqual([])
    expect(e).toEqual((await must(env, 'committee', 'plan', 'items', { year: linked.year })).items.find((i: any) => i.id === id))
    expect(e).toMatchObject({ title: '走访退休教师（两位）', meetingId: m.id, link: { kind: 'meeting', id: m.id }, status: 'done', revision: linked.revision + 1 })
    expect(await stored('plan_items', id)).toMatchObject({ title: '走访退休教师（两位）', meetingId: m.id, link: { kind: 'meeting', id: m.id }, revision: linked.revision + 1 })
  })
})

describe('the plan and its notice', () => {
  it('adopt and updateNotice read the plan and its notice once, and answer the page a fresh read shows', async () => {
    const year = 2038
    await must(env, 'chair', 'plan', 'save', { year, guidance: [{ type: 'paragraph', text: '围绕学校中心工作' }], focus: [] })
    await must(env, 'committee', 'plan', 'addItem', item(year, 3, committeeId, { title: '三八节活动' }))
    const draft = await must(env, 'chair', 'plan', 'get', { year })

    const adopted = await counted('chair', 'adopt', { year, revision: draft.revision })
    const a = ok(adopted)
    expect(adopted.repeatedReads).toEqual([])
    // It was 24, the notice function's 7 included (the plan, its items and the notice read again to answer).
    expect(adopted.dbRequests).toBeLessThanOrEqual(21)
    expect(a).toEqual(await must(env, 'chair', 'plan', 'get', { year }))
    expect(a).toMatchObject({ state: 'adopted', revision: draft.revision + 1, notice: { id: a.noticeId, version: 1, behind: false } })
    expect(await stored('plans', `plan_${year}`)).toMatchObject({ state: 'adopted', noticeId: a.noticeId, revision: draft.revision + 1 })
    expect(await stored('notices', a.noticeId)).toMatchObject({ state: 'published', version: 1, title: `${year}年工会工作计划` })

    await must(env, 'committee', 'plan', 'addItem', item(year, 9, chairId, { title: '教师节座谈' }))
    expect((await must(env, 'chair', 'plan', 'get', { year })).notice).toMatchObject({ version: 1, behind: true })
    const updated = await counted('chair', 'updateNotice', { year, noticeVersion: 1 })
    const u = ok(updated)
    expect(updated.repeatedReads).toEqual([])
    // It was 16, the notice function's 8 included (the plan, its items and the notice read again to answer).
    expect(updated.dbRequests).toBeLessThanOrEqual(13)
    expect(u).toEqual(await must(env, 'chair', 'plan', 'get', { year }))
    expect(u.notice).toEqual({ id: a.noticeId, version: 2, behind: false })
    const notice = await stored('notices', a.noticeId)
    expect(notice).toMatchObject({ state: 'published', version: 2, correctionCount: 1 })
    expect(JSON.stringify(notice.body)).toContain('教师节座谈')
  })
})

describe('the 台帐 build', () => {
  /** a year no other test here records anything in: the same parts, whatever runs before */
  const YEAR_EMPTY = 2040
  const archive = (requestId: string) => counted('chair', 'archive', { year: YEAR_EMPTY, requestId })

  it('a new build reads its job once per call', async () => {
    const requestId = rid()
    const calls: Counted[] = []
    for (;;) {
      const call = await archive(requestId)
      calls.push(call)
      expect(call.repeatedReads).toEqual([])
      if (ok(call).state === 'ready') break
    }
    // An empty year is built in one call. It was 42: the job read again after taking the lease and after the last part.
    expect(calls).toHaveLength(1)
    expect(calls[0].dbRequests).toBeLessThanOrEqual(40)
    const again = await archive(requestId)
    expect(again.repeatedReads).toEqual([])
    expect(ok(again).state).toBe('ready')
  })

  it('three callers of one new build: one job, one zip, and no call reads the job twice', async () => {
    const requestId = rid()
    const carry = async () => {
      for (;;) {
        const call = await archive(requestId)
        expect(call.repeatedReads).toEqual([])
        const out = ok(call)
        if (out.state === 'ready') return out
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    const outs = await Promise.all([carry(), carry(), carry()])
    expect(new Set(outs.map((o) => o.fileId)).size).toBe(1)
    expect((await stored('plan_archive_jobs', createdId(persona('chair').openid, 'plan.archive', requestId))).result.fileId).toBe(outs[0].fileId)
  })

  it('a build picked up after its worker died reads the job once, files every part and answers as a fresh build', async () => {
    const whole = await buildArchive(env, YEAR_EMPTY)
    const finished = (await db.collection('plan_archive_jobs').where({ 'result.fileId': whole.out.fileId }).get()).data[0]
    // What a worker killed right after taking a new build leaves, its lease run out.
    const requestId = rid()
    const id = createdId(persona('chair').openid, 'plan.archive', requestId)
    const { _id: _finishedId, result: _result, ...planned } = finished
    await db.collection('plan_archive_jobs').add({ data: { ...planned, _id: id, state: 'building', next: 0, parts: [], leaseToken: 'killed', leaseUntil: new Date(Date.now() - 1000) } })
    const resumed = await archive(requestId)
    expect(resumed.repeatedReads).toEqual([])
    // It was 37: the job read again after taking the lease and after the last part.
    expect(resumed.dbRequests).toBeLessThanOrEqual(35)
    const out = ok(resumed)
    expect(out).toMatchObject({ state: 'ready', fileName: `${YEAR_EMPTY}年工会台帐.zip`, files: whole.out.files })
    expect(await stored('plan_archive_jobs', id)).toMatchObject({ state: 'ready', next: finished.steps.length, parts: expect.any(Array), result: { fileId: out.fileId } })
    expect((await stored('plan_archive_jobs', id)).parts).toHaveLength(finished.steps.length)
  })
})
