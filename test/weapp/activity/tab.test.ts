import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { checkup, list, typeInto } from '../activity-fixtures'

describe('活动 tab on the weapp build', () => {
  it('shows a member where they stand on each card, in the order the function sent, and a tap opens the detail', async () => {
    const p = await loadPage('pages/activities/index', cloud('member', { 'activity.list': list }))
    await p.waitFor(() => p.text().includes('2026年教职工健康体检'), 'the activities')
    for (const t of ['我：已报名', '我：候补第 4 位', '名额已满，3 人候补', '即将开放报名', '地点：浙江安吉']) expect(p.text()).toContain(t)
    expect(p.text().indexOf('健康体检')).toBeLessThan(p.text().indexOf('疗休养'))
    expect(p.text()).not.toContain('组织活动')
    await p.tap('.activity-item')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/activity/pages/detail/index?id=${checkup}`)
  })

  it('searches titles from the search box', async () => {
    const p = await loadPage('pages/activities/index', cloud('retiree', { 'activity.list': (data: any) => (data.q ? { ...list, items: list.items.slice(1, 2), total: 1 } : list) }))
    await p.waitFor(() => p.text().includes('健康体检'), 'the activities')
    await typeInto(p, '.search-bar__input', '安吉')
    await p.tap('.search-bar__go')
    // The heading shows at once; the list is replaced when the answer arrives (slower under load).
    await p.waitFor(() => p.text().includes('“安吉”的搜索结果') && !p.text().includes('健康体检'), 'the search results')
    expect(calls(p.callFunction, 'activity.list').map((c) => c.data.q)).toEqual([undefined, '安吉'])
  })

  it('gives the committee the 组织活动 shortcut', async () => {
    const p = await loadPage('pages/activities/index', cloud('committee', { 'activity.list': list }))
    await p.waitFor(() => p.text().includes('组织活动'), 'the organiser shortcut')
    await p.tap('.activity-shortcuts__item', '组织活动')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/activity/pages/manage/index')
  })

  it('asks a visitor to join and never asks the cloud for activities', async () => {
    const p = await loadPage('pages/activities/index', cloud('visitor'))
    await p.waitFor(() => p.text().includes('申请加入'), 'the join prompt')
    expect(p.text()).toContain('活动报名只对工会会员开放')
    expect(calls(p.callFunction, 'activity.list')).toHaveLength(0)
  })
})
