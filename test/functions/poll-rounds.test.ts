/**
 * Validity and rounds through the function: a poll below quorum is void and shows no figures; a
 * 评选 tie goes to a run-off between the tied on the same frozen roster; a 票决 measured against
 * the electorate; comments withheld where fewer than 5 ballots graded a subject; reminders to
 * those who have not voted (and only them); the poll lines of the committee's 工作台.
 */
import { createContext } from '../../cloudfunctions/_shared/context'
import { deskItems } from '../../cloudfunctions/poll/desk'
import { newEnvName, sdkFor } from '../support/cloud'
import {
  addChair, addPeople, appraisalDraft, call, electionDraft, must, openedPoll, outbox, trigger, voteDraft, type Person,
} from './poll-support'

jest.setTimeout(300_000)

const env = newEnvName('poll-rounds')
const { db } = sdkFor(env)
let chair: Person
let people: Person[]
const only = (list: Person[]) => ({ kind: 'members', memberIds: list.map((p) => p.memberId) })

beforeAll(async () => {
  chair = await addChair(db, 'r')
  people = await addPeople(db, 'r', 9)
})

it('is void below quorum: turnout only, no counts, no ballot list; the notice says so', async () => {
  const poll = await openedPoll(env, chair, appraisalDraft({ title: '人数不足', electorate: only(people.slice(0, 6)) }))
  for (const who of people.slice(0, 3)) await must(env, who.openid, 'cast', { id: poll.id, ballot: { grades: poll.items.map((it: any) => ({ itemId: it.id, grade: 'excellent' })) } })
  const closed = await must(env, chair.openid, 'close', { id: poll.id })
  expect(closed.outcome).toBe('void')
  const r = await must(env, people[0].openid, 'results', { id: poll.id })
  expect(r).toMatchObject({ outcome: 'void', ballots: 3, rosterSize: 6, quorum: { rule: 'half', needed: 4, met: false } })
  expect(r.appraisal).toBeUndefined()
  expect((await call(env, people[0].openid, 'ballots', { id: poll.id, page: 1 })).message).toContain('结果无效')
  const { noticeId } = await must(env, chair.openid, 'publish', { id: poll.id, publicityDays: 3 })
  const notice = (await db.collection('notices').doc(noticeId).get()).data
  const text = JSON.stringify(notice.body)
  expect(text).toContain('未达到，本次投票无效')
  expect(notice.body.some((b: any) => b.type === 'table')).toBe(false)
})

it('withholds the comments of a subject graded on fewer than 5 ballots', async () => {
  const poll = await openedPoll(env, chair, appraisalDraft({ title: '评语门槛', electorate: only(people.slice(0, 7)) }))
  for (const [i, who] of people.slice(0, 7).entries()) {
    // The second subject is 不了解 to all but three voters.
    const grades = poll.items.map((it: any, k: number) => ({ itemId: it.id, grade: k === 1 && i > 2 ? 'unknown' : 'competent', comment: `第${i}位的评语` }))
    await must(env, who.openid, 'cast', { id: poll.id, ballot: { grades } })
  }
  await must(env, chair.openid, 'close', { id: poll.id })
  const r = await must(env, chair.openid, 'results', { id: poll.id })
  const [first, second] = r.appraisal
  expect(first).toMatchObject({ graded: 7, comments: 7, commentsWithheld: false })
  expect(second).toMatchObject({ graded: 3, comments: 0, commentsWithheld: true })
  expect((await must(env, chair.openid, 'comments', { id: poll.id, itemId: second.itemId, page: 1 })).total).toBe(0)
  const shown = await must(env, chair.openid, 'comments', { id: poll.id, itemId: first.itemId, page: 1 })
  expect(shown.items.map((c: any) => c.text).sort()).toEqual(people.slice(0, 7).map((_p, i) => `第${i}位的评语`).sort())
  const list = await must(env, chair.openid, 'ballots', { id: poll.id, page: 1 })
  expect(JSON.stringify(list)).not.toContain('评语')
})

