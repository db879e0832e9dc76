import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { changes, queue } from './fixtures'

describe('入会审核 on the weapp build', () => {
  it('shows the committee the waiting applications with the roster’s hints, and approves one', async () => {
    const p = await loadPage('packages/member/pages/queue/index', cloud('committee', { 'member.queue': queue, 'member.approve': { ok: false, code: 'CONFLICT', message: '这份申请已经处理过了，请刷新列表' } }))
    await p.waitFor(() => p.text().includes('周新来'), 'the queue')
    expect(p.text()).toContain('名册中没有这个工号')
    expect(p.text()).not.toContain('资料变更申请')
    await p.tap('.app-button', '通过')
    await p.waitFor(() => calls(p.callFunction, 'member.approve').length === 1, 'the approval')
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 'the refusal shown')
  })

  it('gives the chair 资料变更申请 first when opened from the desk, and asks before approving one', async () => {
    const p = await loadPage('packages/member/pages/queue/index', cloud('chair', { 'member.queue': { ...queue, changes }, 'member.decideChange': { id: changes.items[0].id, state: 'approved' } }), { tab: 'changes' })
    await p.waitFor(() => p.text().includes('林小雨'), 'the change requests')
    // Both lists open with one call: the queue answers the chair's first page of change requests too.
    expect(calls(p.callFunction, 'member.queue')).toEqual([expect.objectContaining({ data: expect.objectContaining({ page: 1, withChanges: true }) })])
    expect(calls(p.callFunction, 'member.changeRequests')).toEqual([])
    expect(p.text().indexOf('资料变更申请')).toBeLessThan(p.text().indexOf('入会申请'))
    await p.tap('.app-button', '同意')
    await p.waitFor(() => calls(p.callFunction, 'member.decideChange').length === 1, 'the decision')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('林小雨 的姓名从 林小雨 改为 林晓雨')
  })

  it('asks the cloud nothing before the role gate lets a member through, and pull-down still stops', async () => {
    const p = await loadPage('packages/member/pages/queue/index', cloud('member'))
    await p.waitFor(() => p.text().includes('只有工会委员和主席可以查看这一页'), 'the refusal')
    expect(p.callFunction.mock.calls.map((c) => `${c[0].name}.${c[0].data.action}`)).toEqual(['member.me'])
    p.page.onPullDownRefresh()
    await p.waitFor(() => (globalThis as any).wx.stopPullDownRefresh.mock.calls.length > 0, 'the spinner to stop')
  })
})
