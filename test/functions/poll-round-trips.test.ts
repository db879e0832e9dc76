/**
 * Round trips (#18.1) for casting a ballot: in production each database request from a function is
 * a network round trip. The poll and the voter read for the checks are not read again to look for
 * the first slot, the slot is looked for in one request, and nothing is read inside the transaction
 * that the receipt's primary key already decides: a phone ballot is at most 10 requests (the caller's
 * member look-up included; it was 13–14), a 评议码 ballot at most 12 (it was 15–16). The answers and
 * what is stored are checked too, so a count met by doing less fails.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { invokeCounted } from './helpers'
import { addChair, addPeople, appraisalDraft, expectOneBallotEach, gradesBallot, must, openedPoll, requestId, slipCodes, type Person } from './poll-support'

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
