import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { boardPage } from './notice-fixtures'
import { TEMPLATES } from '../../types/templates'

const notices = (data: Record<string, unknown>) => ({
  page: 1,
  total: 1,
  items: [
    data.category === '财务'
      ? { id: 'n2', title: '2026 年工会经费预算', category: '财务', visibility: 'internal', pinned: false, publishedAt: '2026-11-18T02:00:00.000Z', publicityState: 'none', correctionCount: 0, read: true }
      : {
          id: 'n1',
          title: '2026 年度评优评先结果公示',
          category: '人事',
          visibility: 'internal',
          pinned: true,
          publishedAt: '2026-11-20T02:00:00.000Z',
          publicityStart: '2026-11-20T00:00:00.000Z',
          publicityEnd: '2026-11-27T15:59:59.000Z',
          publicityState: 'active',
          correctionCount: 1,
          read: false,
        },
  ],
})

describe('公开 tab on the weapp build', () => {
  it('renders the notice list in Chinese with its tags', async () => {
    const p = await loadPage('pages/notices/index', cloud('member', { 'notice.list': notices }))
    await p.waitFor(() => p.text().includes('2026 年度评优评先结果公示'), 'the first notice')
    for (const t of ['置顶', '公示中', '已更正 1 次', '公示至 11月27日', '全部', '搜索']) expect(p.text()).toContain(t)
  })

  it('tapping a category chip fetches that category', async () => {
    const p = await loadPage('pages/notices/index', cloud('member', { 'notice.list': notices }))
    await p.waitFor(() => p.text().includes('评优评先'), 'the first notice')
    await p.tap('.chip', '财务')
    await p.waitFor(() => p.text().includes('2026 年工会经费预算'), 'the 财务 list')
    expect(calls(p.callFunction, 'notice.list').at(-1).data).toEqual({ category: '财务', page: 1, action: 'list' })
  })

  it('tapping a notice opens its page in the notice subpackage', async () => {
    const p = await loadPage('pages/notices/index', cloud('member', { 'notice.list': notices }))
    await p.waitFor(() => p.text().includes('评优评先'), 'the first notice')
    await p.tap('.notice-item')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/notice/pages/detail/index?id=n1')
  })
})

describe('公开 tab for each kind of reader', () => {
  it('a member with unread notices is asked for the 未读提醒 subscription on a tap, and only then', async () => {
    const p = await loadPage('pages/notices/index', cloud('member', { 'notice.list': boardPage }))
    await p.waitFor(() => p.text().includes('有 1 条公告你还没看'), 'the unread banner')
    expect(p.wx.requestSubscribeMessage).not.toHaveBeenCalled()
    await p.tap('.app-button', '有新公告时提醒我')
    await p.waitFor(() => p.wx.requestSubscribeMessage.mock.calls.length > 0, 'the subscription request')
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([TEMPLATES.noticeUnread])
  })

  it('a visitor sees the join prompt and no unread banner', async () => {
    const p = await loadPage('pages/notices/index', cloud('visitor', { 'notice.list': { ...boardPage, items: boardPage.items.filter((n) => n.visibility === 'public') } }))
    await p.waitFor(() => p.text().includes('关于冬季作息时间调整的通知'), 'the public notice')
    expect(p.text()).not.toContain('你还没看')
    expect(p.text()).not.toContain('公告管理')
  })

  it('committee members get 公告管理', async () => {
    const p = await loadPage('pages/notices/index', cloud('committee', { 'notice.list': boardPage }))
    await p.waitFor(() => p.text().includes('公告管理'), 'the management entry')
    await p.tap('.nav-cell')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/notice/pages/manage/index')
  })
})
