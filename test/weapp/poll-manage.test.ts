import { loadPage } from './support/load-page'
import { list, pollCloud } from './poll-fixtures'

describe('组织投票与测评 on the weapp build', () => {
  it('lists every poll for the committee and starts a new 民主测评', async () => {
    const p = await loadPage('packages/poll/pages/manage/index', pollCloud('committee', { 'poll.manageList': list }))
    await p.waitFor(() => p.text().includes('2026年优秀工会工作者评选'), 'the list')
    expect(p.text()).toContain('新建评选')
    await p.tap('.app-button', '新建民主测评')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/poll/pages/edit/index?kind=appraisal')
  })
})
