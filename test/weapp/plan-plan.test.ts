/** 年度工作计划 (packages/plan/pages/plan) on the production weapp build. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { noPlan2027, plan2026 } from './plan-fixtures'

describe('年度工作计划 on the weapp build', () => {
  it('shows the committee the items month by month with their status, and opens an item', async () => {
    const p = await loadPage('packages/plan/pages/plan/index', cloud('committee', { 'plan.get': plan2026 }), { year: '2026' })
    await p.waitFor(() => p.text().includes('冬季羽毛球赛'), 'the items')
    const t = p.text()
    for (const s of ['2月', '完善离退休人员台帐', '已完成', '已取消', '雨季场地不具备条件', '逾期', '女教职工插花沙龙']) expect(t).toContain(s)
    expect(t).not.toContain('通过并公布') // the chair's
    await p.tap('.plan-row', undefined)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/plan/pages/item/index?year=2026&id=${plan2026.items[0].id}`)
  })

  it('lets the chair copy last year’s plan into a year without one, after confirming', async () => {
    const p = await loadPage('packages/plan/pages/plan/index', cloud('chair', { 'plan.get': noPlan2027, 'plan.copy': { ...plan2026, year: 2027 } }), { year: '2027' })
    await p.waitFor(() => p.text().includes('复制2026年计划'), 'the copy button')
    await p.tap('.app-button', '复制2026年计划')
    await p.waitFor(() => calls(p.callFunction, 'plan.copy').length > 0, 'the copy')
    expect(p.wx.showModal).toHaveBeenCalled()
    expect(p.wx.showModal.mock.calls[0][0].confirmText.length).toBeLessThanOrEqual(4)
    expect(calls(p.callFunction, 'plan.copy')[0].data).toMatchObject({ year: 2027, fromYear: 2026 })
  })
})
