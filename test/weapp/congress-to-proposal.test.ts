import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { committeeCase, ids, opinionCloud, anonView } from './opinion-fixtures'
import { mine } from './congress-fixtures'

describe('意见 → 教代会提案 on the weapp build', () => {
  it('lets a 提案工作委员会 member turn the item into a draft, then opens the draft', async () => {
    const p = await loadPage('packages/opinion/pages/handle/index', opinionCloud('committee', {
      'opinion.case': committeeCase, 'congress.mine': mine({ committee: true }), 'congress.fromOpinion': { id: 'p1', revision: 0 },
    }), { id: ids.anon })
    await p.waitFor(() => p.text().includes('转为教代会提案草稿'), 'the button')
    await p.tap('.app-button', '转为教代会提案草稿')
    await p.waitFor(() => calls(p.callFunction, 'congress.fromOpinion').length > 0, 'the conversion')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('不含提交人')
    const sent = calls(p.callFunction, 'congress.fromOpinion')[0].data
    expect(sent).toMatchObject({ sessionId: 'congress-5-3', opinionId: ids.anon })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'the draft')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/congress/pages/proposal/index?id=p1')
  })

  it('shows the link instead once the item is a proposal, and nothing to a handler outside the committee', async () => {
    const linked = { ...committeeCase, proposal: { number: 7, title: '关于精简检查表格的提案', state: '已立案' } }
    const p = await loadPage('packages/opinion/pages/handle/index', opinionCloud('committee', { 'opinion.case': linked, 'congress.mine': mine({ committee: true }) }), { id: ids.anon })
    await p.waitFor(() => p.text().includes('已转为教代会提案 第7号“关于精简检查表格的提案” — 已立案'), 'the link')
    expect(p.text()).not.toContain('转为教代会提案草稿')
    const other = await loadPage('packages/opinion/pages/handle/index', opinionCloud('committee', { 'opinion.case': committeeCase, 'congress.mine': mine({ committee: false }) }), { id: ids.anon })
    await other.waitFor(() => other.text().includes('发送答复'), 'the case')
    expect(other.text()).not.toContain('转为教代会提案草稿')
  })

  it('shows the submitter following the item where the proposal stands (the thread a code opens)', async () => {
    const view = { ...anonView, proposal: { number: null, title: '关于延长晚餐时间的提案', state: '征集附议' } }
    const p = await loadPage('packages/opinion/pages/track/index', opinionCloud('member', { 'opinion.view': view }), { id: ids.named })
    await p.waitFor(() => p.text().includes('已转为教代会提案 （草稿）“关于延长晚餐时间的提案” — 征集附议'), 'the link')
  })
})
