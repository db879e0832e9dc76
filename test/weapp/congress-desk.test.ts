import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { desk, list, SESSION } from './congress-fixtures'

const answers = (me: Parameters<typeof desk>[0], totals: Parameters<typeof desk>[1] = {}) => ({
  'congress.desk': desk(me, totals),
  'congress.list': (data: any) => ({ ...list, page: data.page, items: list.items.filter((i) => i.state === data.state).map((i) => ({ ...i, id: `${i.id.slice(0, -2)}${data.page}${data.page}`, number: 40 + data.page })) }),
  'congress.exportRecords': { url: 'https://local/report.docx', fileName: '2026年第五届第三次教职工代表大会提案办理情况报告.docx' },
})

describe('提案工作台 on the weapp build', () => {
  it('gives the 提案工作委员会 its queues, the quorum and the files', async () => {
    const p = await loadPage('packages/congress/pages/desk/index', cloud('committee', answers({ committee: true })), { session: SESSION })
    await p.waitFor(() => p.text().includes('待立案审查（1）'), 'the queues')
    for (const t of ['办理中（1）', '答复待审核（0）', '待评价（期满可结束）（1）', '评价期满', '已到 14 / 20 人', '已达到法定人数', '提案汇编（Word）', '提案台账（Excel）', '满意率']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('有提案超期时提醒我')
    // the page opens with one call
    expect(p.callFunction.mock.calls.map((c: any) => `${c[0].name}.${c[0].data.action}`).filter((k: string) => k.startsWith('congress.'))).toEqual(['congress.desk'])
    expect(calls(p.callFunction, 'congress.desk')[0].data).toEqual({ action: 'desk', sessionId: SESSION })
    await p.tap('.app-button', '提案办理情况报告（Word）')
    await p.waitFor(() => calls(p.callFunction, 'congress.exportRecords').length > 0, 'the report')
    expect(calls(p.callFunction, 'congress.exportRecords')[0].data).toMatchObject({ sessionId: SESSION, kind: 'report' })
  })

  it('asks the chair for the overdue reminder on a tap', async () => {
    const p = await loadPage('packages/congress/pages/desk/index', cloud('chair', answers({ committee: true, chair: true })), { session: SESSION })
    await p.waitFor(() => p.text().includes('有提案超期时提醒我'), 'the subscribe link')
    await p.tap('.cg-link', '有提案超期时提醒我')
    await p.waitFor(() => p.wx.requestSubscribeMessage.mock.calls.length > 0, 'the subscription request')
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tpl_congress_overdue'])
  })

  it('shows a queue longer than a page by its total and loads its next page from `list` on a tap', async () => {
    const p = await loadPage('packages/congress/pages/desk/index', cloud('committee', answers({ committee: true }, { submitted: 23 })), { session: SESSION })
    await p.waitFor(() => p.text().includes('待立案审查（23）'), 'the queue total')
    expect(calls(p.callFunction, 'congress.list')).toEqual([])
    await p.tap('.list-footer__link', '加载更多')
    await p.waitFor(() => p.text().includes('第42号'), 'the next page')
    expect(calls(p.callFunction, 'congress.list').map((c: any) => c.data)).toEqual([{ action: 'list', sessionId: SESSION, page: 2, state: 'submitted' }])
  })

  it('tells a member outside the 提案工作委员会 that the desk is not theirs', async () => {
    const p = await loadPage('packages/congress/pages/desk/index', cloud('member', { 'congress.desk': { ok: false, code: 'FORBIDDEN', message: '只有提案工作委员会委员和主席可以使用提案工作台' } }), { session: SESSION })
    await p.waitFor(() => p.text().includes('只有提案工作委员会委员和主席可以使用提案工作台'), 'the refusal')
  })
})
