/**
 * The session's record: its agenda, and its 票决 — every poll whose electorate is the session's 代表,
 * created and opened through the poll function, listed with its state (drafts and other sessions'
 * polls are not), so the session page can link to each result.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { callAs } from './helpers'
import { voteDraft } from './poll-support'
import { inDays, must, requestId, stage, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congresssession')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 's', 3)
})

const poll = async (action: string, input: Record<string, unknown>) => {
  const r = await callAs(env, { openid: st.chair.openid }, 'poll', { action, ...input })
  if (!r.ok) throw new Error(`poll.${action}: ${r.code} ${r.message}`)
  return r.data
}

describe('the session record', () => {
  it('lists the 票决 of the session’s 代表 with their state; not drafts, not other electorates', async () => {
    const mine = await poll('save', { ...voteDraft({ title: '绩效工资分配方案票决', electorate: { kind: 'delegates', sessionId: st.sessionId } }), requestId: requestId() })
    await poll('open', { id: mine.id, revision: mine.revision })
    await poll('save', { ...voteDraft({ title: '还没开始的票决', electorate: { kind: 'delegates', sessionId: st.sessionId } }), requestId: requestId() })
    const everyone = await poll('save', { ...voteDraft({ title: '全体会员的票决' }), requestId: requestId() })
    await poll('open', { id: everyone.id, revision: everyone.revision })

    const s = await must(env, st.outsider, 'session', { sessionId: st.sessionId })
    expect(s.polls).toEqual([{ id: mine.id, title: '绩效工资分配方案票决', state: '投票中', closesOn: inDays(3), done: false }])
  })

  it('keeps the agenda and the review period the chair sets', async () => {
    const s = await must(env, st.chair, 'session', { sessionId: st.sessionId })
    await must(env, st.chair, 'saveSession', {
      id: st.sessionId, revision: s.revision, term: s.term, meeting: s.meeting, title: s.title, meetingDate: s.meetingDate, collectFrom: s.collectFrom,
      collectTo: s.collectTo, minSeconds: s.minSeconds, reviewDays: 10, agenda: ['听取和审议学校工作报告', '审议绩效工资分配方案'],
    })
    expect(await must(env, st.outsider, 'session', { sessionId: st.sessionId })).toMatchObject({ reviewDays: 10, agenda: ['听取和审议学校工作报告', '审议绩效工资分配方案'] })
  })
})
