import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { nonVoters, pollCloud } from './poll-fixtures'

describe('未投票名单 on the weapp build', () => {
  it('lists who has not voted and hands a 评议码 to one of them after a confirmation', async () => {
    const p = await loadPage('packages/poll/pages/voters/index', pollCloud('chair', {
      'poll.nonVoters': nonVoters, 'poll.issueSlip': { issued: 3, name: '陈桂兰' },
    }), { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
    await p.waitFor(() => p.text().includes('陈桂兰（语文组）'), 'the list')
    expect(p.text()).toContain('还有 2 人没有投票')
    const modal = p.wx.showModal
    const rows = p.comp.querySelectorAll('.poll-person')
    const at = rows.findIndex((r: any) => r.dom.textContent.includes('陈桂兰'))
    p.comp.querySelectorAll('.poll-person__action')[at].dispatchEvent('tap')
    await p.waitFor(() => calls(p.callFunction, 'poll.issueSlip').length > 0, 'the issue call')
    expect(calls(p.callFunction, 'poll.issueSlip')[0].data).toMatchObject({ memberId: 'mem004' })
    expect(modal.mock.calls[0][0].content).toContain('不能再用手机投票')
  })
})
