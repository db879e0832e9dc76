import { loadPage, ok } from './support/load-page'
import { calls } from './support/fixtures'
import { assignees, chairCase, committeeCase, ids, opinionCloud, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()

describe('处理意见 (one item) on the weapp build', () => {
  it('chair: an anonymous item shows no submitter; tapping a committee member assigns it', async () => {
    const p = await loadPage('packages/opinion/pages/handle/index', opinionCloud('chair', {
      'opinion.case': chairCase, 'opinion.assignees': assignees,
      'opinion.assign': (data: any) => ok({ ...committeeCase, id: data.id, can: { ...committeeCase.can, reply: true } }),
    }), { id: ids.anon })
    await p.waitFor(() => p.text().includes('匿名提交（系统不保存提交人）'), 'the case')
    await p.waitFor(() => p.text().includes('李晓梅'), 'the assignees')
    expect(p.text()).toContain('不予受理')
    await p.tap('.op-choice__item', '李晓梅')
    await p.waitFor(() => calls(p.callFunction, 'opinion.assign').length > 0, 'the assign call')
    expect(calls(p.callFunction, 'opinion.assign')[0].data).toEqual({ id: ids.anon, assigneeId: ids.committee, action: 'assign' })
    await p.waitFor(() => p.text().includes('处理人：李晓梅'), 'the assigned case')
    expect(consoleWatch.problems()).toEqual([])
  })

  it('committee: the assigned item offers the reply box', async () => {
    const p = await loadPage('packages/opinion/pages/handle/index', opinionCloud('committee', { 'opinion.case': committeeCase }), { id: ids.anon })
    await p.waitFor(() => p.text().includes('发送答复'), 'the reply box')
    expect(p.text()).not.toContain('指派处理人')
    expect(consoleWatch.problems()).toEqual([])
  })
})
