import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { consoleView, pollCloud } from './poll-fixtures'

describe('投票管理 (chair console) on the weapp build', () => {
  it('shows turnout without any tally, the 评议码 counts, and closes after one plain confirmation', async () => {
    const p = await loadPage('packages/poll/pages/console/index', pollCloud('chair', {
      'poll.console': consoleView, 'poll.close': { ...consoleView, state: 'closed' },
    }), { id: consoleView.id })
    await p.waitFor(() => p.text().includes('结束投票并计票'), 'the console')
    for (const t of ['已投票 21 / 38 人', '任何人都看不到票数', '已打印 10 张，已发出 2 张，已使用 1 张', '未投票名单']) expect(p.text()).toContain(t)
    const modal = p.wx.showModal
    await p.tap('.app-button', '结束投票并计票')
    await p.waitFor(() => calls(p.callFunction, 'poll.close').length > 0, 'the close call')
    expect(modal.mock.calls[0][0].content).toContain('此操作无法撤销')
    expect(modal.mock.calls[0][0].content).toContain('21 / 38')
  })
})
