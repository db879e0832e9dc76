/**
 * Bootstrapping and joining through the real runner and SDK: the setup code, the bound staff
 * group, invites (expiry, uses, revocation), roster match, and the approval queue.
 */
import { callAs, seededEnv } from './helpers'
import { newEnvName, sdkFor } from '../support/cloud'
import { DEMO_INVITE_CODE, NOT_YET_JOINED } from '../../emulator/seed/member-extras'
import { mintGroupCloudId, requestId, warmMemberFunction } from './member-support'

const SETUP_CODE = '246810' // test/support/global-setup.ts
const profile = { name: '周新来', department: '语文组', status: '在职' }
let n = 0
const newcomer = () => ({ openid: `o_test_join_${++n}_${Date.now().toString(36)}` })
/** Applies as `who` opened from the group `openGId` (a cloudID WeChat would give that person). */
const fromGroup = async (who: { openid: string }, openGId: string) => ({ groupCloudId: await mintGroupCloudId(who.openid, openGId) })

describe('bootstrap with the setup code', () => {
  let env: string
  beforeAll(() => { env = newEnvName('setup') })

  it('tells the first visitor that setup is open', async () => {
    const r = await callAs(env, newcomer(), 'member', { action: 'me' })
    expect(r.data).toMatchObject({ role: 'visitor', setupOpen: true })
  })

  it('refuses a wrong code, writes no member, and slows down after five tries', async () => {
    const guesser = newcomer()
    for (let i = 0; i < 5; i++) {
      expect(await callAs(env, guesser, 'member', { action: 'setup', code: `00000${i}`, ...profile })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '设置码不正确，请核对后再输入' })
    }
    expect(await callAs(env, guesser, 'member', { action: 'setup', code: SETUP_CODE, ...profile })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    const { db } = sdkFor(env)
    expect((await db.collection('members').count()).total).toBe(0)
  })

  it('makes the first person with the right code chair, and the code then stops working', async () => {
    const first = newcomer()
    const r = await callAs(env, first, 'member', { action: 'setup', code: SETUP_CODE, ...profile, name: '王建华' })
    expect(r).toMatchObject({ ok: true, data: { role: 'chair', membership: 'approved', name: '王建华' } })
    expect((await callAs(env, first, 'member', { action: 'me' })).data.role).toBe('chair')

    const second = await callAs(env, newcomer(), 'member', { action: 'setup', code: SETUP_CODE, ...profile })
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await callAs(env, newcomer(), 'member', { action: 'me' })).data.setupOpen).toBe(false)
  })

  it('lets exactly one of many simultaneous right-code callers become chair', async () => {
    const env2 = newEnvName('setuprace')
    await warmMemberFunction(env2)
    const answers = await Promise.all(Array.from({ length: 8 }, () => callAs(env2, newcomer(), 'member', { action: 'setup', code: SETUP_CODE, ...profile })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const { db } = sdkFor(env2)
    expect((await db.collection('members').where({ role: 'chair' }).count()).total).toBe(1)
  })
})

