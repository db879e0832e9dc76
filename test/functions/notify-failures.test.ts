/**
 * Refused subscription messages are recorded, not swallowed: servicesFrom(cloud).notify writes one
 * `notify.failed` audit entry the chair can read (which reminder, why), through the real SDK and the
 * local cloud's subscribeMessage stand-in — and never the message's keywords or the page's query.
 */
import { TEMPLATES } from '../../types/templates'
import { USER_REFUSED_TEMPLATE } from '../../emulator/openapi/subscribe-message'
import { localCloudUrl, newEnvName, sdkFor } from '../support/cloud'

const env = newEnvName('notify')
const db = sdkFor(env).db

const SECRET = '关于张老师的私事'
const message = (templateId: string, extra: Record<string, unknown> = {}) => ({
  touser: 'o_receiver_0123456789abcdef',
  templateId,
  page: 'packages/notice/pages/detail/index?id=6f253c0a9b7e4d21a3c5e8f7b9d1c2a4',
  data: { thing1: { value: SECRET } },
  ...extra,
})

async function send(name: string, msg: Record<string, unknown>): Promise<boolean> {
  const res = await fetch(`${localCloudUrl()}/local/invoke`, { method: 'POST', body: JSON.stringify({ env, name, openid: 'o_sender', data: { message: msg } }) })
  const r = (await res.json()) as { ok: boolean; result?: { sent: boolean }; errMsg?: string }
  if (!r.ok) throw new Error(r.errMsg)
  return r.result!.sent
}

async function failures(): Promise<any[]> {
  try {
    return (await db.collection('audit_log').where({ action: 'notify.failed' }).orderBy('at', 'asc').get()).data
  } catch {
    return []
  }
}

describe('refused subscription messages', () => {
  it('records a send the receiver never subscribed to (43101): which reminder, the page path, why — not its text or query', async () => {
    const before = (await failures()).length
    expect(await send('notify-probe', message(USER_REFUSED_TEMPLATE, { recipientLabel: '张明' }))).toBe(false)
    const entries = await failures()
    expect(entries).toHaveLength(before + 1)
    const entry = entries[entries.length - 1]
    expect(entry).toMatchObject({
      action: 'notify.failed',
      actorName: '订阅消息',
      target: { kind: 'template', id: USER_REFUSED_TEMPLATE },
      after: { page: 'packages/notice/pages/detail/index', recipient: '张明', errCode: 43101 },
      note: expect.stringContaining('没有订阅'),
    })
    const stored = JSON.stringify(entry)
    expect(stored).not.toContain(SECRET)
    expect(stored).not.toContain('6f253c0a9b7e4d21a3c5e8f7b9d1c2a4')
    expect(stored).not.toContain('o_receiver')
  })

  it('records a send from a function whose config.json lacks subscribeMessage.send, naming the template and the missing permission', async () => {
    const before = (await failures()).length
    expect(await send('notify-probe-unpermitted', message(TEMPLATES.memberReviewed))).toBe(false)
    const entries = await failures()
    expect(entries).toHaveLength(before + 1)
    expect(entries[entries.length - 1]).toMatchObject({
      target: { kind: 'template', id: 'memberReviewed', label: '入会审核结果' },
      after: { errCode: -604101 },
      note: expect.stringContaining('权限'),
    })
  })

  it('records nothing when WeChat accepts the message', async () => {
    const before = (await failures()).length
    expect(await send('notify-probe', message(TEMPLATES.noticeUnread))).toBe(true)
    expect(await failures()).toHaveLength(before)
  })
})
