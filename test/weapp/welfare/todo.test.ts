import { loadPage } from '../support/load-page'
import { cloud } from '../support/fixtures'
import { PLAN_ID, todo } from './fixtures'

describe('慰问待办 (welfare/todo) on the weapp build', () => {
  it('lists plans, follow-ups and birthdays; a plan opens its entries', async () => {
    const p = await loadPage('packages/welfare/pages/todo/index', cloud('committee', { 'welfare.todo': todo }))
    await p.waitFor(() => p.text().includes('元旦走访慰问'), 'the plan')
    for (const t of ['还有 3/4 户', '蒋文华', '11月20日应回访', '杨德明']) expect(p.text()).toContain(t)
    await p.tap('.person', undefined)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/welfare/pages/plan/index?id=${PLAN_ID}`)
  })

  it('asks for the daily 待办 message on the tap of the committee member who will receive it', async () => {
    const p = await loadPage('packages/welfare/pages/todo/index', cloud('committee', { 'welfare.todo': todo }))
    await p.waitFor(() => p.text().includes('有新待办时微信提醒我'), 'the button')
    await p.tap('.app-button', '有新待办时微信提醒我')
    await p.waitFor(() => p.wx.requestSubscribeMessage.mock.calls.length > 0, 'the subscription question')
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl_welfare_todo'])
  })
})
