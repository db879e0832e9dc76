/**
 * The directory finds members by name from an index (#18.3): each member keeps its name's search
 * terms (2-character windows and single characters) through joining, the chair's corrections and
 * approved change requests; a surname alone finds everyone with it.
 */
import { callAs, seededEnv } from './helpers'
import { joinThroughApproval, requestId } from './member-support'

let env: string
beforeAll(async () => { ({ env } = await seededEnv('member-search')) })

const found = async (keyword: string) => (await callAs(env, 'committee', 'member', { action: 'directory', keyword, page: 1 })).data.items.map((i: any) => i.name)

describe('directory search by name', () => {
  it('finds a member who joined through the app by surname, by full name and by any two characters', async () => {
    await joinThroughApproval(env, '欧阳晓峰')
    for (const k of ['欧', '欧阳', '阳晓', '晓峰', '欧阳晓峰']) expect(await found(k)).toContain('欧阳晓峰')
    for (const k of ['欧峰', '晓阳', '欧阳峰']) expect(await found(k)).not.toContain('欧阳晓峰')
  })

  it('finds every member with a surname, and only them', async () => {
    const names = await found('张')
    expect(names.length).toBeGreaterThan(0)
    expect(names.every((n: string) => n.includes('张'))).toBe(true)
  })

  it('follows a correction by the chair and an approved change request', async () => {
    const m = await joinThroughApproval(env, '司马青')
    const r = await callAs(env, 'chair', 'member', { action: 'get', memberId: m.id })
    await callAs(env, 'chair', 'member', { action: 'update', memberId: m.id, revision: r.data.revision, name: '司马青云', department: r.data.department, status: r.data.status })
    expect(await found('青云')).toContain('司马青云')
    await callAs(env, { openid: m.openid }, 'member', { action: 'requestChange', name: '司徒青云', reason: '改随母姓', requestId: requestId() })
    const waiting = await callAs(env, 'chair', 'member', { action: 'changeRequests', page: 1 })
    await callAs(env, 'chair', 'member', { action: 'decideChange', id: waiting.data.items.find((i: any) => i.memberId === m.id).id, approve: true })
    expect(await found('司徒')).toContain('司徒青云')
    expect(await found('司马')).not.toContain('司徒青云')
  })
})
