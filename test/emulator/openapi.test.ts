/**
 * cloud.openapi stand-ins, called from a function through the real wx-server-sdk (multipart +
 * protobuf on the wire): msgSecCheck v2 with the local word list, subscribeMessage.send into the outbox.
 */
import { localCloudUrl, newEnvName } from '../support/cloud'

const env = newEnvName('openapi')

async function post(path: string, body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${localCloudUrl()}${path}`, { method: 'POST', body: JSON.stringify(body) })
  return res.json()
}

async function probe(data: Record<string, unknown>, openid: string | undefined = 'o_author'): Promise<any> {
  const r = await post('/local/invoke', { env, name: 'openapi-probe', openid, data })
  if (!r.ok) throw new Error(r.errMsg)
  return r.result
}

const check = (content: string, openid?: string) => probe({ action: 'msgSecCheck', content }, openid)

describe('openapi: security.msgSecCheck v2', () => {
  it('passes ordinary text: errCode 0, suggest pass, label 100', async () => {
    const r = await check('周五下午工会活动，欢迎报名。')
    expect(r.ok).toBe(true)
    expect(r.res).toMatchObject({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } })
    expect(r.res.traceId).toMatch(/^[0-9a-f-]+$/)
  })

  it('answers errCode 0 with suggest review for a review word, naming it in detail', async () => {
    const r = await check('你这个傻瓜')
    expect(r.res.errCode).toBe(0)
    expect(r.res.result).toEqual({ suggest: 'review', label: 20003 })
    expect(r.res.detail).toContainEqual(expect.objectContaining({ strategy: 'keyword', suggest: 'review', label: 20003, keyword: '傻瓜' }))
  })

  it('answers suggest risky when any word is risky, even beside a review word', async () => {
    const r = await check('傻瓜才不知道代开发票')
    expect(r.res.errCode).toBe(0)
    expect(r.res.result).toEqual({ suggest: 'risky', label: 20006 })
  })

  it('rejects with errCode -501002 when the check cannot be reached', async () => {
    const r = await check('__seccheck_down__ 正文')
    expect(r.ok).toBe(false)
    expect(r.errCode).toBe(-501002)
  })

  it('can be switched unreachable for one environment and back', async () => {
    await post('/dev/seccheck', { env, down: true })
    const down = await check('普通内容')
    await post('/dev/seccheck', { env, down: false })
    const up = await check('普通内容')
    expect(down.errCode).toBe(-501002)
    expect(up.res.result.suggest).toBe('pass')
  })

  it('requires the openid of the author in version 2 (errCode 40003)', async () => {
    const r = await check('普通内容', '')
    expect(r).toMatchObject({ ok: false, errCode: 40003 })
  })

  it('refuses a function whose config.json does not list the API (errCode -604101)', async () => {
    const r = await post('/local/invoke', { env, name: 'openapi-unlisted', openid: 'o_author' })
    expect(r.result).toMatchObject({ ok: false, errCode: -604101 })
  })
})

describe('openapi: subscribeMessage.send', () => {
  const send = (touser: string, data: Record<string, { value: string }>, templateId = 'tpl_activity_reminder') =>
    probe({ action: 'subscribeMessage', touser, templateId, page: 'pages/activity/detail?id=a1', data })

  async function outbox(touser: string): Promise<any[]> {
    const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}&touser=${touser}`)
    return (await res.json()).messages
  }

  it('records a sent message in the outbox, with its template, page, data and sender', async () => {
    const r = await send('o_member_1', { thing1: { value: '春季健步走' }, time2: { value: '2024-04-12 15:00' } })
    expect(r.res).toMatchObject({ errCode: 0, msgid: expect.any(Number) })
    const [m] = await outbox('o_member_1')
    expect(m).toMatchObject({
      msgid: r.res.msgid, env, touser: 'o_member_1', templateId: 'tpl_activity_reminder', page: 'pages/activity/detail?id=a1',
      data: { thing1: { value: '春季健步走' }, time2: { value: '2024-04-12 15:00' } }, miniprogramState: 'developer', sentBy: 'openapi-probe',
    })
  })

  it('refuses a thing value over 20 characters with errCode 47003 and records nothing', async () => {
    const r = await send('o_member_2', { thing1: { value: '这是一个超过二十个字符长度限制的活动名称示例文字' } })
    expect(r).toMatchObject({ ok: false, errCode: 47003 })
    expect(await outbox('o_member_2')).toEqual([])
  })

  it('answers 43101 when the member has not subscribed', async () => {
    const r = await send('o_member_3', { thing1: { value: '活动' } }, '__user_refused__')
    expect(r).toMatchObject({ ok: false, errCode: 43101 })
  })

  it('lists the newest message first', async () => {
    await send('o_member_4', { thing1: { value: '第一条' } })
    await send('o_member_4', { thing1: { value: '第二条' } })
    const messages = await outbox('o_member_4')
    expect(messages.map((m) => m.data.thing1.value)).toEqual(['第二条', '第一条'])
  })
})
