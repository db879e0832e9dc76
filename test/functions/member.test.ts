import { memberMeOutput } from '../../types/member'
import { result } from '../../types/result'
import { callAs, seededEnv } from './helpers'

let env: string
beforeAll(async () => { ({ env } = await seededEnv('member')) })

describe('member.me', () => {
  it.each([
    ['chair', 'chair', '王建华', '主席'],
    ['committee', 'committee', '李晓梅', '委员'],
    ['staff', 'member', '张明', '会员'],
    ['retiree', 'member', '陈桂兰', '会员'],
  ] as const)('tells the %s persona its role %s', async (who, role, name, roleLabel) => {
    const r = await callAs(env, who, 'member', { action: 'me' })
    expect(r).toMatchObject({ ok: true, data: { role, member: { name, roleLabel } } })
  })

  it('tells the retiree persona the status 离退休', async () => {
    const r = await callAs(env, 'retiree', 'member', { action: 'me' })
    expect(r.data.member.status).toBe('离退休')
  })

  it('tells a visitor it is a visitor with no member record', async () => {
    expect(await callAs(env, 'visitor', 'member', { action: 'me' })).toEqual({ ok: true, data: { role: 'visitor', member: null, application: null, setupOpen: false } })
  })

  it('treats a removed member as a visitor who is told they were removed', async () => {
    expect(await callAs(env, { openid: 'o_seed_removed' }, 'member', { action: 'me' })).toMatchObject({ ok: true, data: { role: 'visitor', member: null, application: { state: 'removed' } } })
  })

  it('gives a staff caller whose event claims the chair’s openid and role only staff rights', async () => {
    const r = await callAs(env, 'staff', 'member', { action: 'me', openid: 'o_dev_chair', role: 'chair', userInfo: { openId: 'o_dev_chair' } })
    expect(r.data).toMatchObject({ role: 'member', member: { name: '张明' } })
  })

  it('answers in the shape the app parses, without any openid', async () => {
    const r = await callAs(env, 'chair', 'member', { action: 'me' })
    expect(result(memberMeOutput).safeParse(r).success).toBe(true)
    expect(JSON.stringify(r)).not.toMatch(/o_dev_|openid/i)
  })

  it('answers UNKNOWN_ACTION for an action it does not have', async () => {
    expect(await callAs(env, 'chair', 'member', { action: 'promote' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })
})
