import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { CODE, checkCode, mine, opinionCloud, publicStats, qa, watchConsole } from './opinion-fixtures'
import { TEMPLATES } from '../../types/templates'

const consoleWatch = watchConsole()
const g = globalThis as any

describe('意见箱 tab on the weapp build', () => {
  it('member: shows the public Q&A and statistics with the one-line merge note, switches to my named opinions, offers 我要提意见', async () => {
    const p = await loadPage('pages/opinions/index', opinionCloud('member', { 'opinion.listQa': qa, 'opinion.mine': mine, 'opinion.publicStats': publicStats }))
    await p.waitFor(() => p.text().includes('食堂晚餐能否延长到 19 点？'), 'the Q&A')
    expect(p.text()).toContain('已与后勤协商')
    await p.waitFor(() => p.text().includes('共 14 条'), 'the public statistics')
    for (const t of ['师德师风', '1月—4月', '不足 5 条的月份与相邻月份合并显示']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('其他（合并）')

    await p.tap('.segmented__item', '我的意见')
    await p.waitFor(() => p.text().includes('三楼饮水机坏了'), 'my opinions')
    expect(calls(p.callFunction, 'opinion.mine')).toHaveLength(1)

    await p.tap('.app-button', '我要提意见')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/opinion/pages/submit/index')
    expect(consoleWatch.problems()).toEqual([])
  })

  it('retiree: the codes remembered on this phone are checked one per call and a new reply shows as a badge', async () => {
    const p = await loadPage('pages/opinions/index', opinionCloud('retired', { 'opinion.checkCode': checkCode }))
    await p.waitFor(() => p.text().includes('凭回执码查看匿名意见'), 'the code entry')
    g.wx.getStorageSync.mockImplementation((key: string) => (key === 'opinion.receipts' ? [{ code: CODE, category: '食堂', submittedOn: '2026-11-20', seenReplies: 1 }] : ''))
    p.page.onShow()
    await p.waitFor(() => p.text().includes('1 条新答复'), 'the badge')
    expect(calls(p.callFunction, 'opinion.checkCode').map((c) => c.data)).toEqual([{ code: CODE, action: 'checkCode' }])
    expect(consoleWatch.problems()).toEqual([])
  })

  it('chair: the tap that opens 处理意见 asks for the overdue reminder, then opens the inbox', async () => {
    g.wx = { ...(g.wx ?? {}), requestSubscribeMessage: jest.fn((o: any) => o.success?.({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATES.opinionOverdue]: 'accept' })) }
    const p = await loadPage('pages/opinions/index', opinionCloud('chair', { 'opinion.listQa': qa }))
    await p.waitFor(() => p.text().includes('处理意见'), 'the handler links')
    expect(p.text()).toContain('意见统计与设置')
    await p.tap('.nav-cell', '处理意见全部意见 · 超期时每天 8 点提醒你›')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(g.wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [TEMPLATES.opinionOverdue] }))
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/opinion/pages/inbox/index')
    expect(consoleWatch.problems()).toEqual([])
  })

  it('committee: sees only their own handling link, and no subscription is asked for', async () => {
    g.wx = { ...(g.wx ?? {}), requestSubscribeMessage: jest.fn() }
    const p = await loadPage('pages/opinions/index', opinionCloud('committee'))
    await p.waitFor(() => p.text().includes('指派给我的'), 'the handler link')
    expect(p.text()).not.toContain('意见统计与设置')
    await p.tap('.nav-cell', '处理意见指派给我的›')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(g.wx.requestSubscribeMessage).not.toHaveBeenCalled()
  })

  it('visitor: told that the opinion box is for members', async () => {
    const p = await loadPage('pages/opinions/index', opinionCloud('visitor'))
    await p.waitFor(() => p.text().includes('意见箱只对工会会员开放'), 'the members-only note')
    expect(calls(p.callFunction, 'opinion.listQa')).toHaveLength(0)
  })
})
