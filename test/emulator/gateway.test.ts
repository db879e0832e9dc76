/** The h5 gateway: callFunction over HTTP with the dev persona as caller, and the h5 build served at `/`. */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { defaultEnvName, localCloudUrl } from '../support/cloud'
import { resolveStatic, serveStatic } from '../../emulator/gateway/static'

async function call(body: unknown, openid?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) headers['x-local-openid'] = openid
  const res = await fetch(`${localCloudUrl()}/gateway/call`, { method: 'POST', headers, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

describe('gateway: /gateway/call', () => {
  it('runs the function with the persona from x-local-openid as the app caller', async () => {
    const { json } = await call({ name: 'whoami', data: { tag: 'g' } }, 'o_dev_committee')
    expect(json.result.tag).toBe('g')
    expect(json.result.after).toMatchObject({ OPENID: 'o_dev_committee', ENV: defaultEnvName(), SOURCE: 'wx_client' })
  })

  it('calls as the anonymous visitor when no persona is picked', async () => {
    const { json } = await call({ name: 'whoami' })
    expect(json.result.after.OPENID).toBe('o_dev_anonymous_visitor')
  })

  it("answers a function's failure as { errCode, errMsg } like callFunction", async () => {
    const { json } = await call({ name: 'thrower', data: { message: 'gateway boom' } }, 'o_dev_staff')
    expect(Object.keys(json).sort()).toEqual(['errCode', 'errMsg'])
    expect(json.errCode).toBe(-504002)
    expect(json.errMsg).toContain('gateway boom')
  })

  it('refuses a call without a function name', async () => {
    const { status, json } = await call({ data: {} })
    expect(status).toBe(400)
    expect(json.errCode).toBe(-501007)
  })

  it('lists the dev personas for the sign-in picker', async () => {
    const res = await fetch(`${localCloudUrl()}/dev/personas`)
    const list = await res.json()
    expect(list.map((p: any) => p.key)).toEqual(['chair', 'committee', 'staff', 'retiree', 'visitor'])
    expect(list[0]).toEqual({ key: 'chair', label: '主席', name: expect.any(String), openid: 'o_dev_chair' })
  })
})

describe('gateway: the h5 build at /', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'))
  fs.mkdirSync(path.join(root, 'js'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>教工之家</title>')
  fs.writeFileSync(path.join(root, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-h5.txt'), 'secret')
  let server: http.Server
  let base = ''

  beforeAll(async () => {
    server = http.createServer((req, res) => void serveStatic(root, req, res, new URL(req.url ?? '/', 'http://x')))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('serves index.html for / as HTML', async () => {
    const res = await fetch(`${base}/`)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await res.text()).toContain('教工之家')
  })

  it('serves an asset with its content type', async () => {
    const res = await fetch(`${base}/js/app.js`)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('never resolves a path outside the build folder', () => {
    for (const p of ['/../outside-h5.txt', '/%2e%2e/outside-h5.txt', '/js/..%2f..%2foutside-h5.txt', '/..%5coutside-h5.txt']) {
      const file = resolveStatic(root, p)
      expect(file === undefined || file.startsWith(root + path.sep)).toBe(true)
    }
  })

  it('answers 404 for an encoded climb out of the folder', async () => {
    const res = await fetch(`${base}/%2e%2e/outside-h5.txt`)
    expect(res.status).toBe(404)
  })
})
