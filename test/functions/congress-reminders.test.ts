/**
 * Messages to 代表: the collection window's opening and closing reminders (daily timer, each once per
 * session, to active 代表 only — never 列席 or removed 代表), and a message to each 代表 invited to 附议.
 */
import { newEnvName, sdkFor } from '../support/cloud'
import { addPeople, asTimer, call, inDays, must, outbox, requestId, stage, draftOf, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congressremind')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'm', 4)
})

const sentTo = async (openid: string, templateId: string) => (await outbox(env, openid)).filter((m) => m.templateId === templateId)

describe('collection-window reminders', () => {
  it('tells every active 代表 once that the window opened, and once when it is about to close', async () => {
    const [guest, gone] = await addPeople(db, 'm不提醒', 2)
    await must(env, st.chair, 'addDelegate', { sessionId: st.sessionId, memberId: guest.memberId, constituency: '特邀', kind: 'guest' })
    await must(env, st.chair, 'addDelegate', { sessionId: st.sessionId, memberId: gone.memberId, constituency: '语文组选区' })
    await must(env, st.chair, 'removeDelegate', { sessionId: st.sessionId, memberId: gone.memberId, reason: '调离本校' })

    const first = await asTimer(env, 'remindCollection')
    expect(first).toMatchObject({ ok: true, data: { sent: 4, reminders: [`${st.sessionId}_open`] } })
    expect(await asTimer(env, 'remindCollection')).toMatchObject({ ok: true, data: { sent: 0, reminders: [] } })
    for (const d of st.delegates) {
      const msgs = await sentTo(d.openid, 'tpl_congress_collect_open')
      expect(msgs).toHaveLength(1)
      expect(msgs[0].page).toBe(`packages/congress/pages/board/index?session=${st.sessionId}`)
    }
    for (const p of [guest, gone, st.outsider]) expect(await sentTo(p.openid, 'tpl_congress_collect_open')).toEqual([])
    expect(await sentTo(st.delegates[0].openid, 'tpl_congress_collect_closing')).toEqual([])

    // time passes: two days left in the window
    await db.collection('congress_sessions').doc(st.sessionId).update({ data: { collectTo: inDays(1) } })
    expect(await asTimer(env, 'remindCollection')).toMatchObject({ ok: true, data: { sent: 4, reminders: [`${st.sessionId}_close`] } })
    expect(await asTimer(env, 'remindCollection')).toMatchObject({ ok: true, data: { sent: 0 } })
    for (const d of st.delegates) expect(await sentTo(d.openid, 'tpl_congress_collect_closing')).toHaveLength(1)
    expect(await sentTo(guest.openid, 'tpl_congress_collect_closing')).toEqual([])
    expect(await call(env, st.chair, 'remindCollection', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('a reminder run that stopped half way', () => {
  it('is finished by the next run: the 代表 it had not reached get the message, nobody gets it twice', async () => {
    const env2 = newEnvName('congressresume')
    const db2 = sdkFor(env2).db
    const s2 = await stage(env2, db2, 'r', 4)
    // What a run killed after its second message leaves: the first two 代表 claimed (and messaged), no session mark.
    const [a, b, c, d] = s2.delegates
    for (const x of [a, b]) {
      await db2.collection('congress_reminders').add({ data: { _id: `${s2.sessionId}_open_${x.memberId}`, sessionId: s2.sessionId, kind: 'open', memberId: x.memberId, at: new Date() } })
    }
    const sentIn = async (openid: string) => (await outbox(env2, openid)).filter((m) => m.templateId === 'tpl_congress_collect_open')
    expect(await asTimer(env2, 'remindCollection')).toMatchObject({ ok: true, data: { sent: 2, reminders: [`${s2.sessionId}_open`] } })
    for (const x of [c, d]) expect(await sentIn(x.openid)).toHaveLength(1)
    for (const x of [a, b]) expect(await sentIn(x.openid)).toEqual([])
    expect(await asTimer(env2, 'remindCollection')).toMatchObject({ ok: true, data: { sent: 0, reminders: [] } })
    for (const x of [c, d]) expect(await sentIn(x.openid)).toHaveLength(1)
  })

  it('sends once per 代表 when two runs start at once', async () => {
    const env3 = newEnvName('congresstwice')
    const db3 = sdkFor(env3).db
    const s3 = await stage(env3, db3, 't', 4)
    const runs = await Promise.all([asTimer(env3, 'remindCollection'), asTimer(env3, 'remindCollection')])
    expect(runs.reduce((n, r: any) => n + r.data.sent, 0)).toBe(4)
    for (const x of s3.delegates) expect((await outbox(env3, x.openid)).filter((m) => m.templateId === 'tpl_congress_collect_open')).toHaveLength(1)
  })
})

describe('附议 invitations', () => {
  it('messages each invited 代表 once, with the proposal to open', async () => {
    const [p, a, b] = st.delegates
    const d = await must(env, p, 'saveProposal', { sessionId: st.sessionId, requestId: requestId(), ...draftOf('邀请附议会通知的提案') })
    await must(env, p, 'invite', { id: d.id, memberIds: [a.memberId, b.memberId] })
    await must(env, p, 'invite', { id: d.id, memberIds: [a.memberId] })
    for (const who of [a, b]) {
      const msgs = await sentTo(who.openid, 'tpl_congress_invite')
      expect(msgs).toHaveLength(1)
      expect(msgs[0].page).toBe(`packages/congress/pages/proposal/index?id=${d.id}`)
      expect(msgs[0].data.thing1.value).toBe('邀请附议会通知的提案')
    }
    expect(await sentTo(p.openid, 'tpl_congress_invite')).toEqual([])
  })
})
