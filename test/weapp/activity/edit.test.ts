import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { editable } from '../activity-fixtures'

const saved = { id: editable.id, state: 'draft', revision: 0 }

describe('新建 / 编辑活动 on the weapp build', () => {
  it('starts at 14:00 a week ahead, shows what will be published and asks once, then saves once with a requestId', async () => {
    const p = await loadPage('packages/activity/pages/edit/index', cloud('committee', { 'activity.save': saved, 'activity.publish': { id: editable.id, state: 'published' } }))
    await p.waitFor(() => p.text().includes('保存并发布'), 'the form')
    expect(p.text()).toContain('14:00')
    expect(p.text()).toContain('18:00')
    const inputs = p.comp.querySelectorAll('.input')
    inputs[0].dispatchEvent('input', { detail: { value: '教职工健步走' } })
    await new Promise((r) => setTimeout(r, 30))
    p.comp.querySelectorAll('.input')[1].dispatchEvent('input', { detail: { value: '操场' } })
    await new Promise((r) => setTimeout(r, 30))
    await p.tap('.app-button', '保存并发布')
    await p.waitFor(() => calls(p.callFunction, 'activity.publish').length > 0, 'the publish')
    const modal = p.wx.showModal.mock.calls[0][0]
    expect(modal.title).toBe('保存并发布？')
    for (const t of ['“教职工健步走”', '地点：操场', '不限名额']) expect(modal.content).toContain(t)
    const save = calls(p.callFunction, 'activity.save')[0].data
    expect(save.requestId).toMatch(/^[a-z0-9]{24}$/)
    expect(save.activity).toMatchObject({ title: '教职工健步走', place: '操场' })
  })

  it('does nothing when the organiser says 再改改', async () => {
    const p = await loadPage('packages/activity/pages/edit/index', cloud('chair', { 'activity.save': saved }), {}, { confirm: false })
    await p.waitFor(() => p.text().includes('保存并发布'), 'the form')
    await p.tap('.app-button', '保存并发布')
    await p.waitFor(() => p.wx.showModal.mock.calls.length > 0, 'the question')
    expect(calls(p.callFunction, 'activity.save')).toHaveLength(0)
  })

  it('edits a draft against the revision it was loaded with', async () => {
    const p = await loadPage('packages/activity/pages/edit/index', cloud('committee', { 'activity.editable': editable, 'activity.save': { ...saved, revision: 3 } }), { id: editable.id })
    await p.waitFor(() => p.text().includes('存为草稿'), 'the form')
    await p.waitFor(() => calls(p.callFunction, 'activity.editable').length > 0, 'the draft')
    await p.tap('.app-button', '存为草稿')
    await p.waitFor(() => calls(p.callFunction, 'activity.save').length > 0, 'the save')
    expect(calls(p.callFunction, 'activity.save')[0].data).toMatchObject({ id: editable.id, revision: 2, activity: { title: '教职工书法兴趣班（第二期）' } })
    expect(p.wx.redirectTo).toHaveBeenCalled()
  })
})
