import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { CODE, checkCode, ids, mine, opinionCloud, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()
const g = globalThis as any

describe('我的意见 on the weapp build (member)', () => {
  it('lists my named opinions and the codes remembered on this phone, with a new-reply badge, and opens one', async () => {
    const p = await loadPage('packages/opinion/pages/mine/index', opinionCloud('member', { 'opinion.mine': mine, 'opinion.checkCode': checkCode }))
    await p.waitFor(() => p.text().includes('三楼饮水机坏了'), 'my named opinions')
    expect(p.text()).toContain('没有记住的回执码')
    g.wx.getStorageSync.mockImplementation((key: string) => (key === 'opinion.receipts' ? [{ code: CODE, category: '食堂', submittedOn: '2026-11-20', seenReplies: 1 }] : ''))
    p.page.onPullDownRefresh()
    await p.waitFor(() => p.text().includes('新答复'), 'the remembered code')
    expect(p.text()).toContain('查看进度（2 条答复）')
    expect(calls(p.callFunction, 'opinion.checkCode')).toHaveLength(1)
    // The code goes to the tracking page in memory, never in its URL.
    await p.tap('.remembered__open', undefined)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/opinion/pages/track/index')
    expect(ids.named).toHaveLength(32)
    expect(consoleWatch.problems()).toEqual([])
  })
})
