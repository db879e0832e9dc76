/** 工作总结与台帐 (packages/plan/pages/summary) on the production weapp build. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { archive, summary } from './plan-fixtures'

describe('工作总结与台帐 on the weapp build', () => {
  it('shows the chair the year’s figures and the draft, and builds the 台帐 after confirming', async () => {
    const p = await loadPage('packages/plan/pages/summary/index', cloud('chair', { 'plan.summary': summary, 'plan.archive': archive }))
    await p.waitFor(() => p.text().includes('签到率 80%'), 'the figures')
    expect(p.text()).toContain('走访慰问 30 人次，15000.00 元')
    await p.tap('.app-button', '生成全年台帐')
    await p.waitFor(() => calls(p.callFunction, 'plan.archive').length > 0, 'the archive')
    await p.waitFor(() => p.text().includes('2026年工会台帐.zip：14 个文件'), 'the result')
    expect(p.wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: archive.state === 'ready' ? archive.url : '' }))
  })
})
