import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'

const qa = {
  page: 1,
  total: 1,
  items: [{ id: 'q1', category: '食堂', question: '食堂晚餐能否延长到 19 点？', answer: '已与后勤协商，下周起延长到 19:00。', publishedAt: '2026-11-15T02:00:00.000Z' }],
}
const mine = {
  page: 1,
  total: 1,
  items: [{ id: 'o1', category: '后勤保障', text: '三楼饮水机坏了', state: 'processing', submittedOn: '2026-11-18', dueOn: '2099-11-25', replyCount: 0 }],
}

describe('意见箱 tab on the weapp build', () => {
  it('shows the public Q&A, switches to my named opinions on tap, and offers 我要提意见', async () => {
    const p = await loadPage('pages/opinions/index', cloud('member', { 'opinion.listQa': qa, 'opinion.mine': mine }))
    await p.waitFor(() => p.text().includes('食堂晚餐能否延长到 19 点？'), 'the Q&A')
    expect(p.text()).toContain('已与后勤协商')
    expect(p.text()).toContain('我要提意见')

    await p.tap('.segmented__item', '我的意见')
    await p.waitFor(() => p.text().includes('三楼饮水机坏了'), 'my opinions')
    expect(p.text()).toContain('处理中')
    expect(calls(p.callFunction, 'opinion.mine')).toHaveLength(1)

    await p.tap('.app-button', '我要提意见')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/opinion/pages/submit/index')
  })
})
