/** 公告详情 (packages/notice/pages/detail) on the production weapp build, for every role that opens it. */
import { loadPage } from './support/load-page'
import { calls, cloud, refused } from './support/fixtures'
import { ACTIVITY_ID, DRAFT_ID, NOTICE_ID, draftNotice, publishedNotice } from './notice-fixtures'


/** The button whose text is `label` (the weapp build keeps classes, not data-* attributes, for selectors). */
const button = (p: Awaited<ReturnType<typeof loadPage>>, label: string) =>
  p.comp.querySelectorAll('.app-button').find((b: any) => b.dom.textContent.trim() === label)

describe('公告详情 on the weapp build', () => {
  it('a member reads a corrected notice in its 公示期: tags, versions, 去报名, a damaged image said plainly', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('member', { 'notice.get': publishedNotice() }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('一、体检对象'), 'the body')
    for (const t of ['置顶', '公示中', '已更正 1 次', '对内', '更正原因', '集合时间更正为 07:10', '版本记录', '体检分组表.pdf', '（图片已损坏，已报告工会主席）', '2026年教职工健康体检', '实名提出异议']) {
      expect(p.text()).toContain(t)
    }
    await p.tap('.app-button', '去报名')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation to the activity')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/activity/pages/detail/index?id=${ACTIVITY_ID}`)
  })

  it('a member opens an attachment through notice.file (checked link) and raises an objection once per request', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('member', {
      'notice.get': publishedNotice(),
      'notice.file': { url: 'https://7a6a-jgzj.tcb.qcloud.la/notice-files/ab.pdf?sign=x', name: '体检分组表.pdf', kind: 'pdf' },
      'notice.object': { id: `${NOTICE_ID}_m1_1` },
    }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('体检分组表.pdf'), 'the attachment')
    await p.tap('.attachments__item')
    await p.waitFor(() => p.wx.openDocument.mock.calls.length > 0, 'the document')
    expect(calls(p.callFunction, 'notice.file')[0].data).toMatchObject({ id: NOTICE_ID, index: 0 })
    expect(p.wx.downloadFile.mock.calls[0][0].filePath).toBe('wxfile://usr/体检分组表.pdf')

    p.comp.querySelector('.notice-textarea').dispatchEvent('input', { detail: { value: '集合时间与早读冲突，能否调整？' } })
    await p.waitFor(() => !button(p, '实名提出异议').dom.hasAttribute('disabled'), 'the button to enable')
    await p.tap('.app-button', '实名提出异议')
    await p.waitFor(() => calls(p.callFunction, 'notice.object').length > 0, 'the objection')
    expect(calls(p.callFunction, 'notice.object')[0].data).toMatchObject({ id: NOTICE_ID, text: '集合时间与早读冲突，能否调整？', requestId: expect.stringMatching(/^[a-z0-9]{24}$/) })
  })

  it('a visitor gets the same “不存在” for an internal notice, with a way back', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('visitor', { 'notice.get': refused('NOT_FOUND', '这份公告不存在或已被删除') }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('这份公告不存在或已被删除'), 'the refusal')
    await p.tap('.app-button', '返回公开列表')
  })

  it('a visitor reads a 对外 notice and is offered no objection box', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('visitor', { 'notice.get': publishedNotice({ visibility: 'public', canObject: false, link: undefined }) }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('一、体检对象'), 'the body')
    expect(p.text()).toContain('对外')
    expect(p.text()).not.toContain('实名提出异议')
  })

  it('committee on a draft: says 草稿 and 公示期（发布后生效）, never 公示中, and opens the editor', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('committee', { 'notice.get': draftNotice }), { id: DRAFT_ID })
    await p.waitFor(() => p.text().includes('收支明细见附表。'), 'the draft')
    expect(p.text()).toContain('草稿')
    expect(p.text()).toContain('公示期（发布后生效）')
    expect(p.text()).toContain('计划公示期')
    expect(p.text()).not.toContain('公示中')
    expect(p.comp.querySelectorAll('.app-button').map((b: any) => b.dom.textContent.trim())).toEqual(['编辑草稿']) // publishing is the chair's
    await p.tap('.app-button', '编辑草稿')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'the editor')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/notice/pages/edit/index?id=${DRAFT_ID}`)
  })

  it('the chair publishes a draft only after saying who will see it and that it cannot be edited', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('chair', { 'notice.get': draftNotice, 'notice.publish': { id: DRAFT_ID, version: 1 } }), { id: DRAFT_ID })
    await p.waitFor(() => p.text().includes('收支明细见附表。'), 'the draft')
    await p.tap('.app-button', '发布')
    await p.waitFor(() => calls(p.callFunction, 'notice.publish').length > 0, 'the publish call')
    const modal = p.wx.showModal.mock.calls[0][0]
    expect(modal.title).toBe('发布《2026年度工会经费收支情况公示》？')
    expect(modal.content).toContain('所有人（包括未入会的访客）')
    expect(modal.content).toContain('不能再修改')
    expect(modal.content).toContain('公示期 2026-11-25 至 2026-12-01')
  })

  it('the chair who answers “再想想” publishes nothing', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('chair', { 'notice.get': draftNotice }), { id: DRAFT_ID }, { confirm: false })
    await p.waitFor(() => p.text().includes('收支明细见附表。'), 'the draft')
    await p.tap('.app-button', '发布')
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 'the question')
    expect(calls(p.callFunction, 'notice.publish')).toHaveLength(0)
  })

  it('the chair withdraws a published notice after a reason and one plain question', async () => {
    const p = await loadPage('packages/notice/pages/detail/index', cloud('chair', { 'notice.get': publishedNotice({ canObject: false, readCount: 31 }), 'notice.withdraw': { id: NOTICE_ID } }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('已读 31 人'), 'the chair panel')
    await p.tap('.app-button', '撤回')
    await p.waitFor(() => !!button(p, '确认撤回'), 'the withdraw form')
    p.comp.querySelectorAll('.notice-textarea').at(-1).dispatchEvent('input', { detail: { value: '体检日期待医院确认' } })
    await p.waitFor(() => !button(p, '确认撤回').dom.hasAttribute('disabled'), 'the confirm button to enable')
    await p.tap('.app-button', '确认撤回')
    await p.waitFor(() => calls(p.callFunction, 'notice.withdraw').length > 0, 'the withdraw call')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('撤回后不能恢复')
    expect(calls(p.callFunction, 'notice.withdraw')[0].data).toMatchObject({ id: NOTICE_ID, reason: '体检日期待医院确认' })
  })
})
