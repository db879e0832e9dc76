import { loadPage } from '../support/load-page'
import { calls, cloud, hexId } from '../support/fixtures'
import { plannedDetail, plannedEntry, visitors } from './fixtures'

describe('记录慰问 (welfare/record) on the weapp build', () => {
  it('records a birthday visit from 待办 once, however often 保存 is tapped (one request id)', async () => {
    const p = await loadPage('packages/welfare/pages/record/index', cloud('committee', {
      'welfare.people': visitors, 'welfare.record': { ...plannedEntry, id: hexId('生日慰问'), state: 'done', reason: '生日', planId: undefined, revision: 1 },
    }), { reason: '生日', memberId: hexId('杨德明'), name: encodeURIComponent('杨德明') })
    await p.waitFor(() => p.text().includes('杨德明'), 'the chosen person')
    await p.tap('.app-button', '保存')
    await p.tap('.app-button', '保存')
    await p.waitFor(() => calls(p.callFunction, 'welfare.record').length > 0, 'the record call')
    const sent = calls(p.callFunction, 'welfare.record').map((c) => c.data)
    expect(sent[0]).toMatchObject({ recipient: { kind: 'member', memberId: hexId('杨德明') }, reason: '生日', state: 'done' })
    expect(sent[0].requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(new Set(sent.map((d) => d.requestId)).size).toBe(1)
  })

  it('ticks off a plan entry against the revision it shows, keeping the planned gifts', async () => {
    const p = await loadPage('packages/welfare/pages/record/index', cloud('committee', {
      'welfare.get': plannedDetail, 'welfare.people': visitors, 'welfare.complete': { ...plannedEntry, state: 'done', revision: 3 },
    }), { id: plannedDetail.id, mode: 'complete' })
    await p.waitFor(() => p.text().includes('陈桂兰 · 节日慰问'), 'the entry')
    await p.tap('.app-button', '登记完成')
    await p.waitFor(() => calls(p.callFunction, 'welfare.complete').length > 0, 'the complete call')
    expect(calls(p.callFunction, 'welfare.complete')[0].data).toMatchObject({
      id: plannedDetail.id, revision: 2, cashYuan: '500.00', gifts: [{ name: '大米、食用油、牛奶', valueYuan: '150.00' }],
    })
  })
})
