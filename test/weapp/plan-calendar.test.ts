/** 工会日历 (packages/plan/pages/calendar) on the production weapp build. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { calendar } from './plan-fixtures'

describe('工会日历 on the weapp build', () => {
  it('shows a member the month’s days with activities, 公示期 ends and public items, and opens an activity', async () => {
    const p = await loadPage('packages/plan/pages/calendar/index', cloud('member', { 'plan.calendar': calendar }), { month: '2026-03' })
    await p.waitFor(() => p.text().includes('公示期满：评优结果公示'), 'the entries')
    expect(p.text()).toContain('3月8日')
    expect(p.text()).toContain('女教职工插花沙龙')
    expect(calls(p.callFunction, 'plan.calendar')[0].data).toMatchObject({ month: '2026-03' })
    await p.tap('.plan-row', '女教职工插花沙龙活动')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(calendar.entries[1].url)
  })
})
