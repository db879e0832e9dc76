import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'

const activities = {
  page: 1,
  total: 1,
  items: [
    {
      id: 'a1',
      title: '教职工羽毛球比赛',
      category: '文体',
      place: '学校体育馆',
      startAt: '2026-12-05T06:00:00.000Z',
      endAt: '2026-12-05T09:00:00.000Z',
      signupStartAt: '2026-11-20T00:00:00.000Z',
      signupEndAt: '2026-12-01T10:00:00.000Z',
      capacity: 32,
      confirmedCount: 29,
      waitlistCount: 0,
      status: 'open',
    },
  ],
}

describe('活动 tab on the weapp build', () => {
  it('shows a member the activities with status and places left, and a tap opens the detail', async () => {
    const p = await loadPage('pages/activities/index', cloud('member', { 'activity.list': activities }))
    await p.waitFor(() => p.text().includes('教职工羽毛球比赛'), 'the activity')
    for (const t of ['报名中', '剩余 3 个名额（共 32 个）', '地点：学校体育馆', '时间：12月5日 14:00']) expect(p.text()).toContain(t)
    await p.tap('.activity-item')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/activity/pages/detail/index?id=a1')
  })

  it('asks a visitor to join and never asks the cloud for activities', async () => {
    const p = await loadPage('pages/activities/index', cloud('visitor'))
    await p.waitFor(() => p.text().includes('申请加入'), 'the join prompt')
    expect(p.text()).toContain('活动报名只对工会会员开放')
    expect(calls(p.callFunction, 'activity.list')).toHaveLength(0)
  })
})
