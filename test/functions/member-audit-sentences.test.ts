/**
 * The audit log as the chair reads it, through the real functions: every entry the member actions
 * (and a few other domains' actions) write comes back from member.auditLog as one Chinese sentence
 * — names instead of ids, Chinese field names, no JSON, no keys, no hashes.
 */
import { callAs, seededEnv } from './helpers'
import { joinThroughApproval, mintGroupCloudId, requestId } from './member-support'
import { published } from './notice-support'
import { sentenceProblems } from '../unit/member/audit-check'
import { DEMO_INVITE_CODE } from '../../emulator/seed/member-extras'

let env: string
let db: any

async function allEntries(): Promise<Array<{ id: string; action: string; sentence: string }>> {
  const out: Array<{ id: string; action: string; sentence: string }> = []
  for (let page = 1; ; page++) {
    const r = await callAs(env, 'chair', 'member', { action: 'auditLog', page })
    out.push(...r.data.items)
    if (r.data.items.length < 20) return out
  }
}

beforeAll(async () => {
  ({ env, db } = await seededEnv('auditwords'))
  const chair = 'chair' as const
  const a = await joinThroughApproval(env, '审计甲')
  const b = await joinThroughApproval(env, '审计乙')
  const steps: Array<() => Promise<any>> = [
    () => callAs(env, chair, 'member', { action: 'setRole', memberId: a.id, role: 'committee' }),
    () => callAs(env, chair, 'member', { action: 'get', memberId: b.id }).then((r) => callAs(env, chair, 'member', { action: 'update', memberId: b.id, revision: r.data.revision, name: r.data.name, department: '数学组', status: r.data.status, staffNo: 'JG08888', phone: '13900008888' })),
    () => callAs(env, { openid: b.openid }, 'member', { action: 'requestChange', name: '审计乙改', reason: '改名了', requestId: requestId() }),
    () => callAs(env, chair, 'member', { action: 'changeRequests', page: 1 }).then((r) => callAs(env, chair, 'member', { action: 'decideChange', id: r.data.items[0].id, approve: true })),
    () => callAs(env, chair, 'member', { action: 'remove', memberId: a.id, reason: '调离本校' }),
    () => callAs(env, { openid: a.openid }, 'member', { action: 'apply', name: '审计甲', department: '语文组', status: '在职', invite: DEMO_INVITE_CODE, requestId: requestId() }),
    () => callAs(env, chair, 'member', { action: 'setJoinSettings', roster: false }),
    () => mintGroupCloudId('o_dev_chair', 'G_audit').then((groupCloudId) => callAs(env, chair, 'member', { action: 'bindGroup', groupCloudId })),
    () => callAs(env, chair, 'member', { action: 'createInvite', days: 7, maxUses: 5, note: '审计用', requestId: requestId() }).then((r) => callAs(env, chair, 'member', { action: 'revokeInvite', code: r.data.code })),
    () => callAs(env, chair, 'member', { action: 'setDepartments', departments: ['语文组', '数学组', '英语组', '理化生组', '政史地组', '体艺组', '行政办公室', '后勤处', '教务处', '心理组'] }),
    () => callAs(env, 'committee', 'member', { action: 'exportDirectory', status: '离退休' }),
    () => callAs(env, chair, 'opinion', { action: 'setSettings', dueDays: 10 }),
    () => published(env, { title: '审计用公告' }),
  ]
  for (const step of steps) {
    const r = await step()
    if (r && typeof r === 'object' && 'ok' in r && !r.ok) throw new Error(`step failed: ${r.code} ${r.message}`)
  }
  const applicant = { openid: `o_t_audit_rej_${Date.now()}` }
  await callAs(env, applicant, 'member', { action: 'apply', name: '审计丙', department: '语文组', status: '在职', requestId: requestId() })
  const me = await callAs(env, applicant, 'member', { action: 'myProfile' })
  await callAs(env, 'committee', 'member', { action: 'reject', memberId: me.data.id, reason: '请补充工号' })
})

describe('member.auditLog through the functions', () => {
  it('reads every entry as a sentence without JSON, keys or ids', async () => {
    const entries = await allEntries()
    expect(entries.length).toBeGreaterThan(12)
    const raw = (await db.collection('audit_log').limit(1000).get()).data
    const byId = new Map(raw.map((e: any) => [e._id, e]))
    const bad = entries
      .map((e) => ({ action: e.action, sentence: e.sentence, problems: sentenceProblems(byId.get(e.id) as any, e.sentence) }))
      .filter((e) => e.problems.length)
    expect(bad).toEqual([])
  })

  it('covers the member actions driven above', async () => {
    const actions = new Set((await allEntries()).map((e) => e.action))
    for (const a of ['member.approve', 'member.reject', 'member.setRole', 'member.update', 'member.requestChange', 'member.decideChange', 'member.remove', 'member.rejoin',
      'member.setJoinSettings', 'member.bindGroup', 'member.createInvite', 'member.revokeInvite', 'member.setDepartments', 'member.exportDirectory', 'opinion.setSettings', 'notice.publish']) {
      expect(actions).toContain(a)
    }
  })

  it('names people, not ids, and writes what changed', async () => {
    const sentences = (await allEntries()).map((e) => e.sentence)
    expect(sentences).toContain('王建华 把 审计甲 的身份 从 会员 改为 委员。')
    expect(sentences).toContain('审计甲 曾被移除，通过“邀请码”重新加入工会，身份为普通会员。')
    expect(sentences.find((s) => s.includes('审计乙') && s.includes('工号'))).toMatch(/工号：JG08888|工号 从 .* 改为 JG08888/)
  })

  it('refuses a date that does not exist, naming the field', async () => {
    const r = await callAs(env, 'chair', 'member', { action: 'auditLog', to: '2026-13-01', page: 1 })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toContain('结束日期')
  })
})
