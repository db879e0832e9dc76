/**
 * The function runner through POST /local/invoke: the same bundles and the real wx-server-sdk,
 * each invocation with its own caller.
 */
import { localCloudUrl, newEnvName } from '../support/cloud'

const env = newEnvName('runner')

async function invoke(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, ...body }) })
  return res.json()
}

describe('function runner: identity', () => {
  it('gives each of many concurrent invocations its own getWXContext()', async () => {
    const callers = Array.from({ length: 12 }, (_, i) => ({
      openid: `o_user_${i}`, appid: `wx_app_${i % 3}`, unionid: `u_${i}`, source: i % 2 ? 'wx_client' : 'wx_devtools',
    }))
    const results = await Promise.all(callers.map((c, i) => invoke({ name: 'whoami', ...c, data: { tag: String(i), pauseMs: 150 } })))
    results.forEach((r, i) => {
      const expected = { OPENID: callers[i].openid, APPID: callers[i].appid, UNIONID: callers[i].unionid, ENV: env, SOURCE: callers[i].source }
      expect(r.ok).toBe(true)
      expect(r.result.tag).toBe(String(i))
      expect(r.result.before).toMatchObject(expected)
      expect(r.result.after).toMatchObject(expected)
    })
  })

  it('re-reads the caller on every call to the same warm instance', async () => {
    const first = await invoke({ name: 'warm-instance', openid: 'o_first' })
    const second = await invoke({ name: 'warm-instance', openid: 'o_second' })
    expect(second.result.instance).toBe(first.result.instance)
    expect(first.result.openid).toBe('o_first')
    expect(second.result.openid).toBe('o_second')
  })

  it('adds the caller to the event of an app call as userInfo', async () => {
    const r = await invoke({ name: 'whoami', openid: 'o_event', appid: 'wx_event_app' })
    expect(r.result.userInfo).toEqual({ appId: 'wx_event_app', openId: 'o_event' })
  })

  it('leaves OPENID out of getWXContext() when the call has no user', async () => {
    const r = await invoke({ name: 'whoami' })
    expect(r.result.after).not.toHaveProperty('OPENID')
    expect(r.result.after.ENV).toBe(env)
  })

  it('passes the caller identity on through cloud.callFunction, with SOURCE extended by ",scf"', async () => {
    const r = await invoke({ name: 'relay', openid: 'o_chain', unionid: 'u_chain', data: { callee: 'whoami', data: { tag: 'inner' } } })
    expect(r.ok).toBe(true)
    expect(r.result.ok).toBe(true)
    expect(r.result.result.tag).toBe('inner')
    expect(r.result.result.after).toMatchObject({ OPENID: 'o_chain', UNIONID: 'u_chain', ENV: env, SOURCE: 'wx_client,scf' })
  })

  it('does not add userInfo to the event of a function-to-function call', async () => {
    const r = await invoke({ name: 'relay', openid: 'o_chain', data: { callee: 'whoami' } })
    expect(r.result.result.userInfo).toBeNull()
  })
})
