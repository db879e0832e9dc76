import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { departments, invites, joinPaths, roster } from './fixtures'

const answers = { 'member.joinSettings': joinPaths, 'member.listInvites': invites, 'member.rosterStatus': roster, 'member.departments': departments, 'member.createInvite': invites.items[0] }

describe('加入方式与名册 on the weapp build', () => {
  it('shows the chair the paths, invites, roster and departments, and makes an invite with a request id', async () => {
    const p = await loadPage('packages/member/pages/settings/index', cloud('chair', answers))
    await p.waitFor(() => p.text().includes('JGZJ2026') && p.text().includes('2026年教职工名册.xlsx'), 'the settings')
    expect(p.text()).toContain('还没有绑定教职工群')
    await p.tap('.app-button', '生成邀请码')
    await p.waitFor(() => calls(p.callFunction, 'member.createInvite').length === 1, 'the invite')
    expect(calls(p.callFunction, 'member.createInvite')[0].data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('switches one path at a time', async () => {
    const p = await loadPage('packages/member/pages/settings/index', cloud('chair', { ...answers, 'member.setJoinSettings': { ...joinPaths, invite: false } }))
    await p.waitFor(() => p.text().includes('与名册一致即通过'), 'the switches')
    p.comp.querySelectorAll('.join-switch')[1].dispatchEvent('change', { detail: { value: false } })
    await p.waitFor(() => calls(p.callFunction, 'member.setJoinSettings').length === 1, 'the change')
    expect(calls(p.callFunction, 'member.setJoinSettings')[0].data).toEqual({ action: 'setJoinSettings', invite: false })
  })

  it('refuses the committee', async () => {
    const p = await loadPage('packages/member/pages/settings/index', cloud('committee'))
    await p.waitFor(() => p.text().includes('只有工会主席可以查看这一页'), 'the refusal')
    expect(calls(p.callFunction, 'member.joinSettings')).toHaveLength(0)
  })
})
