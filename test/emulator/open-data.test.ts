/**
 * CloudID emulation: the local build mints a group cloudID for the signed-in persona
 * (POST /gateway/cloud-id), and a function resolves it with the unmodified wx-server-sdk's
 * cloud.getOpenData({ list }) — for that persona only, within five minutes, in the documented shape.
 */
import { localCloudUrl, newEnvName } from '../support/cloud'
import { CloudIdIssuer, CLOUD_ID_TTL_MS } from '../../emulator/openapi/open-data'

const env = newEnvName('opendata')

async function mint(openGId: unknown, persona?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (persona) headers['x-local-openid'] = persona
  const res = await fetch(`${localCloudUrl()}/gateway/cloud-id`, { method: 'POST', headers, body: JSON.stringify({ openGId }) })
  return { status: res.status, json: await res.json() }
}

async function resolveAs(openid: string, list: string[]): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, name: 'open-data', openid, data: { list } }) })
  const out = await res.json()
  if (!out.ok) throw new Error(out.errMsg)
  return out.result
}

describe('cloudID: minted by the gateway, resolved by cloud.getOpenData', () => {
  it('answers the documented shape { list: [{ cloudID, data: { openGId, watermark } }] } for the persona that minted it', async () => {
    const before = Math.floor(Date.now() / 1000)
    const { status, json } = await mint('G_staff_room_2026', 'o_dev_staff')
    expect(status).toBe(200)
    expect(json.cloudID).toMatch(/^\d{2}_[A-Za-z0-9_-]{40,}$/)
    const r = await resolveAs('o_dev_staff', [json.cloudID])
    expect(r).toMatchObject({ ok: true, res: { errCode: 0, errMsg: 'getOpenData:ok' } })
    expect(r.res.list).toEqual([{ cloudID: json.cloudID, data: { openGId: 'G_staff_room_2026', watermark: { appid: 'wx-local-app', timestamp: expect.any(Number) } } }])
    expect(r.res.list[0].data.watermark.timestamp).toBeGreaterThanOrEqual(before)
  })

  it('answers one item per id, in order, each with its own outcome', async () => {
    const a = (await mint('G_a', 'o_dev_chair')).json.cloudID
    const b = (await mint('G_b', 'o_dev_chair')).json.cloudID
    const r = await resolveAs('o_dev_chair', [b, 'nope_not_an_id', a])
    expect(r.res.list.map((i: any) => i.data?.openGId ?? i.errCode)).toEqual(['G_b', -601005, 'G_a'])
  })

  it("refuses another user's cloudID with -601007, as the cloud does", async () => {
    const { json } = await mint('G_secret_group', 'o_dev_chair')
    const r = await resolveAs('o_someone_else', [json.cloudID])
    expect(r.res.list).toEqual([{ cloudID: json.cloudID, errCode: -601007, errMsg: 'cloudID not belong to user.' }])
  })

  it('refuses an invocation with no user (a timer) with -601007', async () => {
    const { json } = await mint('G_timer', 'o_dev_chair')
    const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, name: 'open-data', openid: '', source: 'wx_trigger', data: { list: [json.cloudID] } }) })
    const out = await res.json()
    expect(out.result.res.list[0].errCode).toBe(-601007)
  })

  it('answers an id it never issued with -601005 invalid cloudID', async () => {
    const r = await resolveAs('o_dev_staff', ['61_huCyHuY48m72wWN0PmHTYGw4dmUTYFxAFLm3-Q-UYWZj4LbqBFqTWNXAk7E'])
    expect(r.res.list[0]).toEqual({ cloudID: '61_huCyHuY48m72wWN0PmHTYGw4dmUTYFxAFLm3-Q-UYWZj4LbqBFqTWNXAk7E', errCode: -601005, errMsg: 'invalid cloudID' })
  })

  it('mints for the anonymous visitor when no persona is signed in, and only that caller resolves it', async () => {
    const { json } = await mint('G_visitor')
    expect((await resolveAs('o_dev_anonymous_visitor', [json.cloudID])).res.list[0].data.openGId).toBe('G_visitor')
    expect((await resolveAs('o_dev_staff', [json.cloudID])).res.list[0].errCode).toBe(-601007)
  })

  it('refuses to mint without a usable openGId, and issues nothing', async () => {
    for (const bad of [undefined, '', 42, 'a b', 'x'.repeat(129), { $gt: '' }]) {
      const { status, json } = await mint(bad, 'o_dev_staff')
      expect(status).toBe(400)
      expect(json.cloudID).toBeUndefined()
      expect(json.errMsg).toMatch(/openGId/)
    }
  })

  it('works through /gateway/call too: the h5 app passes the cloudID to a function as its persona', async () => {
    const { json } = await mint('G_h5', 'o_dev_retiree')
    const res = await fetch(`${localCloudUrl()}/gateway/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'o_dev_retiree' },
      body: JSON.stringify({ name: 'open-data', data: { list: [json.cloudID] } }),
    })
    const out = await res.json()
    expect(out.result.res.list[0].data.openGId).toBe('G_h5')
  })
})

describe('cloudID lifetime (the issuer with a controlled clock)', () => {
  it('resolves until five minutes have passed, then answers -601006 cloudID expired', () => {
    let now = Date.UTC(2026, 10, 22, 8, 0, 0)
    const issuer = new CloudIdIssuer(() => now)
    const id = issuer.mint('o_a', 'wx-local-app', { openGId: 'G1' })
    now += CLOUD_ID_TTL_MS - 1
    expect(issuer.resolve(id, 'o_a')).toEqual({ cloudID: id, data: { openGId: 'G1', watermark: { appid: 'wx-local-app', timestamp: Date.UTC(2026, 10, 22, 8, 0, 0) / 1000 } } })
    now += 1
    expect(issuer.resolve(id, 'o_a')).toEqual({ cloudID: id, errCode: -601006, errMsg: 'cloudID expired' })
  })

  it('hands out a copy: changing an answer never changes what the next caller gets', () => {
    const issuer = new CloudIdIssuer()
    const id = issuer.mint('o_a', 'wx-local-app', { openGId: 'G1' })
    const first = issuer.resolve(id, 'o_a') as any
    first.data.openGId = 'tampered'
    expect((issuer.resolve(id, 'o_a') as any).data.openGId).toBe('G1')
  })
})
