import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { doneDetail, plannedDetail } from './fixtures'

describe('一次慰问 (welfare/detail) on the weapp build', () => {
  it('shows a planned plan entry (65-character id) with its history; 登记完成 opens the form for it', async () => {
    const p = await loadPage('packages/welfare/pages/detail/index', cloud('committee', { 'welfare.get': plannedDetail }), { id: plannedDetail.id })
    await p.waitFor(() => p.text().includes('陈桂兰'), 'the visit')
    for (const t of ['计划中', '500.00 元', '大米、食用油、牛奶（150.00 元）', '修改记录', '慰问品改为年货礼包']) expect(p.text()).toContain(t)
    expect(calls(p.callFunction, 'welfare.get')[0].data).toEqual({ action: 'get', id: plannedDetail.id })
    await p.tap('.app-button', '登记完成')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/welfare/pages/record/index?id=${plannedDetail.id}&mode=complete`)
  })

  it('cancels a planned visit against the revision shown', async () => {
    const p = await loadPage('packages/welfare/pages/detail/index', cloud('committee', {
      'welfare.get': plannedDetail, 'welfare.cancel': { ...plannedDetail, state: 'cancelled', revision: 3 },
    }), { id: plannedDetail.id })
    await p.waitFor(() => p.text().includes('取消这次慰问'), 'the cancel button')
    await p.tap('.app-button', '取消这次慰问')
    await p.waitFor(() => calls(p.callFunction, 'welfare.cancel').length > 0, 'the cancel call')
    expect(calls(p.callFunction, 'welfare.cancel')[0].data).toMatchObject({ id: plannedDetail.id, revision: 2 })
  })

  it('shows a done visit with its photo and follow-up; a tap on the photo previews it', async () => {
    const p = await loadPage('packages/welfare/pages/detail/index', cloud('committee', { 'welfare.get': doneDetail }), { id: doneDetail.id })
    await p.waitFor(() => p.text().includes('回访提醒'), 'the done visit')
    expect(p.text()).toContain('冠心病住院治疗')
    expect(p.text()).not.toContain('登记完成')
    await p.tap('.photos__item')
    await p.waitFor(() => p.wx.previewImage.mock.calls.length > 0, 'the preview')
  })
})
