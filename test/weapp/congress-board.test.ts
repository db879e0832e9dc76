import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { board, list, session, SESSION } from './congress-fixtures'

describe('教代会提案 board on the weapp build', () => {
  it('shows a member every proposal with the 条条有答复 figures, and opens one', async () => {
    const p = await loadPage('packages/congress/pages/board/index', cloud('member', { 'congress.board': board() }), { session: SESSION })
    await p.waitFor(() => p.text().includes('关于优化课后服务排班的建议'), 'the board')
    for (const t of ['2026年第五届第三次教职工代表大会', '立案率', '78%', '按期答复率', '75%', '满意率', '83%', '第3号', '办理中', '已办结', '满意']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('写提案')
    expect(p.text()).not.toContain('提案工作台')
    // the page opens with one call
    expect(p.callFunction.mock.calls.map((c: any) => `${c[0].name}.${c[0].data.action}`).filter((k: string) => k.startsWith('congress.'))).toEqual(['congress.board'])
    expect(calls(p.callFunction, 'congress.board')[0].data).toEqual({ action: 'board', sessionId: SESSION })
    expect(p.text()).toContain('满意率按 6 人次评价计算（满意和基本满意 5 人次），另有 1 人次评价期满未评价，不计入')
    const row = p.comp.querySelectorAll('.cg-card').find((c: any) => c.dom.textContent.includes('关于优化课后服务排班的建议'))
    await p.tap('.cg-card', row.dom.textContent.trim())
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/congress/pages/proposal/index?id=${list.items[0].id}`)
  })

  it('shows the session record: the agenda and each 票决 with its results', async () => {
    const p = await loadPage('packages/congress/pages/board/index', cloud('member', { 'congress.board': board() }), { session: SESSION })
    await p.waitFor(() => p.text().includes('会议议程'), 'the record')
    expect(p.text()).toContain('1. 听取和审议学校工作报告')
    expect(p.text()).toContain('绩效工资分配方案票决（已结束，2026-12-27 截止）')
    await p.tap('.cg-link', '查看结果')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation to the results')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/poll/pages/results/index?id=${session().polls[0].id}`)
  })

  it('lets a 代表 start a proposal while collecting, and a 提案委员 reach the desk', async () => {
    const p = await loadPage('packages/congress/pages/board/index', cloud('committee', { 'congress.board': board({ delegate: true, committee: true }) }), { session: SESSION })
    await p.waitFor(() => p.text().includes('写提案'), 'the draft button')
    expect(p.text()).toContain('你是本届代表')
    await p.tap('.cg-link', '提醒我：征集开始、即将截止和附议邀请')
    await p.waitFor(() => p.wx.requestSubscribeMessage.mock.calls.length > 0, 'the subscription request')
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl_congress_collect_open', 'tpl_congress_collect_closing', 'tpl_congress_invite'])
    await p.tap('.app-button', '写提案')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/congress/pages/edit/index?session=${SESSION}`)
    await p.tap('.cg-link', '提案工作台')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 1, 'navigation to the desk')
    expect(p.navigateTo.mock.calls[1][0].url).toBe(`/packages/congress/pages/desk/index?session=${SESSION}`)
  })

  it('shows a 代表 (and a 列席) 我的签到码 on the meeting day only, fetched for this session', async () => {
    const code = { token: 'JD1.congress-5-3_m8.abc.def.ghi', expiresAt: '2026-12-27T00:41:00.000Z', refreshInSeconds: 30 }
    const p = await loadPage('packages/congress/pages/board/index', cloud('member', { 'congress.board': board({ guest: true }, true), 'congress.checkinToken': code }), { session: SESSION })
    await p.waitFor(() => p.text().includes('会议签到'), 'the sign-in card')
    expect(p.text()).toContain('（列席）')
    await p.tap('.app-button', '我的签到码')
    await p.waitFor(() => !!p.comp.querySelector('.qr__image'), 'the code')
    expect(p.text()).toContain(code.token)
    expect(calls(p.callFunction, 'congress.checkinToken')[0].data).toMatchObject({ sessionId: SESSION })

    const other = await loadPage('packages/congress/pages/board/index', cloud('member', { 'congress.board': board({ delegate: true }, false) }), { session: SESSION })
    await other.waitFor(() => other.text().includes('关于优化课后服务排班的建议'), 'the board')
    expect(other.text()).not.toContain('我的签到码')
  })
})
