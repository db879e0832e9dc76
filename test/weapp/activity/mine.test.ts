import { loadPage } from '../support/load-page'
import { cloud } from '../support/fixtures'
import { checkup, mine } from '../activity-fixtures'

describe('我的报名 on the weapp build', () => {
  it('shows each registration with its answers and 候补第 n 位, and 修改报名信息 opens the form', async () => {
    const p = await loadPage('packages/activity/pages/mine/index', cloud('member', { 'activity.mine': mine }))
    await p.waitFor(() => p.text().includes('体检套餐：女性套餐'), 'the answers')
    for (const t of ['住宿安排：单间（补差价）', '候补第 4 位', '出示签到码']) expect(p.text()).toContain(t)
    await p.tap('.app-button', '修改报名信息')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/activity/pages/detail/index?id=${checkup}&edit=1`)
  })
})
