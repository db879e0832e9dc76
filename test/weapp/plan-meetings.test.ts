/** 会议记录 list (packages/plan/pages/meetings) on the production weapp build. */
import { loadPage } from './support/load-page'
import { cloud } from './support/fixtures'
import { meetings } from './plan-fixtures'

describe('会议记录 on the weapp build', () => {
  it('lists the year’s meetings for the committee and starts a new record', async () => {
    const p = await loadPage('packages/plan/pages/meetings/index', cloud('committee', { 'plan.meetings': meetings }))
    await p.waitFor(() => p.text().includes('行政楼会议室'), 'the list')
    expect(p.text()).toContain('出席 5 人 · 决定 1 项')
    await p.tap('.app-button', '登记会议')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/plan/pages/meeting/index')
  })
})
