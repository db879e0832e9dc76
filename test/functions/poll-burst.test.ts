/**
 * One member, one ballot under load, through the function runner (4 warm instances) and the real
 * SDK. Run on PGlite and, with LOCAL_CLOUD_DATABASE_URL, on the PostgreSQL server (where
 * transactions really run side by side and conflict).
 *
 * Why a naive casting would fail here: with every instance warm, a member's 5 simultaneous taps
 * run on different instances at the same moment; "look for a receipt, then insert the ballot,
 * then the receipt" lets several taps pass the look-up before any receipt exists, so the member
 * gets several ballots (the last test shows exactly that with such a sequence). The counts (1,001
 * voters, 5 taps, 53 members) are not multiples of the 4 instances, so no lock-step batching
 * can hide a double.
 */
import crypto from 'node:crypto'
import { newEnvName, sdkFor } from '../support/cloud'
import { addChair, addPeople, call, expectOneBallotEach, must, openedPoll, rowsOf, voteDraft, type Person } from './poll-support'

jest.setTimeout(900_000)

const env = newEnvName('poll-burst')
const { db } = sdkFor(env)
const CHOICES = ['for', 'against', 'abstain'] as const

/** Every instance of the function is started before the burst (a cold pool lets one instance serve everything). */
async function warm(pollId: string, who: Person): Promise<void> {
  await Promise.all(Array.from({ length: 12 }, () => call(env, who.openid, 'detail', { id: pollId })))
}

describe('1,001 members casting at once', () => {
  let chair: Person
  let voters: Person[]
  let poll: any
  let answers: any[]

  beforeAll(async () => {
    chair = await addChair(db, 'b')
    voters = await addPeople(db, 'b', 1001)
    poll = await openedPoll(env, chair, voteDraft({ title: '千人票决', items: [{ name: '事项一' }] }))
    await warm(poll.id, chair)
    answers = await Promise.all(voters.map((v, i) => call(env, v.openid, 'cast', { id: poll.id, ballot: { votes: [{ itemId: poll.items[0].id, choice: CHOICES[i % 3] }] } })))
  })

  it('answers every voter with a tracker of their own', () => {
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(new Set(answers.map((a) => a.data.tracker)).size).toBe(1001)
  })

  it('stores exactly one ballot per member, and receipts equal ballots', async () => {
    const { receipts, cast } = await expectOneBallotEach(db, poll.id)
    expect(receipts.length).toBe(1001)
    expect(cast.length).toBe(1001)
    expect(new Set(cast.map((b) => b.tracker))).toEqual(new Set(answers.map((a) => a.data.tracker)))
  })

  it('counts exactly what was cast', async () => {
    await must(env, chair.openid, 'close', { id: poll.id })
    const r = await must(env, chair.openid, 'results', { id: poll.id })
    expect(r.vote[0]).toMatchObject({ for: 334, against: 334, abstain: 333 })
    expect(r).toMatchObject({ ballots: 1001, receipts: 1001, rosterSize: 1002 })
  })
})

describe('53 members tapping 5 times at once', () => {
  let poll: any
  let voters: Person[]
  let taps: Array<{ who: Person; choice: string; answer: any }>

  beforeAll(async () => {
    const chair = await addChair(db, 't')
    voters = await addPeople(db, 't', 53)
    poll = await openedPoll(env, chair, voteDraft({ title: '连点测试', electorate: { kind: 'members', memberIds: voters.map((v) => v.memberId) }, items: [{ name: '事项一' }] }))
    await warm(poll.id, voters[0])
    const plan = voters.flatMap((who) => CHOICES.concat(['for', 'against']).map((choice) => ({ who, choice })))
    taps = await Promise.all(plan.map(async (t) => ({ ...t, answer: await call(env, t.who.openid, 'cast', { id: poll.id, ballot: { votes: [{ itemId: poll.items[0].id, choice: t.choice }] } }) })))
  })

  it('accepts exactly one tap per member and tells the others "你已投过票"', () => {
    for (const who of voters) {
      const mine = taps.filter((t) => t.who === who)
      expect(mine.filter((t) => t.answer.ok)).toHaveLength(1)
      for (const t of mine.filter((x) => !x.answer.ok)) expect(t.answer).toMatchObject({ code: 'CONFLICT', message: '你已投过票，每人只能投一次' })
    }
  })

  it('stores one ballot each, holding the choice of the tap that was accepted', async () => {
    const { cast } = await expectOneBallotEach(db, poll.id)
    expect(cast.length).toBe(53)
    const byTracker = new Map(cast.map((b) => [b.tracker, b.choices.votes[0]]))
    for (const t of taps.filter((x) => x.answer.ok)) expect(byTracker.get(t.answer.data.tracker)).toBe(t.choice)
  })

  it('a naive look-then-insert under the same taps leaves extra ballots (the checks above would catch it)', async () => {
    const pollId = crypto.randomBytes(16).toString('hex')
    await Promise.all(voters.flatMap((who) => [1, 2, 3, 4, 5].map(async () => {
      const seen = await db.collection('poll_receipts').where({ pollId, memberId: who.memberId }).count()
      if (seen.total > 0) return
      await db.collection('poll_ballots').add({ data: { pollId, round: 1, state: 'cast', choices: { votes: ['for'] }, tracker: crypto.randomBytes(4).toString('hex') } })
      await db.collection('poll_receipts').add({ data: { _id: `${pollId}_${who.memberId}`, pollId, memberId: who.memberId } }).catch(() => undefined)
    })))
    const [receipts, ballots] = await Promise.all([rowsOf(db, 'poll_receipts', pollId), rowsOf(db, 'poll_ballots', pollId)])
    expect(receipts.length).toBe(53)
    expect(ballots.length).toBeGreaterThan(53)
  })
})
