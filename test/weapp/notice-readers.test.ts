/** 阅读情况 (packages/notice/pages/readers) on the production weapp build: the chair's counts and 提醒未读. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { NOTICE_ID, readers } from './notice-fixtures'


describe('阅读情况 on the weapp build', () => {
  it('shows the counts and the unread by name; 提醒 asks once who will get a message', async () => {
    const p = await loadPage('packages/notice/pages/readers/index', cloud('chair', { 'notice.readers': readers, 'notice.remindUnread': { sent: 30, failed: 6 } }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('已读 31 人 · 未读 36 人'), 'the counts')
    expect(p.text()).toContain('陈桂兰')
    await p.tap('.app-button', '提醒 36 位未读会员')
    await p.waitFor(() => calls(p.callFunction, 'notice.remindUnread').length > 0, 'the reminder')
    const modal = p.wx.showModal.mock.calls[0][0]
    expect(modal.title).toBe('提醒 36 位未读会员？')
    expect(modal.content).toContain('已读的会员不会收到')
  })

  it('sends nothing when the chair answers 再想想', async () => {
    const p = await loadPage('packages/notice/pages/readers/index', cloud('chair', { 'notice.readers': readers }), { id: NOTICE_ID }, { confirm: false })
    await p.waitFor(() => p.text().includes('提醒 36 位未读会员'), 'the button')
    await p.tap('.app-button', '提醒 36 位未读会员')
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 'the question')
    expect(calls(p.callFunction, 'notice.remindUnread')).toHaveLength(0)
  })
})
