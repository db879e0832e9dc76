/**
 * One person, one identity: a staff number (and so its roster row) belongs to at most one member,
 * enforced by the database; a verified member cannot rewrite their own name, staff number or
 * 在职/离退休 (they ask, the chair decides); re-admission always starts as a plain member and is
 * written to the audit log.
 */
import { callAs, seededEnv } from './helpers'
import { NOT_YET_JOINED, DEMO_INVITE_CODE } from '../../emulator/seed/member-extras'
import { joinThroughApproval, newcomer, profile, requestId, warmMemberFunction } from './member-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('identity')) })

async function memberNamed(name: string): Promise<any> {
  return (await db.collection('members').where({ name }).limit(1).get()).data[0]
}

async function auditFor(targetId: string): Promise<any[]> {
  return (await callAs(env, 'chair', 'member', { action: 'auditLog', targetId, page: 1 })).data.items
}

describe('a staff number belongs to one member', () => {
  it('refuses a roster-match application with the name and staff number another member holds, writing nothing', async () => {
    const zhang = await memberNamed('张明')
    const thief = newcomer('thief')
    const r = await callAs(env, thief, 'member', { action: 'apply', name: '张明', department: zhang.department, status: '在职', staffNo: zhang.staffNo, requestId: requestId() })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(r.message).toContain(`工号 ${zhang.staffNo}`)
    expect((await callAs(env, thief, 'member', { action: 'me' })).data).toMatchObject({ role: 'visitor', application: null })
    expect((await db.collection('members').where({ openid: thief.openid }).count()).total).toBe(0)
  })

  it('refuses the staff number of a member who joined through the app', async () => {
    const row = NOT_YET_JOINED[1]
    const first = await callAs(env, newcomer(), 'member', { action: 'apply', name: row.name, department: row.department, status: row.status, staffNo: row.staffNo, requestId: requestId() })
    expect(first.data).toMatchObject({ state: 'approved', via: 'roster' })
    const second = await callAs(env, newcomer(), 'member', { action: 'apply', name: row.name, department: row.department, status: row.status, staffNo: row.staffNo, requestId: requestId() })
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('lets exactly one of five simultaneous applicants with the same roster row in', async () => {
    // Five, not a multiple of the runner's four instances: a check-then-write lets several through.
    await warmMemberFunction(env)
    const row = NOT_YET_JOINED[0]
    const people = Array.from({ length: 5 }, () => newcomer('same'))
    const answers = await Promise.all(people.map((who) => callAs(env, who, 'member', { action: 'apply', name: row.name, department: row.department, status: row.status, staffNo: row.staffNo, requestId: requestId() })))
    expect(answers.filter((a) => a.ok && a.data.state === 'approved')).toHaveLength(1)
    expect((await db.collection('members').where({ staffNo: row.staffNo, membership: 'approved' }).count()).total).toBe(1)
  })

  it('never approves an applicant from the queue whose staff number another member holds', async () => {
    const zhang = await memberNamed('张明')
    // Roster matching is off for this one: the application waits in the queue with the held number.
    const who = newcomer()
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', roster: false })
    const r = await callAs(env, who, 'member', { action: 'apply', ...profile, name: '冒名者', staffNo: zhang.staffNo, requestId: requestId() })
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', roster: true })
    if (r.ok) {
      const me = await callAs(env, who, 'member', { action: 'myProfile' })
      const approve = await callAs(env, 'committee', 'member', { action: 'approve', memberId: me.data.id })
      expect(approve).toMatchObject({ ok: false, code: 'CONFLICT' })
      expect(approve.message).toContain(zhang.staffNo)
    } else {
      expect(r.code).toBe('CONFLICT')
    }
    expect((await db.collection('members').where({ staffNo: zhang.staffNo, membership: 'approved' }).count()).total).toBe(1)
  })
})

describe('a verified member cannot rewrite who they are', () => {
  it('refuses updateProfile taking the chair’s name and staff number, and changes nothing', async () => {
    const chair = await memberNamed('王建华')
    const before = await memberNamed('张明')
    const r = await callAs(env, 'staff', 'member', { action: 'updateProfile', name: '王建华', department: chair.department, status: '在职', staffNo: chair.staffNo })
    expect(r).toMatchObject({ ok: false })
    expect(r.message).toMatch(/姓名|工号/)
    const after = await memberNamed('张明')
    expect(after).toMatchObject({ name: '张明', staffNo: before.staffNo, department: before.department })
  })

  it('refuses a self-made change of 在职/离退休', async () => {
    const me = (await callAs(env, 'retiree', 'member', { action: 'myProfile' })).data
    const r = await callAs(env, 'retiree', 'member', { action: 'updateProfile', name: me.name, department: me.department, status: '在职' })
    expect(r.ok).toBe(false)
    expect((await callAs(env, 'retiree', 'member', { action: 'myProfile' })).data.status).toBe('离退休')
  })

  it('still lets a member keep phone, birthday and department up to date', async () => {
    const me = (await callAs(env, 'staff', 'member', { action: 'myProfile' })).data
    const r = await callAs(env, 'staff', 'member', { action: 'updateProfile', name: me.name, department: '语文组', status: me.status, phone: '13900002222', birthday: '04-05' })
    expect(r).toMatchObject({ ok: true, data: { phone: '13900002222', birthday: '04-05', department: '语文组' } })
  })

  it('lets a member ask for a change that the chair approves, with both steps in the audit log', async () => {
    const m = await joinThroughApproval(env, '林小雨')
    const asked = await callAs(env, { openid: m.openid }, 'member', { action: 'requestChange', name: '林晓雨', reason: '身份证上的名字是"晓"', requestId: requestId() })
    expect(asked).toMatchObject({ ok: true })
    const waiting = await callAs(env, 'chair', 'member', { action: 'changeRequests', page: 1 })
    const mine = waiting.data.items.find((i: any) => i.memberId === m.id)
    expect(mine).toMatchObject({ memberName: '林小雨', changes: { name: '林晓雨' } })
    expect((await callAs(env, 'chair', 'member', { action: 'decideChange', id: mine.id, approve: true })).ok).toBe(true)
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'myProfile' })).data.name).toBe('林晓雨')
    const log = await auditFor(m.id)
    expect(log.map((e: any) => e.action)).toEqual(expect.arrayContaining(['member.requestChange', 'member.decideChange']))
  })

  it('refuses a requested staff number another member holds — when asked, and when the chair approves it later', async () => {
    const m = await joinThroughApproval(env, '钱多多')
    const zhang = await memberNamed('张明')
    const atOnce = await callAs(env, { openid: m.openid }, 'member', { action: 'requestChange', staffNo: zhang.staffNo, reason: '工号填错了', requestId: requestId() })
    expect(atOnce).toMatchObject({ ok: false, code: 'CONFLICT' })

    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'requestChange', staffNo: 'JG07777', reason: '工号填错了', requestId: requestId() })).ok).toBe(true)
    // Meanwhile the chair gives JG07777 to someone else.
    const other = await joinThroughApproval(env, '孙同号')
    const current = (await callAs(env, 'chair', 'member', { action: 'get', memberId: other.id })).data
    expect((await callAs(env, 'chair', 'member', { action: 'update', memberId: other.id, revision: current.revision, name: current.name, department: current.department, status: current.status, staffNo: 'JG07777' })).ok).toBe(true)
    const waiting = await callAs(env, 'chair', 'member', { action: 'changeRequests', page: 1 })
    const mine = waiting.data.items.find((i: any) => i.memberId === m.id)
    const r = await callAs(env, 'chair', 'member', { action: 'decideChange', id: mine.id, approve: true })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'myProfile' })).data.staffNo).toBeUndefined()
  })

  it('lets the chair change a staff number directly, audited, but not to one another member holds', async () => {
    const m = await joinThroughApproval(env, '周直改')
    const zhang = await memberNamed('张明')
    const current = (await callAs(env, 'chair', 'member', { action: 'get', memberId: m.id })).data
    const taken = await callAs(env, 'chair', 'member', { action: 'update', memberId: m.id, revision: current.revision, name: current.name, department: current.department, status: current.status, staffNo: zhang.staffNo })
    expect(taken).toMatchObject({ ok: false, code: 'CONFLICT' })
    const ok = await callAs(env, 'chair', 'member', { action: 'update', memberId: m.id, revision: current.revision, name: current.name, department: current.department, status: current.status, staffNo: 'JG09999' })
    expect(ok).toMatchObject({ ok: true, data: { staffNo: 'JG09999' } })
    const stale = await callAs(env, 'chair', 'member', { action: 'update', memberId: m.id, revision: current.revision, name: '周再改', department: current.department, status: current.status })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect((await auditFor(m.id)).some((e: any) => e.action === 'member.update')).toBe(true)
  })
})

