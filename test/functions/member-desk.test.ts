/**
 * The 工作台 through the real functions: member.desk gathers every domain's lines (desk-parts.ts); the member
 * lines count applications waiting in 入会审核 (urgent once one waited a week) and, for the chair,
 * 资料变更申请 — moving as people apply, are approved and ask for changes.
 */
import { callAs, seededEnv } from './helpers'
import { joinThroughApproval, newcomer, profile, requestId } from './member-support'
import { DESK_PARTS } from '../../cloudfunctions/member/desk-parts'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('desk')) })

async function line(who: 'committee' | 'chair', key: string): Promise<any> {
  const r = await callAs(env, who, 'member', { action: 'desk' })
  expect(r.ok).toBe(true)
  return r.data.items.find((i: any) => i.key === key)
}

describe('member.desk', () => {
  it('is for committee and chair only', async () => {
    for (const who of ['staff', 'retiree', 'visitor'] as const) {
      expect(await callAs(env, who, 'member', { action: 'desk' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it('counts waiting applications as people apply and are approved, linking to 入会审核', async () => {
    const before = await line('committee', 'member.queue')
    expect(before).toMatchObject({ title: '入会审核', url: '/packages/member/pages/queue/index', urgent: false })
    const a = newcomer()
    const b = newcomer()
    await callAs(env, a, 'member', { action: 'apply', ...profile, name: '工作台甲', requestId: requestId() })
    await callAs(env, b, 'member', { action: 'apply', ...profile, name: '工作台乙', requestId: requestId() })
    expect((await line('committee', 'member.queue')).count).toBe(before.count + 2)
    const mine = (await callAs(env, a, 'member', { action: 'myProfile' })).data.id
    await callAs(env, 'committee', 'member', { action: 'approve', memberId: mine })
    expect((await line('committee', 'member.queue')).count).toBe(before.count + 1)
  })

  it('turns urgent once an application has waited more than a week', async () => {
    const who = newcomer()
    await callAs(env, who, 'member', { action: 'apply', ...profile, name: '等了很久', requestId: requestId() })
    const id = (await callAs(env, who, 'member', { action: 'myProfile' })).data.id
    // Time cannot pass in a test: the application is dated back eight days.
    await db.collection('members').doc(id).update({ data: { createdAt: new Date(Date.now() - 8 * 86400_000) } })
    expect((await line('committee', 'member.queue')).urgent).toBe(true)
  })

  it('shows the chair 资料变更申请, and not the committee', async () => {
    expect(await line('committee', 'member.changes')).toBeUndefined()
    const before = (await line('chair', 'member.changes')).count
    const m = await joinThroughApproval(env, '想改名')
    await callAs(env, { openid: m.openid }, 'member', { action: 'requestChange', name: '已改名', reason: '户口本改名', requestId: requestId() })
    expect(await line('chair', 'member.changes')).toMatchObject({ title: '资料变更申请', count: before + 1, url: '/packages/member/pages/queue/index?tab=changes' })
  })

  it('counts the 教代会 proposals waiting for the committee, as an independent count of the stored ones', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const _ = db.command
    const count = async (where: object) => (await db.collection('congress_proposals').where(where).count()).total
    const [review, answered, late] = await Promise.all([count({ state: 'submitted' }), count({ state: 'answered' }), count({ state: 'assigned', dueDate: _.lt(today) })])
    expect(late).toBeGreaterThan(0) // the demo session has an overdue case
    expect(await line('committee', 'congress.review')).toMatchObject({ count: review, url: '/packages/congress/pages/desk/index' })
    expect(await line('committee', 'congress.answers')).toMatchObject({ count: answered })
    expect(await line('chair', 'congress.overdue')).toMatchObject({ count: late, urgent: true })
  })

  it('gathers a line from every desk part, each valid for the app', async () => {
    const { deskOutput } = await import('../../types/desk')
    const r = await callAs(env, 'chair', 'member', { action: 'desk' })
    expect(deskOutput.safeParse(r.data).success).toBe(true)
    const domains = new Set(r.data.items.map((i: any) => i.key.split('.')[0]))
    for (const [domain] of DESK_PARTS) expect(domains).toContain(domain)
  })
})
