/** 公告管理 (packages/notice/pages/manage) on the production weapp build, for committee and chair. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { DRAFT_ID, managePage } from './notice-fixtures'


describe('公告管理 on the weapp build', () => {
  it('a committee member sees the drafts waiting and opens one; no ledger export', async () => {
    const p = await loadPage('packages/notice/pages/manage/index', cloud('committee', { 'notice.manageList': managePage }))
    await p.waitFor(() => p.text().includes('2026年度工会经费收支情况公示'), 'the draft list')
    expect(p.text()).toContain('李晓梅')
    expect(p.text()).not.toContain('导出台账')
    await p.tap('.versions__item')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/notice/pages/detail/index?id=${DRAFT_ID}`)
  })

  it('the chair exports the ledger and it opens under the function’s file name', async () => {
    const fileName = '校务公开台账 2026-01-01 至 2026-11-22.xlsx'
    const p = await loadPage('packages/notice/pages/manage/index', cloud('chair', {
      'notice.manageList': managePage,
      'notice.exportLedger': { url: `https://7a6a-jgzj.tcb.qcloud.la/exports/notices/ab12/${encodeURIComponent(fileName)}?sign=x`, fileName, count: 58 },
    }))
    await p.waitFor(() => p.text().includes('导出台账'), 'the ledger export')
    await p.tap('.app-button', '导出台账')
    await p.waitFor(() => p.wx.openDocument.mock.calls.length > 0, 'the workbook to open')
    expect(calls(p.callFunction, 'notice.exportLedger')).toHaveLength(1)
    expect(p.wx.downloadFile.mock.calls[0][0].filePath).toBe(`wxfile://usr/${fileName}`)
  })

  it('opens on the tab the 工作台 links to (?state=published)', async () => {
    const p = await loadPage('packages/notice/pages/manage/index', cloud('chair', { 'notice.manageList': managePage }), { state: 'published' })
    await p.waitFor(() => calls(p.callFunction, 'notice.manageList').length > 0, 'the list call')
    expect(calls(p.callFunction, 'notice.manageList')[0].data).toMatchObject({ state: 'published' })
  })
})