describe('re-admission starts as a plain member and is audited', () => {
  async function removedCommittee(name: string) {
    const m = await joinThroughApproval(env, name)
    expect((await callAs(env, 'chair', 'member', { action: 'setRole', memberId: m.id, role: 'committee' })).ok).toBe(true)
    expect((await callAs(env, 'chair', 'member', { action: 'remove', memberId: m.id, reason: '调离本校' })).ok).toBe(true)
    return m
  }

  it('through an auto-approving invite', async () => {
    const m = await removedCommittee('回来甲')
    const r = await callAs(env, { openid: m.openid }, 'member', { action: 'apply', ...profile, name: m.name, invite: DEMO_INVITE_CODE, requestId: requestId() })
    expect(r.data).toMatchObject({ state: 'approved', via: 'invite' })
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'me' })).data.role).toBe('member')
    expect((await auditFor(m.id)).map((e: any) => e.action)).toContain('member.rejoin')
  })

  it('through the roster', async () => {
    // 郭伟 is on the demo roster with his staff number; made committee, removed, he applies again.
    const guo = await memberNamed('郭伟')
    await callAs(env, 'chair', 'member', { action: 'setRole', memberId: guo._id, role: 'committee' })
    expect((await callAs(env, 'chair', 'member', { action: 'remove', memberId: guo._id, reason: '借调外校' })).ok).toBe(true)
    const r = await callAs(env, { openid: guo.openid }, 'member', { action: 'apply', name: guo.name, department: guo.department, status: guo.status, staffNo: guo.staffNo, requestId: requestId() })
    expect(r.data).toMatchObject({ state: 'approved', via: 'roster' })
    expect((await callAs(env, { openid: guo.openid }, 'member', { action: 'me' })).data.role).toBe('member')
    expect((await auditFor(guo._id)).map((e: any) => e.action)).toContain('member.rejoin')
  })

  it('through the approval queue', async () => {
    const m = await removedCommittee('回来丙')
    const r = await callAs(env, { openid: m.openid }, 'member', { action: 'apply', ...profile, name: m.name, requestId: requestId() })
    expect(r.data.state).toBe('pending')
    expect((await callAs(env, 'committee', 'member', { action: 'approve', memberId: m.id })).ok).toBe(true)
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'me' })).data.role).toBe('member')
    const approve = (await auditFor(m.id)).find((e: any) => e.action === 'member.approve')
    expect(approve.sentence).toContain('重新')
  })

  it('a removed chair comes back as a plain member', async () => {
    const m = await joinThroughApproval(env, '前主席')
    await callAs(env, 'chair', 'member', { action: 'setRole', memberId: m.id, role: 'chair' })
    expect((await callAs(env, 'chair', 'member', { action: 'remove', memberId: m.id, reason: '任期结束' })).ok).toBe(true)
    const r = await callAs(env, { openid: m.openid }, 'member', { action: 'apply', ...profile, name: m.name, invite: DEMO_INVITE_CODE, requestId: requestId() })
    expect(r.data.state).toBe('approved')
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'me' })).data.role).toBe('member')
    expect((await callAs(env, { openid: m.openid }, 'member', { action: 'setDepartments', departments: ['夺权组'] })).code).toBe('FORBIDDEN')
  })
})

describe('joining from the staff group', () => {
  it('never trusts group data the client sends', async () => {
    await db.collection('app_meta').doc('join_settings').update({ data: { openGId: 'G_bound_group' } })
    const forged = [
      { group: { data: { openGId: 'G_bound_group' } } },
      { group: { cloudID: 'anything', data: { openGId: 'G_bound_group' } } },
      { groupCloudId: { cloudID: 'anything', data: { openGId: 'G_bound_group' } } },
      { groupCloudId: 'G_bound_group' },
    ]
    for (const extra of forged) {
      const who = newcomer('forge')
      const r = await callAs(env, who, 'member', { action: 'apply', ...profile, name: '伪造群', ...extra, requestId: requestId() })
      expect(r.ok && r.data.state === 'approved').toBe(false)
      expect((await callAs(env, who, 'member', { action: 'me' })).data.role).not.toBe('member')
    }
  })
})
