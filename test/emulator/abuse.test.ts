/**
 * Hostile request bodies: every entry point refuses a body that is too large or nested too deep
 * with a clean error in its own shape, and the local cloud keeps serving. Before, a 20 KB body
 * nested 10,000 levels sent to /gateway/call killed the whole process (structured clone to the
 * function's worker overflowed the stack).
 */
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'

const env = newEnvName('abuse')
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${localCloudUrl()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  return { status: res.status, json: await res.json() }
}

async function stillServing(): Promise<void> {
  const { json } = await post('/local/invoke', JSON.stringify({ env, name: 'whoami', openid: 'o_after', data: { tag: 'alive' } }))
  expect(json).toMatchObject({ ok: true, result: { tag: 'alive' } })
}

describe('request bodies nested 10,000 levels (20 KB)', () => {
  it('the h5 gateway answers like callFunction failing, and the cloud keeps serving', async () => {
    const { status, json } = await post('/gateway/call', `{"name":"whoami","data":{"x":${deep(10_000)}}}`, { 'x-local-openid': 'o_dev_staff' })
    expect(status).toBe(400)
    expect(json).toEqual({ errCode: -1, errMsg: expect.stringMatching(/nested deeper than 100 levels/) })
    await stillServing()
  })

  it('/local/invoke refuses it with { ok: false, code, message }', async () => {
    const { status, json } = await post('/local/invoke', `{"env":"${env}","name":"whoami","data":{"x":${deep(10_000)}}}`)
    expect(status).toBe(400)
    expect(json).toMatchObject({ ok: false, code: 'INVALID_PARAM', message: expect.stringMatching(/nested deeper/) })
    await stillServing()
  })

  it('the database endpoint answers the TCB way (HTTP 200, { code, message }) for the body and for an EJSON query inside it', async () => {
    const whole = await post('/admin', `{"action":"database.getDocument","envName":"${env}","x":${deep(10_000)}}`)
    expect(whole).toEqual({ status: 200, json: { code: 'INVALID_PARAM', message: expect.stringMatching(/nested deeper/) } })
    const inner = await post('/admin', JSON.stringify({ action: 'database.insertDocument', envName: env, collectionName: 'conformance_items', data: `{"a":${deep(10_000)}}` }))
    expect(inner.json).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(/nested deeper than 100 levels/) })
    await stillServing()
  })

  it('a query nested past 100 levels through the real SDK fails with the reason, and writes nothing', async () => {
    const { db } = sdkFor(env)
    let doc: any = 1
    for (let i = 0; i < 120; i++) doc = { a: doc }
    await expect(db.collection('conformance_items').add({ data: { tag: 'too-deep', doc } })).rejects.toThrow(/nested deeper than 100 levels/)
    expect((await db.collection('conformance_items').where({ tag: 'too-deep' }).count()).total).toBe(0)
  })

  it('accepts nesting up to the limit: 90 levels of event data reach the function', async () => {
    let data: any = 'bottom'
    for (let i = 0; i < 90; i++) data = { d: data }
    const { json } = await post('/local/invoke', JSON.stringify({ env, name: 'whoami', data: { tag: 'deep-ok', nested: data } }))
    expect(json).toMatchObject({ ok: true, result: { tag: 'deep-ok' } })
  })

  it('the cloudID route and the dev routes refuse it too', async () => {
    for (const path of ['/gateway/cloud-id', '/local/seed', '/local/trigger', '/dev/seccheck', '/local/db/explain']) {
      const { status } = await post(path, `{"x":${deep(10_000)}}`)
      expect(status).toBe(400)
    }
    await stillServing()
  })
})

describe('request bodies over the size limit', () => {
  it('a 7 MB event (over the 6 MB a function invocation takes) is refused with 413 and a clean message', async () => {
    const big = JSON.stringify({ env, name: 'whoami', data: { blob: 'x'.repeat(7 * 1024 * 1024) } })
    const { status, json } = await post('/local/invoke', big)
    expect(status).toBe(413)
    expect(json).toMatchObject({ ok: false, code: 'EXCEED_MAX_PAYLOAD_SIZE' })
    const gw = await post('/gateway/call', JSON.stringify({ name: 'whoami', data: { blob: 'x'.repeat(7 * 1024 * 1024) } }))
    expect(gw).toEqual({ status: 413, json: { errCode: -1, errMsg: expect.stringMatching(/^EXCEED_MAX_PAYLOAD_SIZE/) } })
    await stillServing()
  })

  it('a small route refuses a body over 64 KB', async () => {
    const { status, json } = await post('/gateway/cloud-id', JSON.stringify({ openGId: 'G', pad: 'x'.repeat(100_000) }), { 'x-local-openid': 'o_dev_staff' })
    expect(status).toBe(413)
    expect(json.errMsg).toMatch(/EXCEED_MAX_PAYLOAD_SIZE/)
  })

  it('a body that is not JSON is a 400, not an internal error', async () => {
    const { status, json } = await post('/local/invoke', '{"name": "whoami", oops')
    expect(status).toBe(400)
    expect(json).toMatchObject({ ok: false, code: 'INVALID_PARAM', message: expect.stringMatching(/not valid JSON/) })
  })
})
