/** Read receipts: first read recorded once, under concurrency; the chair's counts, unread list and reminders. */
import { localCloudUrl } from '../support/cloud'
import { seededEnv } from './helpers'
import { call, ok, published } from './notice-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice-read')) })

const readsOf = async (id: string) => (await db.collection('notice_reads').where({ noticeId: id }).count()).total

/** n extra approved members with their own openids. */
async function addMembers(prefix: string, n: number): Promise<Array<{ _id: string; openid: string }>> {
  const now = new Date()
  const people = Array.from({ length: n }, (_, i) => ({
    _id: `${prefix}${String(i).padStart(3, '0')}`, openid: `o_${prefix}_${i}`, name: `测试会员${i}`, department: '语文组', status: '在职',
    membership: 'approved', role: 'member', createdAt: now, updatedAt: now,
  }))
  for (let i = 0; i < people.length; i += 50) await Promise.all(people.slice(i, i + 50).map((p) => db.collection('members').add({ data: p })))
  return people
}

describe('read receipts', () => {
  it('200 members opening one notice at once → 200 read records, each member once, first time kept', async () => {
    const id = await published(env, { title: '关于全体教职工大会的通知' })
    const people = await addMembers('rdr', 200)
    const opened = await Promise.all(people.map((p) => call(env, { openid: p.openid }, 'get', { id })))
    expect(opened.every((r) => r.ok)).toBe(true)
    expect(await readsOf(id)).toBe(200)
    const first = (await db.collection('notice_reads').where({ noticeId: id, memberId: people[0]._id }).get()).data
    expect(first).toHaveLength(1)

    // Re-reading, also concurrently, changes nothing.
    await Promise.all(people.slice(0, 50).flatMap((p) => [call(env, { openid: p.openid }, 'get', { id }), call(env, { openid: p.openid }, 'get', { id })]))
    expect(await readsOf(id)).toBe(200)
    const again = (await db.collection('notice_reads').where({ noticeId: id, memberId: people[0]._id }).get()).data
    expect(again).toEqual(first)
  }, 120_000)

  it('visitors and applicants leave no read record; a member’s open of the current version does', async () => {
    const id = await published(env, { title: '对外：校园开放日安排', visibility: 'public' })
    await ok(env, 'visitor', 'get', { id })
    expect(await readsOf(id)).toBe(0)
    await ok(env, 'staff', 'get', { id, version: 1 })
    expect(await readsOf(id)).toBe(1)
  })
})

describe('the chair’s read statistics', () => {
  let id: string
  beforeAll(async () => {
    id = await published(env, { title: '关于填报继续教育学时的通知' })
    await ok(env, 'staff', 'get', { id })
    await ok(env, 'retiree', 'get', { id })
  })

  it('read + unread = current members, the unread list pages by 20 and names no reader', async () => {
    const members = (await db.collection('members').where({ membership: 'approved' }).count()).total
    const r = await ok(env, 'chair', 'readers', { id })
    expect(r).toMatchObject({ readCount: 2, unreadCount: members - 2, memberCount: members })
    expect(r.unread.items).toHaveLength(20)
    expect(r.unread.total).toBe(members - 2)
    expect(r.unread.items.map((m: any) => m.name)).not.toContain('张明')
    const last = await ok(env, 'chair', 'readers', { id, page: Math.ceil((members - 2) / 20) })
    expect(last.unread.items.length).toBe((members - 2) % 20 || 20)
    expect(JSON.stringify(r)).not.toMatch(/openid|o_/)
    expect((await ok(env, 'chair', 'get', { id })).readCount).toBe(3) // the chair has now read it too
  })

  it('reminds each unread member once through the subscription outbox, not the readers; not again within the hour', async () => {
    const before = await ok(env, 'chair', 'readers', { id })
    const sent = await ok(env, 'chair', 'remindUnread', { id })
    expect(sent).toEqual({ sent: before.unreadCount, failed: 0 })
    const res = await fetch(`${localCloudUrl()}/dev/outbox?env=${env}&limit=500`)
    const messages = ((await res.json()).messages as any[]).filter((m) => m.page === `packages/notice/pages/detail/index?id=${id}`)
    expect(messages).toHaveLength(before.unreadCount)
    expect(new Set(messages.map((m) => m.touser)).size).toBe(before.unreadCount)
    expect(messages.map((m) => m.touser)).not.toContain('o_dev_staff')
    expect(messages[0]).toMatchObject({ templateId: 'tpl_notice_unread', data: { thing1: { value: expect.any(String) } } })
    expect(await call(env, 'chair', 'remindUnread', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('一小时') })
    expect((await ok(env, 'chair', 'readers', { id })).lastRemindedAt).toEqual(expect.any(String))
    const audit = (await db.collection('audit_log').where({ 'target.id': id, action: 'notice.remindUnread' }).get()).data
    expect(audit).toHaveLength(1)
  })

  it('has no statistics for a draft', async () => {
    const { id: draft } = await ok(env, 'committee', 'createDraft', { title: '草稿统计', category: '校务', visibility: 'internal', body: [{ type: 'paragraph', text: 'x' }] })
    expect(await call(env, 'chair', 'readers', { id: draft })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})
