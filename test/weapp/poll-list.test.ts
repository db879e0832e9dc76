import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { list, pollCloud } from './poll-fixtures'

describe('投票与测评 list on the weapp build', () => {
  it('shows my polls with 待投票 / 已投票 and opens the ballot of an open one', async () => {
    const p = await loadPage('packages/poll/pages/list/index', pollCloud('member', { 'poll.list': list }))
    await p.waitFor(() => p.text().includes('2026年度中层干部述职测评'), 'the list')
    for (const t of ['待投票', '已投票', '已公布', '应投 38 人', '关于不记名投票']) expect(p.text()).toContain(t)
    expect(calls(p.callFunction, 'poll.list')[0].data).toMatchObject({ page: 1 })
    await p.tap('.poll-link', '有新投票或快截止时提醒我')
    await p.waitFor(() => p.wx.requestSubscribeMessage.mock.calls.length > 0, 'the subscription request')
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl_poll_opened', 'tpl_poll_closing'])
    await p.tap('.poll-card', p.comp.querySelector('.poll-card').dom.textContent.trim())
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/poll/pages/ballot/index?id=${list.items[0].id}`)
  })
})