it('sends a 评选 tie to a run-off between the tied, on the same frozen roster', async () => {
  const voters = people.slice(0, 5)
  const poll = await openedPoll(env, chair, electionDraft({ title: '并列评选', electorate: only(voters) }))
  const id = (name: string) => poll.items.find((it: any) => it.name === name).id
  const picks = [['甲', '乙'], ['甲', '丙'], ['甲', '乙'], ['甲', '丙'], ['乙', '丙']]
  for (const [i, who] of voters.entries()) await must(env, who.openid, 'cast', { id: poll.id, ballot: { picks: picks[i].map(id) } })
  await must(env, chair.openid, 'close', { id: poll.id })
  const r = await must(env, chair.openid, 'results', { id: poll.id })
  const status = Object.fromEntries(r.election.rows.map((x: any) => [x.name, `${x.status}:${x.votes}`]))
  expect(status).toEqual({ 甲: 'elected:4', 乙: 'runoff:3', 丙: 'runoff:3', 丁: 'notElected:0' })
  expect(r.election.runoffSeats).toBe(1)

  const [a, b] = await Promise.all([must(env, chair.openid, 'runoff', { id: poll.id }), must(env, chair.openid, 'runoff', { id: poll.id })])
  expect(a.id).toBe(b.id)
  const draft = await must(env, chair.openid, 'console', { id: a.id })
  expect(draft).toMatchObject({ state: 'draft', round: 2, parentId: poll.id, seats: 1, title: '并列评选（第二轮）' })
  expect(draft.items.map((it: any) => it.name)).toEqual(['乙', '丙'])
  const second = await must(env, chair.openid, 'open', { id: a.id, revision: draft.revision })
  expect(second.electorate).toMatchObject({ size: 5, fingerprint: poll.electorate.fingerprint })
  const over = await call(env, voters[0].openid, 'cast', { id: a.id, ballot: { picks: second.items.map((it: any) => it.id) } })
  expect(over).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '最多选 1 人，你选了 2 人' })
  const yi = second.items.find((it: any) => it.name === '乙').id
  for (const who of voters.slice(0, 4)) await must(env, who.openid, 'cast', { id: a.id, ballot: { picks: [yi] } })
  await must(env, chair.openid, 'close', { id: a.id })
  const final = await must(env, chair.openid, 'results', { id: a.id })
  expect(final.election.rows.find((x: any) => x.name === '乙').status).toBe('elected')
})

it('passes a 票决 only with more than half of the whole electorate when so configured', async () => {
  const poll = await openedPoll(env, chair, voteDraft({ title: '按全体计', electorate: only(people), rule: { base: 'electorate', majority: 'half' } }))
  const choose = (first: string, second: string) => ({ votes: [{ itemId: poll.items[0].id, choice: first }, { itemId: poll.items[1].id, choice: second }] })
  for (const [i, who] of people.slice(0, 7).entries()) await must(env, who.openid, 'cast', { id: poll.id, ballot: choose('for', i < 4 ? 'for' : 'against') })
  await must(env, chair.openid, 'close', { id: poll.id })
  const r = await must(env, chair.openid, 'results', { id: poll.id })
  expect(r.rule).toEqual({ base: 'electorate', majority: 'half', needed: 5 })
  expect(r.vote.map((v: any) => [v.for, v.passed])).toEqual([[7, true], [4, false]])
})

it('reminds only those who have not voted: at opening, a day before the end, and when the chair taps 提醒', async () => {
  const soon = new Date(Date.now() + 12 * 3600_000).toISOString()
  const poll = await openedPoll(env, chair, appraisalDraft({ title: '提醒测试', closesAt: soon, electorate: only(people.slice(0, 5)) }))
  await must(env, people[0].openid, 'cast', { id: poll.id, ballot: { grades: poll.items.map((it: any) => ({ itemId: it.id, grade: 'competent' })) } })
  const mine = async () => (await outbox(env)).filter((m: any) => String(m.page ?? '').includes(poll.id))
  await trigger(env, 'sendReminders')
  await trigger(env, 'sendReminders')
  const sent = await mine()
  const to = (template: string) => sent.filter((m: any) => m.templateId === template).map((m: any) => m.touser).sort()
  const others = people.slice(1, 5).map((p) => p.openid).sort()
  expect(to('tpl_poll_opened')).toEqual(others)
  expect(to('tpl_poll_closing')).toEqual(others)
  const r = await must(env, chair.openid, 'remind', { id: poll.id })
  expect(r).toEqual({ sent: 4, nonVoters: 4 })
  expect((await call(env, chair.openid, 'remind', { id: poll.id })).message).toContain('6 小时后才能再提醒')
  expect((await mine()).length).toBe(12)
})

it('puts polls closing soon below quorum (urgent) and unpublished results on the 工作台', async () => {
  const soon = new Date(Date.now() + 6 * 3600_000).toISOString()
  await openedPoll(env, chair, appraisalDraft({ title: '快截止', closesAt: soon, electorate: only(people.slice(0, 3)) }))
  const ctx = await createContext({ openid: chair.openid, now: new Date(), db })
  const items = Object.fromEntries((await deskItems(ctx)).map((i) => [i.key, i]))
  expect(items['poll.belowQuorum']).toMatchObject({ count: 2, urgent: true, url: '/packages/poll/pages/manage/index' })
  expect(items['poll.unpublished'].count).toBeGreaterThanOrEqual(3)
})
