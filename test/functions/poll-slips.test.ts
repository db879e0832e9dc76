/**
 * 评议码 slips for voters without a smartphone: printed unnamed, handed out by the chair (which
 * writes the member's receipt), each used once on a shared device. Slips used never exceed slips
 * handed out, and receipts never exceed the frozen roster — also when several devices try the
 * same codes at once.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { addChair, addPeople, appraisalDraft, call, expectOneBallotEach, gradesBallot, must, openedPoll, requestId, rowsOf, slipCodes, trigger, type Person } from './poll-support'

jest.setTimeout(300_000)

const env = newEnvName('poll-slips')
const { db } = sdkFor(env)
let chair: Person
let people: Person[]
let poll: any
let codes: string[]
let fileUrl = ''

beforeAll(async () => {
  chair = await addChair(db, 's')
  people = await addPeople(db, 's', 7)
  poll = await openedPoll(env, chair, appraisalDraft({ title: '评议码测评', electorate: { kind: 'members', memberIds: people.map((p) => p.memberId) } }))
})

const ballot = () => gradesBallot(poll.items, 'competent')

it('prints unnamed one-time codes once per request, as a Word file', async () => {
  const rid = requestId()
  const [a, b] = await Promise.all([must(env, chair.openid, 'printSlips', { id: poll.id, count: 3, requestId: rid }), must(env, chair.openid, 'printSlips', { id: poll.id, count: 3, requestId: rid })])
  fileUrl = a.url
  codes = await slipCodes(a.url)
  expect(codes).toHaveLength(3)
  expect(new Set(codes).size).toBe(3)
  expect(await slipCodes(b.url)).toEqual(codes)
  expect((await db.collection('polls').doc(poll.id).get()).data.slipsPrinted).toBe(3)
  const stored = await rowsOf(db, 'poll_slips', poll.id)
  expect(stored.length).toBeGreaterThanOrEqual(3)
  for (const s of stored) {
    expect(Object.keys(s).sort()).toEqual(['_id', 'pollId', 'used'])
    for (const c of codes) expect(JSON.stringify(s)).not.toContain(c)
  }
})

it('a code cannot vote before the chair hands a slip to someone', async () => {
  const r = await call(env, people[6].openid, 'checkSlip', { id: poll.id, code: codes[0] })
  expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(r.message).toContain('请先由主席登记')
  const wrong = await call(env, people[6].openid, 'checkSlip', { id: poll.id, code: 'ZZZZZ-ZZZZZ' })
  expect(wrong).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '评议码不对，请核对纸条上的评议码' })
})

it('handing a slip to a member writes their receipt: no phone vote for them afterwards, and no second slip', async () => {
  const out = await must(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[0].memberId })
  expect(out).toEqual({ issued: 1, name: people[0].name })
  const phone = await call(env, people[0].openid, 'cast', { id: poll.id, ballot: ballot() })
  expect(phone).toMatchObject({ ok: false, code: 'CONFLICT', message: '你已投过票，每人只能投一次' })
  const again = await call(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[0].memberId })
  expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
  await must(env, people[1].openid, 'cast', { id: poll.id, ballot: ballot() })
  const voted = await call(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[1].memberId })
  expect(voted.message).toContain('已经投过票或已领过评议码')
  const audit = (await db.collection('audit_log').where({ action: 'poll.issueSlip', 'target.id': poll.id }).get()).data
  expect(audit).toHaveLength(1)
  expect(JSON.stringify(audit[0])).not.toMatch(new RegExp(codes.join('|')))
})

it('a handed-out slip casts one ballot on any device; the same code again is refused', async () => {
  const device = people[5].openid // any signed-in phone at the venue
  expect(await must(env, device, 'checkSlip', { id: poll.id, code: codes[1] })).toMatchObject({ usable: true })
  const r = await must(env, device, 'castBySlip', { id: poll.id, code: codes[1].toLowerCase(), ballot: ballot() })
  expect(r.tracker).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
  const twice = await call(env, device, 'castBySlip', { id: poll.id, code: codes[1], ballot: ballot() })
  expect(twice).toMatchObject({ ok: false, code: 'CONFLICT', message: '这张评议码已经用过了' })
  // The device owner's own receipt is untouched: they can still vote for themselves.
  expect((await must(env, device, 'detail', { id: poll.id })).me).toEqual({ eligible: true, voted: false })
})

it('several devices trying the remaining codes at once cast exactly as many ballots as slips were handed out', async () => {
  await must(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[2].memberId })
  const refused = await call(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[3].memberId })
  expect(refused.ok).toBe(true)
  const more = await call(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[4].memberId })
  expect(more.message).toContain('打印的评议码已经全部发出')
  // Two handed-out slips are unused; a third code is tried too: 3 codes from 3 devices each.
  const extra = await must(env, chair.openid, 'printSlips', { id: poll.id, count: 1, requestId: requestId() })
  const tries = await Promise.all([codes[0], codes[2], (await slipCodes(extra.url))[0]].flatMap((code) => [4, 5, 6].map((k) => call(env, people[k].openid, 'castBySlip', { id: poll.id, code, ballot: ballot() }))))
  expect(tries.filter((t) => t.ok)).toHaveLength(2)
  const p = (await db.collection('polls').doc(poll.id).get()).data
  expect({ issued: p.slipsIssued, used: p.slipsUsed }).toEqual({ issued: 3, used: 3 })
  const { receipts, cast } = await expectOneBallotEach(db, poll.id)
  expect(receipts.length).toBe(4) // three slips + one phone vote
  expect(cast.length).toBe(4)
  expect(receipts.length).toBeLessThanOrEqual(p.rosterSize)
})

it('closing voids the printed file and the codes', async () => {
  await must(env, chair.openid, 'close', { id: poll.id })
  const body = await (await fetch(fileUrl)).text()
  expect(body).toContain('评议码已作废')
  const r = await call(env, people[4].openid, 'castBySlip', { id: poll.id, code: codes[0], ballot: ballot() })
  expect(r.ok).toBe(false)
  const results = await must(env, chair.openid, 'results', { id: poll.id })
  expect(results).toMatchObject({ receipts: 4, ballots: 4, slipsUsed: 3 })
})

describe('a close that died before its slip files were overwritten', () => {
  /** A poll with printed slips, left as the close transaction leaves it when the run dies right after. */
  async function closedWithReadableSlips(title: string): Promise<{ id: string; url: string }> {
    const p = await openedPoll(env, chair, appraisalDraft({ title, electorate: { kind: 'members', memberIds: people.map((x) => x.memberId) } }))
    const printed = await must(env, chair.openid, 'printSlips', { id: p.id, count: 2, requestId: requestId() })
    await db.collection('polls').doc(p.id).update({ data: { state: 'closed', outcome: 'void', closedAt: new Date() } })
    expect(await slipCodes(printed.url)).toHaveLength(2)
    return { id: p.id, url: printed.url }
  }
  const voided = async (p: { id: string; url: string }) => ({
    file: (await (await fetch(p.url)).text()).includes('评议码已作废'),
    marked: (await db.collection('polls').doc(p.id).get()).data.slipFilesVoided === true,
  })

  it('the next tap of 结束 overwrites them', async () => {
    const p = await closedWithReadableSlips('评议码补作废一')
    await must(env, chair.openid, 'close', { id: p.id })
    expect(await voided(p)).toEqual({ file: true, marked: true })
  })

  it('else the poll timer does, once', async () => {
    const p = await closedWithReadableSlips('评议码补作废二')
    const first = await trigger(env, 'sendReminders')
    expect(first).toMatchObject({ ok: true, data: { voidedSlipFiles: 1 } })
    expect(await voided(p)).toEqual({ file: true, marked: true })
    expect(await trigger(env, 'sendReminders')).toMatchObject({ ok: true, data: { voidedSlipFiles: 0 } })
  })
})
