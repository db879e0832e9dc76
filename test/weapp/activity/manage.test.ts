import { allowLogs, loadPage } from '../support/load-page'
import { cloud, refused } from '../support/fixtures'
import { manageList } from '../activity-fixtures'


describe('组织活动 on the weapp build', () => {
  it.each(['committee', 'chair'] as const)('shows %s every activity with drafts and waiting approvals, and opens a new one', async (who) => {
    const p = await loadPage('packages/activity/pages/manage/index', cloud(who, { 'activity.manageList': manageList }))
    await p.waitFor(() => p.text().includes('教职工书法兴趣班（第二期）'), 'the list')
    for (const t of ['草稿', '2 人待审核']) expect(p.text()).toContain(t)
    await p.tap('.app-button', '新建活动')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/activity/pages/edit/index')
  })

  it('tells a member who opens it that only the committee organises', async () => {
    allowLogs(/FORBIDDEN/)
    const p = await loadPage('packages/activity/pages/manage/index', cloud('member', { 'activity.manageList': refused('FORBIDDEN', '只有工会委员和主席可以进行此操作') }))
    await p.waitFor(() => p.text().includes('只有工会委员和主席可以进行此操作'), 'the refusal')
  })
})
