/** 代表 status on the member's profile: member.me says “第N届教代会代表” for an active 代表 only. */
import { newEnvName, sdkFor } from '../support/cloud'
import { callAs } from './helpers'
import { must, stage, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congressprofile')
const { db } = sdkFor(env)
let st: Stage

beforeAll(async () => {
  st = await stage(env, db, 'p', 2)
})

const me = async (openid: string) => (await callAs(env, { openid }, 'member', { action: 'me' })).data.member

describe('代表 on the profile', () => {
  it('names the 届 of an active 代表; not a 列席, a removed 代表 or anyone else', async () => {
    const s = await must(env, st.chair, 'session', { sessionId: st.sessionId })
    expect((await me(st.delegates[0].openid)).congressLabel).toBe(`第${s.term}届教代会代表`)
    await must(env, st.chair, 'addDelegate', { sessionId: st.sessionId, memberId: st.outsider.memberId, constituency: '特邀', kind: 'guest' })
    expect(await me(st.outsider.openid)).not.toHaveProperty('congressLabel')
    await must(env, st.chair, 'removeDelegate', { sessionId: st.sessionId, memberId: st.delegates[1].memberId, reason: '调离本校' })
    expect(await me(st.delegates[1].openid)).not.toHaveProperty('congressLabel')
    expect(await me(st.handler.openid)).not.toHaveProperty('congressLabel')
  })
})
