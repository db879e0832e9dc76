/**
 * Round trips (#18.1) for casting a ballot: in production each database request from a function is
 * a network round trip. The poll and the voter read for the checks are not read again to look for
 * the first slot, the slot is looked for in one request, and nothing is read inside the transaction
 * that the receipt's primary key already decides: a phone ballot is at most 10 requests (the caller's
 * member look-up included; it was 13–14), a 评议码 ballot at most 12 (it was 15–16). The answers and
 * what is stored are checked too, so a count met by doing less fails.
 *
 * The chair's steps read each document once (#18, usage.repeatedReads): opening and closing answer
 * with the poll as their own conditional update and transaction wrote it, and printing answers with
 * the slip file its transaction wrote (or found). Each answer is compared with a fresh read of the
 * same poll (poll.console), so an answer that drifted from what is stored fails.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { invokeCounted } from './helpers'
import { addChair, addPeople, appraisalDraft, expectOneBallotEach, gradesBallot, must, openedPoll, requestId, rowsOf, slipCodes, type Person } from './poll-support'

jest.setTimeout(120_000)

const env = newEnvName('poll-rt')
const { db } = sdkFor(env)
let chair: Person
let people: Person[]
let poll: any
const cast = (who: Person, action: string, input: Record<string, unknown>) => invokeCounted(env, who.openid, 'poll', { action, id: poll.id, ...input })

beforeAll(async () => {
  chair = await addChair(db, 'rt')
  people = await addPeople(db, 'rt', 4)
  poll = await openedPoll(env, chair, appraisalDraft({ title: '往返测评', electorate: { kind: 'members', memberIds: people.map((p) => p.memberId) } }))
  // Warm the instance: a cold start is not what this counts.
  await must(env, people[0].openid, 'detail', { id: poll.id })
})

it('a phone ballot: at most 10 requests, the ballot stored and the voter marked', async () => {
  const out = await cast(people[0], 'cast', { ballot: gradesBallot(poll.items, 'competent') })
  expect(out.result).toMatchObject({ ok: true, data: { pollId: poll.id, tracker: expect.any(String) } })
  expect(out.dbRequests).toBeLessThanOrEqual(10)
  expect(out.repeatedReads).toEqual([])
  const again = await cast(people[0], 'cast', { ballot: gradesBallot(poll.items, 'basic') })
  expect(again.result).toMatchObject({ ok: false, message: '你已投过票，每人只能投一次' })
  const elector = (await db.collection('poll_electors').where({ pollId: poll.id, memberId: people[0].memberId }).get()).data[0]
  expect(elector.voted).toBe(true)
  const { cast: ballots } = await expectOneBallotEach(db, poll.id)
  expect(ballots).toHaveLength(1)
  expect(ballots[0].tracker).toBe(out.result.data.tracker)
})

it('a 评议码 ballot: at most 12 requests, the slip used once', async () => {
  const printed = await must(env, chair.openid, 'printSlips', { id: poll.id, count: 1, requestId: requestId() })
  const [code] = await slipCodes(printed.url)
  await must(env, chair.openid, 'issueSlip', { id: poll.id, memberId: people[1].memberId })
  const out = await cast(people[2], 'castBySlip', { code, ballot: gradesBallot(poll.items, 'excellent') })
  expect(out.result).toMatchObject({ ok: true, data: { pollId: poll.id, tracker: expect.any(String) } })
  expect(out.dbRequests).toBeLessThanOrEqual(12)
  expect(out.repeatedReads).toEqual([])
  const again = await cast(people[2], 'castBySlip', { code, ballot: gradesBallot(poll.items, 'excellent') })
  expect(again.result).toMatchObject({ ok: false, message: '这张评议码已经用过了' })
  expect((await db.collection('polls').doc(poll.id).get()).data).toMatchObject({ slipsIssued: 1, slipsUsed: 1 })
  const { cast: ballots } = await expectOneBallotEach(db, poll.id)
  expect(ballots).toHaveLength(2)
})

describe('the chair\'s steps read each document once', () => {
  const byChair = (action: string, input: Record<string, unknown>) => invokeCounted(env, chair.openid, 'poll', { action, ...input })
  const stored = async (id: string) => (await db.collection('polls').doc(id).get()).data
  const freshConsole = (id: string) => must(env, chair.openid, 'console', { id })
  const auditCount = async (action: string, id: string) => (await db.collection('audit_log').where({ action, 'target.id': id }).count()).total
  const ours = (title: string) => appraisalDraft({ title, electorate: { kind: 'members', memberIds: people.map((p) => p.memberId) } })
  const draftOf = (title: string) => must(env, chair.openid, 'save', { ...ours(title), requestId: requestId() })

  it('open: at most 16 requests (it was 18), answering the poll as the opening wrote it; a repeated tap answers the same', async () => {
    const saved = await draftOf('往返开始')
    const out = await byChair('open', { id: saved.id, revision: saved.revision })
    expect(out.result).toMatchObject({ ok: true, data: { id: saved.id, state: 'open', electorate: { size: people.length } } })
    expect(out.repeatedReads).toEqual([])
    expect(out.dbRequests).toBeLessThanOrEqual(16)
    expect(out.result.data).toEqual(await freshConsole(saved.id))
    const p = await stored(saved.id)
    expect(p).toMatchObject({ state: 'open', rosterSize: people.length })
    expect(new Date(p.openedAt).toISOString()).toBe(out.result.data.openedAt)
    expect(await rowsOf(db, 'poll_ballots', saved.id)).toHaveLength(people.length)
    const again = await byChair('open', { id: saved.id, revision: saved.revision })
    expect(again.result).toEqual(out.result)
    expect(again.repeatedReads).toEqual([])
    expect(await auditCount('poll.open', saved.id)).toBe(1)
  })

  it('open: finishes an opening a killed run left in at most 15 requests (it was 16), reading the poll once', async () => {
    const saved = await draftOf('往返续开')
    // As a run killed after step 1 leaves it: opening, nothing frozen yet.
    await db.collection('polls').doc(saved.id).update({ data: { state: 'opening' } })
    const out = await byChair('open', { id: saved.id, revision: saved.revision })
    expect(out.result).toMatchObject({ ok: true, data: { id: saved.id, state: 'open', electorate: { size: people.length } } })
    expect(out.repeatedReads).toEqual([])
    expect(out.dbRequests).toBeLessThanOrEqual(15)
    expect(out.result.data).toEqual(await freshConsole(saved.id))
    expect(await stored(saved.id)).toMatchObject({ state: 'open', rosterSize: people.length })
  })

  it('close: at most 16 requests (it was 19), answering the poll as the closing wrote it, its slip file voided; a repeated tap answers the same', async () => {
    const opened = await openedPoll(env, chair, ours('往返结束'))
    const printed = await must(env, chair.openid, 'printSlips', { id: opened.id, count: 1, requestId: requestId() })
    for (const who of people.slice(0, 3)) await must(env, who.openid, 'cast', { id: opened.id, ballot: gradesBallot(opened.items, 'competent') })
    const out = await byChair('close', { id: opened.id })
    expect(out.result).toMatchObject({ ok: true, data: { id: opened.id, state: 'closed', outcome: 'valid', turnout: { receipts: 3, rosterSize: people.length } } })
    expect(out.repeatedReads).toEqual([])
    expect(out.dbRequests).toBeLessThanOrEqual(16)
    expect(out.result.data).toEqual(await freshConsole(opened.id))
    const p = await stored(opened.id)
    expect(p).toMatchObject({ state: 'closed', outcome: 'valid', slipFilesVoided: true })
    expect(new Date(p.closedAt).toISOString()).toBe(out.result.data.closedAt)
    expect(await (await fetch(printed.url)).text()).toContain('评议码已作废')
    expect((await db.collection('poll_results').doc(opened.id).get()).data).toMatchObject({ ballots: 3, receipts: 3 })
    const again = await byChair('close', { id: opened.id })
    expect(again.result).toEqual(out.result)
    expect(again.repeatedReads).toEqual([])
    expect(await auditCount('poll.close', opened.id)).toBe(1)
  })

  it('close: a repeated tap voids the slip files a killed close left readable in at most 5 requests (it was 6), reading the poll once', async () => {
    const opened = await openedPoll(env, chair, ours('往返补作废'))
    const printed = await must(env, chair.openid, 'printSlips', { id: opened.id, count: 2, requestId: requestId() })
    // As the close transaction leaves it when the run dies right after.
    await db.collection('polls').doc(opened.id).update({ data: { state: 'closed', outcome: 'void', closedAt: new Date() } })
    const out = await byChair('close', { id: opened.id })
    expect(out.result).toMatchObject({ ok: true, data: { id: opened.id, state: 'closed', outcome: 'void' } })
    expect(out.repeatedReads).toEqual([])
    expect(out.dbRequests).toBeLessThanOrEqual(5)
    expect(out.result.data).toEqual(await freshConsole(opened.id))
    expect(await stored(opened.id)).toMatchObject({ slipFilesVoided: true })
    expect(await (await fetch(printed.url)).text()).toContain('评议码已作废')
  })

  it('printSlips: at most 11 requests (it was 12), answering the file its transaction wrote; a retry, and two taps at once, hand back that same file', async () => {
    const opened = await openedPoll(env, chair, ours('往返打印'))
    const rid = requestId()
    const out = await byChair('printSlips', { id: opened.id, count: 2, requestId: rid })
    expect(out.result).toMatchObject({ ok: true, data: { fileName: '评议码-往返打印.docx', count: 2, url: expect.any(String) } })
    expect(out.repeatedReads).toEqual([])
    expect(out.dbRequests).toBeLessThanOrEqual(11)
    const codes = await slipCodes(out.result.data.url)
    expect(codes).toHaveLength(2)
    const [batch] = (await db.collection('poll_slip_batches').where({ pollId: opened.id }).get()).data
    expect(batch).toMatchObject({ count: 2, fileName: '评议码-往返打印.docx', fileId: expect.any(String) })
    const retried = await byChair('printSlips', { id: opened.id, count: 2, requestId: rid })
    expect(retried.repeatedReads).toEqual([])
    expect(await slipCodes(retried.result.data.url)).toEqual(codes)

    const twice = requestId()
    const both = await Promise.all([1, 2].map(() => byChair('printSlips', { id: opened.id, count: 1, requestId: twice })))
    for (const b of both) expect(b.repeatedReads).toEqual([])
    const [first, second] = await Promise.all(both.map((b) => slipCodes(b.result.data.url)))
    expect(second).toEqual(first)
    expect(await stored(opened.id)).toMatchObject({ slipsPrinted: 3 })
    expect((await freshConsole(opened.id)).slips).toEqual({ printed: 3, issued: 0, used: 0 })
    expect(await auditCount('poll.printSlips', opened.id)).toBe(2)
  })
})
