/** 公告编辑 (packages/notice/pages/edit) on the production weapp build: 起草, 修改草稿, 更正. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { DRAFT_ID, NOTICE_ID, activities, draftNotice, publishedNotice } from './notice-fixtures'


const type = (p: Awaited<ReturnType<typeof loadPage>>, selector: string, value: string) =>
  p.comp.querySelector(selector).dispatchEvent('input', { detail: { value } })

describe('公告编辑 on the weapp build', () => {
  it('a committee member drafts a notice linked to its activity; a double tap saves one draft (one request id)', async () => {
    const p = await loadPage('packages/notice/pages/edit/index', cloud('committee', { 'activity.manageList': activities, 'notice.createDraft': { id: DRAFT_ID } }))
    await p.waitFor(() => p.text().includes('保存草稿'), 'the form')
    type(p, '.editor-input', '关于2026年教职工健康体检安排的通知')
    type(p, '.editor-textarea', '全体在职及离退休教职工。')
    await p.tap('.blocks__add-item', '选择要报名的活动')
    await p.waitFor(() => p.text().includes('2026年教职工健康体检（'), 'the activities')
    await p.tap('.editor-choice__item', '2026年教职工健康体检（2026-12-01）')
    await p.waitFor(() => p.comp.querySelectorAll('.editor-choice__item--on').some((c: any) => c.dom.textContent.includes('健康体检')), 'the chosen activity')
    const save = p.comp.querySelectorAll('.app-button').find((b: any) => b.dom.textContent.trim() === '保存草稿')
    save.dispatchEvent('tap')
    save.dispatchEvent('tap') // the second tap lands before the button shows 正在保存…
    await p.waitFor(() => calls(p.callFunction, 'notice.createDraft').length > 0, 'the save')
    const sent = calls(p.callFunction, 'notice.createDraft').map((c) => c.data)
    expect(sent[0]).toMatchObject({ title: '关于2026年教职工健康体检安排的通知', link: { kind: 'activity', id: activities.items[0].id }, requestId: expect.stringMatching(/^[a-z0-9]{24}$/) })
    expect(sent).toHaveLength(2)
    expect(new Set(sent.map((d) => d.requestId)).size).toBe(1)
  })

  it('a committee member edits a draft on the revision it opened', async () => {
    const p = await loadPage('packages/notice/pages/edit/index', cloud('committee', { 'notice.get': draftNotice, 'notice.updateDraft': { id: DRAFT_ID } }), { id: DRAFT_ID })
    await p.waitFor(() => p.text().includes('保存草稿'), 'the draft in the form')
    await p.tap('.app-button', '保存草稿')
    await p.waitFor(() => calls(p.callFunction, 'notice.updateDraft').length > 0, 'the save')
    expect(calls(p.callFunction, 'notice.updateDraft')[0].data).toMatchObject({ id: DRAFT_ID, revision: 2, publicity: { startDate: '2026-11-25', endDate: '2026-12-01' } })
  })

  it('the chair publishes a correction only after one plain question naming the version and the reason', async () => {
    const corrected = publishedNotice({ source: { body: [{ type: 'paragraph', text: '全体在职及离退休教职工。' }], attachments: [], revision: 0 } })
    const p = await loadPage('packages/notice/pages/edit/index', cloud('chair', { 'notice.get': corrected, 'notice.correct': { id: NOTICE_ID, version: 3 } }), { id: NOTICE_ID, mode: 'correct' })
    await p.waitFor(() => p.text().includes('发布更正'), 'the correction form')
    type(p, '.editor-textarea', '全体在职及离退休教职工（含外聘）。')
    p.comp.querySelectorAll('.editor-textarea').at(-1).dispatchEvent('input', { detail: { value: '补充外聘教职工' } })
    await p.tap('.app-button', '发布更正')
    await p.waitFor(() => calls(p.callFunction, 'notice.correct').length > 0, 'the correction')
    const modal = p.wx.showModal.mock.calls[0][0]
    expect(modal.title).toBe('发布第 3 版更正？')
    expect(modal.content).toContain('第 2 版原文会保留')
    expect(calls(p.callFunction, 'notice.correct')[0].data).toMatchObject({ id: NOTICE_ID, version: 2 })
  })
})
