import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { PLAN_ID, plan, plannedEntry, visitList } from './fixtures'

describe('一个慰问计划 (welfare/plan) on the weapp build', () => {
  it('lists the entries; 登记 on an entry opens the form for its 65-character id', async () => {
    const p = await loadPage('packages/welfare/pages/plan/index', cloud('committee', { 'welfare.list': { ...visitList, items: [plannedEntry], total: 1 } }), { id: PLAN_ID })
    await p.waitFor(() => p.text().includes('登记 陈桂兰'), 'the entry')
    expect(calls(p.callFunction, 'welfare.list')[0].data).toMatchObject({ planId: PLAN_ID })
    await p.tap('.toolbar__item', '登记 陈桂兰')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/welfare/pages/record/index?id=${plannedEntry.id}&mode=complete`)
    expect(plannedEntry.id).toHaveLength(65)
  })

  it('asks once before ending the plan, then ends it', async () => {
    const p = await loadPage('packages/welfare/pages/plan/index', cloud('committee', {
      'welfare.list': { ...visitList, items: [plannedEntry], total: 1 }, 'welfare.planClose': { ...plan, state: 'closed' },
    }), { id: PLAN_ID })
    await p.waitFor(() => p.text().includes('结束计划'), 'the button')
    await p.tap('.app-button', '结束计划')
    await p.waitFor(() => calls(p.callFunction, 'welfare.planClose').length > 0, 'the close call')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('不再出现在待办里')
  })
})
