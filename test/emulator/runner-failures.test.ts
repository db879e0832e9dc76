/** How the runner reports failures: the shapes wx.cloud.callFunction rejects with in the app. */
import { localCloudUrl, newEnvName } from '../support/cloud'

const env = newEnvName('runnerfail')

/**
 * On a fresh connection: a keep-alive socket left by the previous test file can be closed by the
 * server at the moment this file reuses it ("other side closed", seen once in CI on its first call).
 */
async function invoke(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', headers: { connection: 'close' }, body: JSON.stringify({ env, ...body }) })
  return res.json()
}

describe('function runner: failures', () => {
  it('reports a thrown error as errCode -504002 with the error in errMsg', async () => {
    const r = await invoke({ name: 'thrower', data: { message: 'handler bug 7' } })
    expect(r.ok).toBe(false)
    expect(r.errCode).toBe(-504002)
    expect(r.errMsg).toMatch(/^cloud\.callFunction:fail Error: errCode: -504002 functions execute fail \| errMsg: Error: handler bug 7/)
  })

  it('stops a function that runs past the timeout in its config.json, as errCode -504003', async () => {
    const r = await invoke({ name: 'slow', data: { ms: 10_000 } })
    expect(r).toEqual({ ok: false, errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 1 seconds', usage: expect.any(Object) })
  })

  it('answers the next call after a timeout from a fresh instance', async () => {
    await invoke({ name: 'slow', data: { ms: 10_000 } })
    const r = await invoke({ name: 'slow', data: { ms: 1 } })
    expect(r).toEqual({ ok: true, result: { waited: 1 }, usage: expect.any(Object) })
  })

  it('reports an unknown function as errCode -501000', async () => {
    const r = await invoke({ name: 'no-such-function' })
    expect(r.ok).toBe(false)
    expect(r.errCode).toBe(-501000)
    expect(r.errMsg).toContain('FunctionName parameter could not be found')
  })

  it("gives a calling function the SDK's rejection when the callee throws", async () => {
    const r = await invoke({ name: 'relay', data: { callee: 'thrower', data: { message: 'callee bug 3' } } })
    expect(r.ok).toBe(true)
    expect(r.result.ok).toBe(false)
    expect(r.result.errMsg).toMatch(/^callFunction:fail Error: callee bug 3/)
  })

  it('gives a calling function a rejection when the callee times out', async () => {
    const r = await invoke({ name: 'relay', data: { callee: 'slow', data: { ms: 10_000 } } })
    expect(r.result.ok).toBe(false)
    expect(r.result.errMsg).toContain('Invoking task timed out after 1 seconds')
  })
})
