import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { audit } from './fixtures'

describe('操作日志 on the weapp build', () => {
  it('shows the chair each entry as a sentence and filters by area', async () => {
    const p = await loadPage('packages/member/pages/audit/index', cloud('chair', { 'member.auditLog': audit }))
    await p.waitFor(() => p.text().includes('王建华 把 张明 的身份 从 会员 改为 委员。'), 'the log')
    expect(p.text()).toContain('李晓梅 把 蒋文华 的慰问金 从 500.00 元 改为 300.00 元')
    expect(p.text()).not.toMatch(/[{}"]/)
    await p.tap('.filter-chips__item, .chip', '慰问')
    await p.waitFor(() => calls(p.callFunction, 'member.auditLog').some((c) => c.data.area === 'welfare'), 'the filter')
  })

  it('stops pull-down refresh for the committee the page refuses', async () => {
    const p = await loadPage('packages/member/pages/audit/index', cloud('committee'))
    await p.waitFor(() => p.text().includes('只有工会主席可以查看这一页'), 'the refusal')
    p.page.onPullDownRefresh()
    await p.waitFor(() => (globalThis as any).wx.stopPullDownRefresh.mock.calls.length > 0, 'the spinner to stop')
    expect(calls(p.callFunction, 'member.auditLog')).toHaveLength(0)
  })
})
