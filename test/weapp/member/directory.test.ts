import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { directory, departments, ids } from './fixtures'

describe('会员名册 on the weapp build', () => {
  it('lists members for the committee with the department chips from the same call, and opens one', async () => {
    const p = await loadPage('packages/member/pages/directory/index', cloud('committee', { 'member.directory': { ...directory, ...departments } }))
    await p.waitFor(() => p.text().includes('李晓梅'), 'the directory')
    expect(p.text()).toContain('共 39 人')
    for (const d of departments.departments) expect(p.text()).toContain(d)
    expect(calls(p.callFunction, 'member.directory').map((c) => c.data)).toEqual([expect.objectContaining({ page: 1, withDepartments: true })])
    expect(calls(p.callFunction, 'member.departments')).toEqual([])
    await p.tap('.member-row', undefined)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/member/pages/detail/index?id=${ids.wang}`)
  })

  it('searches by name for the chair', async () => {
    const p = await loadPage('packages/member/pages/directory/index', cloud('chair', { 'member.directory': { ...directory, ...departments } }))
    await p.waitFor(() => p.text().includes('王建华'), 'the directory')
    expect(calls(p.callFunction, 'member.directory')[0].data).toMatchObject({ page: 1 })
  })

  it('stops pull-down refresh for a member the page refuses', async () => {
    const p = await loadPage('packages/member/pages/directory/index', cloud('member'))
    await p.waitFor(() => p.text().includes('只有工会委员和主席可以查看这一页'), 'the refusal')
    p.page.onPullDownRefresh()
    await p.waitFor(() => (globalThis as any).wx.stopPullDownRefresh.mock.calls.length > 0, 'the spinner to stop')
    expect(calls(p.callFunction, 'member.directory')).toHaveLength(0)
  })
})
