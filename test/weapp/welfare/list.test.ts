import { loadPage } from '../support/load-page'
import { calls, cloud, refused } from '../support/fixtures'
import { doneVisit, summary, visitList } from './fixtures'

/** The ledger's opening answer: the first page with the summary of the same filter. */
const ledger = { ...visitList, summary }

describe('慰问台账 (welfare/list) on the weapp build', () => {
  it('shows the committee the year’s totals and visits from one call, and a tap opens one', async () => {
    const p = await loadPage('packages/welfare/pages/list/index', cloud('committee', { 'welfare.list': ledger }))
    await p.waitFor(() => p.text().includes('蒋文华'), 'the visits')
    for (const t of ['陈桂兰', '计划中', '7750.00', '＋ 记录慰问', '导出 Excel']) expect(p.text()).toContain(t)
    expect(calls(p.callFunction, 'welfare.list')).toEqual([expect.objectContaining({ data: expect.objectContaining({ page: 1, withSummary: true }) })])
    expect(calls(p.callFunction, 'welfare.summary')).toEqual([])
    expect(p.text()).not.toContain('经费公开') // the chair's entry only
    await p.tap('.welfare-item')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/welfare/pages/detail/index?id=${doneVisit.id}`)
  })

  it('gives the chair the 经费公开 entry', async () => {
    const p = await loadPage('packages/welfare/pages/list/index', cloud('chair', { 'welfare.list': ledger }))
    await p.waitFor(() => p.text().includes('经费公开'), 'the chair toolbar')
    await p.tap('.toolbar__item', '经费公开')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/welfare/pages/disclosure/index')
  })

  it('tells a member who opened it by link that the ledger is for the committee', async () => {
    const no = refused('FORBIDDEN', '只有工会委员和主席可以查看慰问记录')
    const p = await loadPage('packages/welfare/pages/list/index', cloud('member', { 'welfare.list': no }))
    await p.waitFor(() => p.text().includes('只有工会委员和主席可以查看慰问记录'), 'the refusal')
    expect(calls(p.callFunction, 'welfare.list').length).toBeGreaterThan(0)
  })
})
