import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { CODE, ids, namedView, opinionCloud, waitingView, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()

describe('意见进度 on the weapp build (member)', () => {
  it('opens a named opinion by id and offers a follow-up', async () => {
    const p = await loadPage('packages/opinion/pages/track/index', opinionCloud('member', { 'opinion.view': namedView }), { id: ids.named })
    await p.waitFor(() => p.text().includes('三楼饮水机坏了'), 'the thread')
    expect(p.text()).toContain('补充说明')
    expect(calls(p.callFunction, 'opinion.view')[0].data).toEqual({ id: ids.named, action: 'view' })
    expect(consoleWatch.problems()).toEqual([])
  })

  it('opens an anonymous opinion by the code typed in; one still waiting for the batch says so', async () => {
    const p = await loadPage('packages/opinion/pages/track/index', opinionCloud('retired', { 'opinion.view': waitingView }))
    await p.waitFor(() => p.text().includes('凭回执码查看匿名意见'), 'the code entry')
    p.comp.querySelector('.code-entry__input').dispatchEvent('input', { detail: { value: 'm3xe-6dtj-26nn-5pv6' } })
    await p.tap('.app-button', '查看')
    await p.waitFor(() => p.text().includes('停车场晚上能否开灯'), 'the thread')
    expect(p.text()).toContain('等待每日一批')
    expect(calls(p.callFunction, 'opinion.view')[0].data).toEqual({ code: 'm3xe-6dtj-26nn-5pv6', action: 'view' })
    expect(CODE).toHaveLength(16)
    expect(consoleWatch.problems()).toEqual([])
  })
})
