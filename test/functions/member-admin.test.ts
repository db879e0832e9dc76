/**
 * Committee and chair work on members: directory (no openids; phones masked except for the
 * chair), roles with at least one chair, soft removal that ends access at once, and the audit
 * log that records every one of these actions.
 */
import { callAs, seededEnv } from './helpers'
import { sdkFor } from '../support/cloud'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('memberadmin')) })

async function idOf(name: string): Promise<string> {
  const r = await callAs(env, 'chair', 'member', { action: 'directory', keyword: name, page: 1 })
  const hit = r.data.items.find((i: any) => i.name === name)
  if (!hit) throw new Error(`no member ${name}`)
  return hit.id
}

describe('directory', () => {
  it('shows the chair full phone numbers and the committee masked ones, never an openid', async () => {
    const chair = await callAs(env, 'chair', 'member', { action: 'directory', page: 1 })
    const committee = await callAs(env, 'committee', 'member', { action: 'directory', page: 1 })
    expect(chair.data.items[0].phone).toMatch(/^1\d{10}$/)
    expect(committee.data.items[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(JSON.stringify([chair, committee])).not.toMatch(/openid|o_dev_|o_seed_/)
  })

  it('filters by department and status and searches names, 20 a page', async () => {
    const all = await callAs(env, 'chair', 'member', { action: 'directory', page: 1 })
    expect(all.data.items).toHaveLength(20)
    expect(all.data.total).toBeGreaterThan(20)
    const retired = await callAs(env, 'chair', 'member', { action: 'directory', status: '离退休', page: 1 })
    expect(retired.data.items.every((i: any) => i.status === '离退休')).toBe(true)
    const dept = await callAs(env, 'chair', 'member', { action: 'directory', department: '数学组', page: 1 })
    expect(dept.data.items.length).toBeGreaterThan(0)
    expect(dept.data.items.every((i: any) => i.department === '数学组')).toBe(true)
    const found = await callAs(env, 'committee', 'member', { action: 'directory', keyword: '张', page: 1 })
    expect(found.data.items.every((i: any) => i.name.includes('张'))).toBe(true)
  })

  it('exports the directory as an Excel file with one row per member', async () => {
    const r = await callAs(env, 'committee', 'member', { action: 'exportDirectory', status: '离退休' })
    expect(r.ok).toBe(true)
    const ExcelJS = require('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await (await fetch(encodeURI(r.data.url))).arrayBuffer())
    const sheet = book.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名')
    expect(sheet.rowCount - 1).toBe(r.data.rows)
    expect(String(sheet.getRow(2).getCell(7).value)).toMatch(/\*{4}/)
  })
})

describe('roles and removal', () => {
  it('never leaves the union without a chair', async () => {
    const chairId = await idOf('王建华')
    const r = await callAs(env, 'chair', 'member', { action: 'setRole', memberId: chairId, role: 'member' })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(r.message).toContain('至少要保留一位主席')
    expect((await callAs(env, 'chair', 'member', { action: 'remove', memberId: chairId, reason: '测试移除' })).code).toBe('CONFLICT')
    expect((await callAs(env, 'chair', 'member', { action: 'me' })).data.role).toBe('chair')
  })

  it('keeps a chair when two chairs step down or remove each other at the same moment', async () => {
    const { env: env2, db: db2 } = await seededEnv('twochairs')
    const ids = async (name: string) => (await callAs(env2, 'chair', 'member', { action: 'directory', keyword: name, page: 1 })).data.items[0].id
    const wang = await ids('王建华')
    const li = await ids('李晓梅')
    await callAs(env2, 'chair', 'member', { action: 'setRole', memberId: li, role: 'chair' })
    await Promise.all([
      callAs(env2, 'chair', 'member', { action: 'setRole', memberId: wang, role: 'member' }),
      callAs(env2, 'committee', 'member', { action: 'setRole', memberId: li, role: 'member' }),
    ])
    expect((await db2.collection('members').where({ membership: 'approved', role: 'chair' }).count()).total).toBeGreaterThanOrEqual(1)
    const chair = (await callAs(env2, 'chair', 'member', { action: 'me' })).data.role === 'chair' ? 'chair' : 'committee'
    const other = chair === 'chair' ? li : wang
    await callAs(env2, chair, 'member', { action: 'setRole', memberId: other, role: 'chair' })
    await Promise.all([
      callAs(env2, 'chair', 'member', { action: 'remove', memberId: li, reason: '同时操作' }),
      callAs(env2, 'committee', 'member', { action: 'remove', memberId: wang, reason: '同时操作' }),
    ])
    const chairs = (await db2.collection('members').where({ membership: 'approved', role: 'chair' }).count()).total
    expect(chairs).toBeGreaterThanOrEqual(1)
  })

  it('makes a member committee and back, each step in the audit log', async () => {
    const id = await idOf('张明')
    await callAs(env, 'chair', 'member', { action: 'setRole', memberId: id, role: 'committee' })
    expect((await callAs(env, 'staff', 'member', { action: 'me' })).data.role).toBe('committee')
    await callAs(env, 'chair', 'member', { action: 'setRole', memberId: id, role: 'member' })
    const log = await callAs(env, 'chair', 'member', { action: 'auditLog', targetId: id, page: 1 })
    expect(log.data.items.map((i: any) => i.sentence)).toEqual(['王建华 把 张明 的身份 从 委员 改为 会员。', '王建华 把 张明 的身份 从 会员 改为 委员。'])
    expect(log.data.items[0]).toMatchObject({ actorName: '王建华', actionLabel: '调整身份' })
  })

  it('removes a member softly: the record stays, access ends with their next call', async () => {
    const id = await idOf('陈桂兰')
    expect((await callAs(env, 'retiree', 'activity', { action: 'list', page: 1 })).ok).toBe(true)
    expect((await callAs(env, 'chair', 'member', { action: 'remove', memberId: id, reason: '调离本校' })).ok).toBe(true)
    expect(await callAs(env, 'retiree', 'activity', { action: 'list', page: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const internal = await callAs(env, 'retiree', 'notice', { action: 'list', page: 1 })
    expect(internal.data.items.every((n: any) => n.visibility === 'public')).toBe(true)
    const stored = (await db.collection('members').doc(id).get()).data
    expect(stored).toMatchObject({ name: '陈桂兰', membership: 'removed', removeReason: '调离本校' })
  })

  it('hands the chair over: the other member becomes chair and the old chair committee', async () => {
    const { env: env2 } = await seededEnv('handover')
    const r = await callAs(env2, 'chair', 'member', { action: 'directory', keyword: '李晓梅', page: 1 })
    await callAs(env2, 'chair', 'member', { action: 'handOver', memberId: r.data.items[0].id })
    expect((await callAs(env2, 'committee', 'member', { action: 'me' })).data.role).toBe('chair')
    expect((await callAs(env2, 'chair', 'member', { action: 'me' })).data.role).toBe('committee')
  })

  it('lets the chair correct a profile and keeps the old values in the log', async () => {
    const id = await idOf('刘芳')
    const before = (await callAs(env, 'chair', 'member', { action: 'get', memberId: id })).data
    await callAs(env, 'chair', 'member', { action: 'update', memberId: id, revision: before.revision, name: before.name, department: '教务处', status: before.status })
    const log = await callAs(env, 'chair', 'member', { action: 'auditLog', targetId: id, page: 1 })
    expect(log.data.items[0].sentence).toBe(`王建华 把 刘芳 的部门 从 ${before.department} 改为 教务处。`)
  })

  it('lets a member edit their own profile but not their role', async () => {
    const r = await callAs(env, 'staff', 'member', { action: 'updateProfile', name: '张明', department: '数学组', status: '在职', phone: '13900001111', role: 'chair' })
    expect(r.ok).toBe(true)
    expect((await callAs(env, 'staff', 'member', { action: 'me' })).data.role).toBe('member')
    expect((await callAs(env, 'staff', 'member', { action: 'myProfile' })).data.phone).toBe('13900001111')
  })

  it('keeps the audit log append-only: no action of any function changes or removes an entry', async () => {
    const { db: raw } = sdkFor(env)
    const count = (await raw.collection('audit_log').count()).total
    expect(count).toBeGreaterThan(3)
    const log = await callAs(env, 'chair', 'member', { action: 'auditLog', page: 1 })
    expect(log.data.total).toBe(count)
  })
})

describe('audit log across the app', () => {
  it('has a sentence for every action any function records', async () => {
    const fs = require('node:fs') as typeof import('node:fs')
    const path = require('node:path') as typeof import('node:path')
    const { PHRASES } = require('../../cloudfunctions/_shared/audit-sentences') as typeof import('../../cloudfunctions/_shared/audit-sentences')
    const root = path.join(__dirname, '../../cloudfunctions')
    const literal = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (file.endsWith('.ts') && !file.includes(`${path.sep}member${path.sep}audit-`)) {
          const text = fs.readFileSync(file, 'utf8').replace(/createdId\([^)]*\)/g, '')
          if (!/recordAudit|audit\(/.test(text)) continue
          for (const m of text.matchAll(/'((?:member|notice|opinion|activity|welfare|notify)\.[A-Za-z]+)'/g)) literal.add(m[1])
          for (const m of text.matchAll(/audit\(ctx, o, '([A-Za-z]+)'/g)) literal.add(`opinion.${m[1]}`)
        }
      }
    }
    walk(root)
    expect([...literal].filter((a) => !(a in PHRASES))).toEqual([])
  })

  it('filters by area and shows the chair readable entries', async () => {
    const log = await callAs(env, 'chair', 'member', { action: 'auditLog', area: 'member', page: 1 })
    expect(log.data.items.length).toBeGreaterThan(0)
    expect(log.data.items.every((i: any) => i.action.startsWith('member.') && /[\u4e00-\u9fa5]/.test(i.actionLabel))).toBe(true)
  })
})
