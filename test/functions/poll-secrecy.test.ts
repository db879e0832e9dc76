/**
 * Nothing before the close: on an open poll with ballots in, every action of the poll function is
 * called by every kind of caller (visitor … chair, removed member) with a real input, and no
 * answer, file or message carries any part of a tally — no count, no grade, no tracker of a cast
 * ballot. The results, comments, ballot list, tracker look-up and reports refuse everyone.
 * (`close` itself is the one action that ends the secrecy; it is left out.)
 */
import { routes } from '../../cloudfunctions/poll/routes'
import { callerKinds, callerOpenids } from './callers'
import { seededEnv } from './helpers'
import { appraisalDraft, call, gradesBallot, must, openedPoll, outbox, requestId, trigger } from './poll-support'

jest.setTimeout(300_000)

/** Words and keys that only a tally or a ballot would contain. */
const TALLY = ['"counts":', '"graded":', '"appraisal":', '"election":', '"vote":', '"votes":', '"blank":', 'excellent', 'competent', '"basic"', 'incompetent']

describe('no tally before the close, by any action or role', () => {
  let env: string
  let poll: any
  const trackers: string[] = []
  const answers: Array<{ action: string; caller: string; answer: any }> = []

  beforeAll(async () => {
    env = (await seededEnv('poll-secrecy')).env
    const openids = callerOpenids()
    const chair = { openid: openids.chair, memberId: '', name: '' }
    poll = await openedPoll(env, chair, appraisalDraft({ title: '保密测试' }))
    for (const [i, openid] of ['o_seed_006', 'o_seed_007', 'o_seed_008', 'o_seed_009', 'o_seed_010', 'o_seed_011', 'o_seed_012'].entries()) {
      trackers.push((await must(env, openid, 'cast', { id: poll.id, ballot: gradesBallot(poll.items, i < 4 ? 'incompetent' : 'excellent', '保密评语') })).tracker)
    }
    const id = poll.id
    const inputs: Record<string, Record<string, unknown>> = {
      list: { page: 1 }, detail: { id }, cast: { id, ballot: gradesBallot(poll.items, 'basic') }, checkSlip: { id, code: '23456-789AB' },
      castBySlip: { id, code: '23456-789AB', ballot: gradesBallot(poll.items, 'basic') }, results: { id }, comments: { id, itemId: 'i1', page: 1 },
      ballots: { id, page: 1 }, findBallot: { id, tracker: trackers[0] }, manageList: { page: 1 }, console: { id },
      save: { ...appraisalDraft(), id, revision: poll.revision }, discard: { id, revision: poll.revision }, previewElectorate: { electorate: { kind: 'all' } },
      delegateSessions: {}, report: { id, format: 'docx' }, open: { id, revision: poll.revision }, publish: { id, publicityDays: 3 }, runoff: { id },
      printSlips: { id, count: 2, requestId: requestId() }, issueSlip: { id, memberId: 'mem020' }, nonVoters: { id, page: 1 }, remind: { id }, sendReminders: {},
    }
    for (const action of Object.keys(routes).filter((a) => a !== 'close')) {
      if (!inputs[action]) throw new Error(`no input for poll.${action}: add one`)
      for (const caller of callerKinds) answers.push({ action, caller, answer: await call(env, openids[caller], action, inputs[action]) })
    }
    answers.push({ action: 'report(xlsx)', caller: 'chair', answer: await call(env, openids.chair, 'report', { id, format: 'xlsx' }) })
    answers.push({ action: 'sendReminders(timer)', caller: 'timer', answer: await trigger(env, 'sendReminders') })
  })

  it('tried every action (but close) as every kind of caller', () => {
    expect(new Set(answers.map((a) => a.action)).size).toBe(Object.keys(routes).length - 1 + 2)
    expect(answers.filter((a) => a.answer.ok).length).toBeGreaterThan(20)
  })

  it('no answer holds a count, a grade or the tracker of a cast ballot', () => {
    for (const { action, caller, answer } of answers) {
      const text = JSON.stringify(answer)
      const found = [...TALLY, ...trackers].filter((needle) => text.includes(needle))
      expect({ action, caller, found }).toEqual({ action, caller, found: [] })
    }
  })

  it('results, comments, the ballot list, the tracker look-up and the reports refuse everyone', () => {
    for (const { action, caller, answer } of answers.filter((a) => /^(results|comments|ballots|findBallot|report)/.test(a.action))) {
      expect({ action, caller, ok: answer.ok }).toEqual({ action, caller, ok: false })
    }
  })

  it('turnout is the only figure: receipts over the roster', async () => {
    const d = await must(env, 'o_seed_013', 'detail', { id: poll.id })
    expect(d.turnout.receipts).toBeGreaterThanOrEqual(7)
    expect(Object.keys(d).sort()).not.toContain('results')
  })

  it('no reminder message carries a tally either', async () => {
    const messages = await outbox(env)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) for (const needle of [...TALLY, ...trackers]) expect(JSON.stringify(m)).not.toContain(needle)
  })
})
