import { loadPage, ok } from './support/load-page'
import { calls } from './support/fixtures'
import { opinionCloud, settings, stats, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()

describe('意见统计 on the weapp build (chair)', () => {
  it('shows the exact figures and changes the due days with ＋', async () => {
    const p = await loadPage('packages/opinion/pages/stats/index', opinionCloud('chair', {
      'opinion.stats': stats, 'opinion.getSettings': settings, 'opinion.setSettings': (data: any) => ok({ dueDays: data.dueDays }),
    }))
    await p.waitFor(() => p.text().includes('2026 年意见'), 'the figures')
    for (const t of ['86%', '3 天', '超期未答复', '另有 1 条待审核', '7 天']) expect(p.text()).toContain(t)
    await p.tap('.app-button', '＋')
    await p.waitFor(() => calls(p.callFunction, 'opinion.setSettings').length > 0, 'the setting')
    expect(calls(p.callFunction, 'opinion.setSettings')[0].data).toEqual({ dueDays: 8, action: 'setSettings' })
    expect(consoleWatch.problems()).toEqual([])
  })
})