describe('joining', () => {
  let env: string
  beforeAll(async () => { ({ env } = await seededEnv('join')) })

  it('queues an applicant no path recognises, who then sees only applicant rights', async () => {
    const who = newcomer()
    expect(await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile })).toMatchObject({ ok: true, data: { state: 'pending', via: 'approval' } })
    expect((await callAs(env, who, 'member', { action: 'me' })).data.role).toBe('applicant')
    expect(await callAs(env, who, 'notice', { action: 'list', page: 1 })).toMatchObject({ ok: true })
    expect(await callAs(env, who, 'activity', { action: 'list', page: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses a department that is not on the union list and writes nothing', async () => {
    const who = newcomer()
    const r = await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile, department: '火星组' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toContain('火星组')
    expect((await callAs(env, who, 'member', { action: 'me' })).data.role).toBe('visitor')
  })

  it('approves at once when name and staff no. match the roster', async () => {
    const row = NOT_YET_JOINED[1]
    const r = await callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), name: row.name, department: row.department, status: row.status, staffNo: row.staffNo })
    expect(r).toMatchObject({ ok: true, data: { state: 'approved', via: 'roster' } })
  })

  it('does not approve a staff no. from the roster with a different name', async () => {
    const r = await callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), ...profile, staffNo: NOT_YET_JOINED[0].staffNo })
    expect(r.data).toMatchObject({ state: 'pending' })
    const queue = await callAs(env, 'committee', 'member', { action: 'queue', page: 1 })
    expect(queue.data.items.find((q: any) => q.staffNo === NOT_YET_JOINED[0].staffNo).hint).toContain('赵新')
  })

  it('approves through an auto-approving invite and counts its use', async () => {
    const r = await callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), ...profile, invite: DEMO_INVITE_CODE.toLowerCase() })
    expect(r).toMatchObject({ ok: true, data: { state: 'approved', via: 'invite' } })
    const list = await callAs(env, 'chair', 'member', { action: 'listInvites' })
    expect(list.data.items.find((i: any) => i.code === DEMO_INVITE_CODE).uses).toBe(4)
  })

  it('never lets an invite be used more times than allowed, even all at once', async () => {
    const invite = await callAs(env, 'chair', 'member', { action: 'createInvite', requestId: requestId(), days: 7, maxUses: 3, note: '并发测试' })
    const answers = await Promise.all(Array.from({ length: 10 }, () => callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), ...profile, invite: invite.data.code })))
    expect(answers.filter((a) => a.ok && a.data.state === 'approved')).toHaveLength(3)
    expect(answers.filter((a) => !a.ok).every((a) => a.code === 'CONFLICT' && /次数已满|刚刚用完/.test(a.message))).toBe(true)
  })

  it('refuses a revoked invite and an unknown one with their own messages, writing nothing', async () => {
    const invite = await callAs(env, 'chair', 'member', { action: 'createInvite', requestId: requestId(), days: 7, maxUses: 5 })
    await callAs(env, 'chair', 'member', { action: 'revokeInvite', code: invite.data.code })
    const who = newcomer()
    expect((await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile, invite: invite.data.code })).message).toContain('停用')
    expect((await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile, invite: 'NOPE1234' })).message).toContain('不存在')
    expect((await callAs(env, who, 'member', { action: 'me' })).data.role).toBe('visitor')
    expect((await callAs(env, who, 'member', { action: 'inviteInfo', code: invite.data.code })).data).toMatchObject({ valid: false })
  })

  it('refuses an expired invite', async () => {
    const { db } = sdkFor(env)
    await db.collection('invites').add({ data: { _id: 'OLDCODE2', note: '', expiresAt: new Date(Date.now() - 1000), maxUses: 5, remaining: 5, autoApprove: true, revoked: false, createdBy: 'x', createdAt: new Date() } })
    expect((await callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), ...profile, invite: 'OLDCODE2' })).message).toContain('过期')
  })

  it('queues an invite that needs review until the chair approves', async () => {
    const invite = await callAs(env, 'chair', 'member', { action: 'createInvite', requestId: requestId(), days: 7, maxUses: 5, autoApprove: false })
    const r = await callAs(env, newcomer(), 'member', { action: 'apply', requestId: requestId(), ...profile, invite: invite.data.code })
    expect(r.data.state).toBe('pending')
  })

  it('approves applicants opening the app from the bound staff group, and only that group', async () => {
    const bound = await callAs(env, 'chair', 'member', { action: 'bindGroup', groupCloudId: await mintGroupCloudId('o_dev_chair', 'G_staff_group') })
    expect(bound).toMatchObject({ ok: true, data: { groupBound: true } })
    const settings = await callAs(env, 'chair', 'member', { action: 'joinSettings' })
    expect(settings.data).toEqual({ group: true, invite: true, roster: true, groupBound: true })
    expect(JSON.stringify(settings)).not.toContain('G_staff_group')
    const inGroup = newcomer()
    expect((await callAs(env, inGroup, 'member', { action: 'apply', requestId: requestId(), ...profile, ...(await fromGroup(inGroup, 'G_staff_group')) })).data).toMatchObject({ state: 'approved', via: 'group' })
    const elsewhere = newcomer()
    expect((await callAs(env, elsewhere, 'member', { action: 'apply', requestId: requestId(), ...profile, ...(await fromGroup(elsewhere, 'G_other')) })).data.state).toBe('pending')
  })

  it('refuses a cloudID minted for someone else (it resolves only for its own user)', async () => {
    const owner = newcomer()
    const thief = newcomer()
    const stolen = await mintGroupCloudId(owner.openid, 'G_staff_group')
    const r = await callAs(env, thief, 'member', { action: 'apply', requestId: requestId(), ...profile, groupCloudId: stolen })
    expect(r.data.state).toBe('pending')
  })

  it('refuses to bind a group from a cloudID that does not resolve', async () => {
    const r = await callAs(env, 'chair', 'member', { action: 'bindGroup', groupCloudId: 'not-a-real-cloud-id' })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('closes a path the chair switches off', async () => {
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', group: false, invite: true, roster: false })
    const row = NOT_YET_JOINED[0]
    const who = newcomer()
    const r = await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), name: row.name, department: row.department, status: row.status, staffNo: row.staffNo, ...(await fromGroup(who, 'G_staff_group')) })
    expect(r.data.state).toBe('pending')
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', group: true, invite: true, roster: true })
  })

  it('shows a rejected applicant the reason, and lets them apply again', async () => {
    const who = newcomer()
    await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile, name: '待拒绝' })
    const me = await callAs(env, who, 'member', { action: 'myProfile' })
    const rejected = await callAs(env, 'committee', 'member', { action: 'reject', memberId: me.data.id, reason: '工号与名册不符，请核对' })
    expect(rejected.ok).toBe(true)
    expect((await callAs(env, who, 'member', { action: 'me' })).data).toMatchObject({ role: 'visitor', application: { state: 'rejected', reason: '工号与名册不符，请核对' } })
    expect((await callAs(env, who, 'member', { action: 'apply', requestId: requestId(), ...profile, name: '待拒绝' })).data.state).toBe('pending')
  })

  it('refuses to reject without a reason', async () => {
    expect(await callAs(env, 'committee', 'member', { action: 'reject', memberId: 'mem001', reason: '' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})
