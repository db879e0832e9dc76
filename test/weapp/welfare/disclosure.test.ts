import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { disclosure } from './fixtures'

describe('经费公开 (welfare/disclosure) on the weapp build', () => {
  it('drafts the notice with a 公示期 for the chair, then opens the draft', async () => {
    const p = await loadPage('packages/welfare/pages/disclosure/index', cloud('chair', { 'welfare.disclosureDraft': disclosure }))
    await p.waitFor(() => p.text().includes('生成公开草稿'), 'the form')
    expect(p.text()).toContain('公示期')
    await p.tap('.app-button', '生成公开草稿')
    await p.waitFor(() => p.text().includes('草稿已生成'), 'the draft')
    const sent = calls(p.callFunction, 'welfare.disclosureDraft')[0].data
    expect(sent.publicity).toEqual({ startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(sent.to.endsWith('-01')).toBe(false)
    expect(p.text()).toContain('2026年1月—10月工会经费慰问支出公示')
    await p.tap('.app-button', '打开草稿')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/notice/pages/detail/index?id=${disclosure.noticeId}`)
  })
})
