import { loadPage } from '../support/load-page'
import { cloud } from '../support/fixtures'
import { PLAN_ID, plans } from './fixtures'

describe('节日慰问计划 (welfare/plans) on the weapp build', () => {
  it('lists plans with their progress; a tap opens the plan', async () => {
    const p = await loadPage('packages/welfare/pages/plans/index', cloud('committee', { 'welfare.plans': plans }))
    await p.waitFor(() => p.text().includes('元旦走访慰问'), 'the plan')
    for (const t of ['进行中', '全体离退休 + 困难职工', '每户 500.00 元', '已走访 1/4 户']) expect(p.text()).toContain(t)
    await p.tap('.summary')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/welfare/pages/plan/index?id=${PLAN_ID}`)
  })
})
