/**
 * Settings and invites under concurrency and retries: field-level settings updates lose nothing,
 * one applicant's parallel taps take one invite use, creates are idempotent, and bad dates are
 * refused as bad input (never INTERNAL).
 */
import { callAs, seededEnv } from './helpers'
import { mintGroupCloudId, newcomer, profile, requestId, warmMemberFunction } from './member-support'

let env: string
let db: any
beforeAll(async () => {
  ({ env, db } = await seededEnv('memsettings'))
  await warmMemberFunction(env)
})

async function joinDoc(): Promise<any> {
  return (await db.collection('app_meta').doc('join_settings').get()).data
}

describe('joining settings', () => {
  it('keeps both changes when the group is bound while the paths are switched, 9 times at once', async () => {
    // A read-modify-write of the whole settings document loses one of the two every so often.
    for (let round = 0; round < 9; round++) {
      const group = `G_round_${round}`
      const cloudId = await mintGroupCloudId('o_dev_chair', group)
      const flip = round % 2 === 0
      const [bound, switched] = await Promise.all([
        callAs(env, 'chair', 'member', { action: 'bindGroup', groupCloudId: cloudId }),
        callAs(env, 'chair', 'member', { action: 'setJoinSettings', group: flip, invite: !flip, roster: flip }),
      ])
      expect(bound.ok && switched.ok).toBe(true)
      expect(await joinDoc()).toMatchObject({ openGId: group, group: flip, invite: !flip, roster: flip })
    }
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', group: true, invite: true, roster: true })
  })

  it('changes only the path the chair switched', async () => {
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', invite: false })
    expect(await joinDoc()).toMatchObject({ group: true, invite: false, roster: true })
    await callAs(env, 'chair', 'member', { action: 'setJoinSettings', invite: true })
  })
})

describe('invites', () => {
  async function uses(code: string): Promise<number> {
    const list = await callAs(env, 'chair', 'member', { action: 'listInvites' })
    return list.data.items.find((i: any) => i.code === code).uses
  }

  it('takes one use when a rejected applicant applies with it 4 times at once', async () => {
    const who = newcomer('again')
    await callAs(env, who, 'member', { action: 'apply', ...profile, name: '再申请', requestId: requestId() })
    const me = await callAs(env, who, 'member', { action: 'myProfile' })
    await callAs(env, 'committee', 'member', { action: 'reject', memberId: me.data.id, reason: '请补充工号' })
    const invite = await callAs(env, 'chair', 'member', { action: 'createInvite', days: 7, maxUses: 10, autoApprove: false, requestId: requestId() })
    const answers = await Promise.all(Array.from({ length: 4 }, () => callAs(env, who, 'member', { action: 'apply', ...profile, name: '再申请', invite: invite.data.code, requestId: requestId() })))
    expect(answers.some((a) => a.ok)).toBe(true)
    expect(await uses(invite.data.code)).toBe(1)
  })

  it('takes one use when a newcomer taps 提交 5 times at once', async () => {
    const who = newcomer('taps')
    const invite = await callAs(env, 'chair', 'member', { action: 'createInvite', days: 7, maxUses: 10, autoApprove: true, requestId: requestId() })
    const same = requestId()
    const answers = await Promise.all(Array.from({ length: 5 }, () => callAs(env, who, 'member', { action: 'apply', ...profile, name: '连点五下', invite: invite.data.code, requestId: same })))
    expect(answers.filter((a) => a.ok).map((a) => a.data.state)).toContain('approved')
    expect(await uses(invite.data.code)).toBe(1)
    expect((await db.collection('members').where({ openid: who.openid }).count()).total).toBe(1)
  })

  it('creates one invite for one request id, however often it is sent', async () => {
    const id = requestId()
    const answers = await Promise.all(Array.from({ length: 3 }, () => callAs(env, 'chair', 'member', { action: 'createInvite', days: 7, maxUses: 3, note: '重复提交', requestId: id })))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data.code)).size).toBe(1)
    expect((await db.collection('invites').where({ note: '重复提交' }).count()).total).toBe(1)
  })

  it('answers a retried application with its first outcome', async () => {
    const who = newcomer('retry')
    const id = requestId()
    const first = await callAs(env, who, 'member', { action: 'apply', ...profile, name: '重试者', requestId: id })
    const retry = await callAs(env, who, 'member', { action: 'apply', ...profile, name: '重试者', requestId: id })
    expect(first).toMatchObject({ ok: true, data: { state: 'pending' } })
    expect(retry).toEqual(first)
  })
})

describe('bad input', () => {
  it('refuses an audit-log date that does not exist as bad input, naming the field', async () => {
    const r = await callAs(env, 'chair', 'member', { action: 'auditLog', from: '2026-02-30', page: 1 })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toContain('开始日期')
  })

  it('refuses ids with characters no id has', async () => {
    for (const memberId of ['abc\u0000def', 'x'.repeat(200), '../members']) {
      const r = await callAs(env, 'chair', 'member', { action: 'get', memberId })
      expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    }
  })
})
