import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { list, session, sessions, SESSION } from './congress-fixtures'

describe('教代会提案 board on the weapp build', () => {
  it('shows a member every proposal with the 条条有答复 figures, and opens one', async () => {
    const p = await loadPage('packages/congress/pages/board/index', cloud('member', { 'congress.sessions': sessions, 'congress.session': session(), 'congress.list': list }), { session: SESSION })
    await p.waitFor(() => p.text().includes('关于优化课后服务排班的建议'), 'the board')
    for (const t of ['2026年第五届第三次教职工代表大会', '立案率', '78%', '按期答复率', '75%', '满意率', '83%', '第3号', '办理中', '已办结', '满意']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('写提案')
    expect(p.text()).not.toContain('提案工作台')
    expect(calls(p.callFunction, 'congress.list')[0].data).toMatchObject({ sessionId: SESSION, page: 1 })
    await p.tap('.cg-card', p.comp.querySelectorAll('.cg-card')[2].dom.textContent.trim())
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/congress/pages/proposal/index?id=${list.items[0].id}`)
  })

  it('lets a 代表 start a proposal while collecting, and a 提案委员 reach the desk', async () => {
    const p = await loadPage('packages/congress/pages/board/index', cloud('committee', { 'congress.sessions': sessions, 'congress.session': session({ delegate: true, committee: true }), 'congress.list': list }), { session: SESSION })
    await p.waitFor(() => p.text().includes('写提案'), 'the draft button')
    expect(p.text()).toContain('你是本届代表')
    await p.tap('.app-button', '写提案')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/congress/pages/edit/index?session=${SESSION}`)
    await p.tap('.cg-link', '提案工作台')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 1, 'navigation to the desk')
    expect(p.navigateTo.mock.calls[1][0].url).toBe(`/packages/congress/pages/desk/index?session=${SESSION}`)
  })
})
