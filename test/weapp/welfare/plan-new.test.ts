import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { plan, preview, visitors } from './fixtures'

describe('新建慰问计划 (welfare/plan-new) on the weapp build', () => {
  it('previews the list and, after one plain confirmation, creates the plan once', async () => {
    const p = await loadPage('packages/welfare/pages/plan-new/index', cloud('committee', {
      'welfare.planPreview': preview, 'welfare.people': visitors, 'welfare.planCreate': plan,
    }))
    await p.waitFor(() => p.text().includes('生成 3 户走访名单'), 'the preview')
    expect(p.text()).toContain('董志刚（困难）')
    await p.tap('.app-button', '生成 3 户走访名单')
    await p.waitFor(() => calls(p.callFunction, 'welfare.planCreate').length > 0, 'the create call')
    const ask = p.wx.showModal.mock.calls[0][0]
    expect(ask.content).toContain('3 户')
    const sent = calls(p.callFunction, 'welfare.planCreate')[0].data
    expect(sent).toMatchObject({ title: '春节慰问', fund: '工会经费' })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await p.waitFor(() => p.wx.redirectTo.mock.calls.length > 0, 'the plan page')
  })

  it('creates nothing when the committee member says no', async () => {
    const p = await loadPage('packages/welfare/pages/plan-new/index', cloud('committee', { 'welfare.planPreview': preview, 'welfare.people': visitors }), {}, { confirm: false })
    await p.waitFor(() => p.text().includes('生成 3 户走访名单'), 'the preview')
    await p.tap('.app-button', '生成 3 户走访名单')
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 'the question')
    expect(calls(p.callFunction, 'welfare.planCreate')).toHaveLength(0)
  })
})
