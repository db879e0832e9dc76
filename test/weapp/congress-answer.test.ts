import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { proposal } from './congress-fixtures'

describe('答复提案 on the weapp build', () => {
  it('lets the 承办人 answer with a class, asking the reason for C', async () => {
    const d = proposal('answer', { state: 'assigned', office: '后勤处', handlerName: '王芳', dueDate: '2026-12-12' }, { answer: true })
    const p = await loadPage('packages/congress/pages/answer/index', cloud('member', { 'congress.detail': d, 'congress.answer': { id: d.id, state: 'answered' } }), { id: d.id })
    await p.waitFor(() => p.text().includes('答复类别'), 'the form')
    await p.tap('.choice__item', 'C 因条件限制暂不能解决')
    await p.waitFor(() => p.text().includes('暂不能解决的原因'), 'the reason field')
    const [text, reason] = p.comp.querySelectorAll('.cg-textarea')
    text.dispatchEvent('input', { detail: { value: '本学期无法增加窗口。' } })
    reason.dispatchEvent('input', { detail: { value: '食堂改造要到暑假' } })
    await p.tap('.app-button', '提交答复')
    await p.waitFor(() => calls(p.callFunction, 'congress.answer').length > 0, 'the answer')
    expect(calls(p.callFunction, 'congress.answer')[0].data).toMatchObject({ id: d.id, revision: 4, answerClass: 'C', text: '本学期无法增加窗口。', reason: '食堂改造要到暑假' })
  })

  it('uploads the picked files to the 教代会 staging folder and sends them with the answer', async () => {
    const d = proposal('answer-files', { state: 'assigned', office: '后勤处', handlerName: '王芳', dueDate: '2026-12-12' }, { answer: true })
    const p = await loadPage('packages/congress/pages/answer/index', cloud('member', { 'congress.detail': d, 'congress.answer': { id: d.id, state: 'answered' } }), { id: d.id })
    await p.waitFor(() => p.text().includes('答复附件'), 'the files field')
    const wx = (globalThis as any).wx
    wx.chooseMessageFile = jest.fn((o: any) => { const r = { errMsg: 'chooseMessageFile:ok', tempFiles: [{ path: 'wxfile://tmp_a.pdf', name: '增设窗口方案.pdf', size: 20480 }] }; o.success?.(r); return Promise.resolve(r) })
    wx.cloud.uploadFile = jest.fn((o: any) => { const r = { errMsg: 'cloud.uploadFile:ok', fileID: `cloud://env-1.656e/${o.cloudPath}` }; o.success?.(r); return Promise.resolve(r) })
    await p.tap('.file-picker__link', '添加文件（PDF/Word）')
    await p.waitFor(() => p.text().includes('增设窗口方案.pdf（20 KB）'), 'the picked file')
    expect(wx.cloud.uploadFile.mock.calls[0][0].cloudPath).toMatch(/^uploads\/congress\/[a-z0-9]{24}\.pdf$/)
    await p.tap('.choice__item', 'A 已解决/采纳')
    await p.waitFor(() => !!p.comp.querySelector('.choice__item--on'), 'the class chosen')
    p.comp.querySelector('.cg-textarea').dispatchEvent('input', { detail: { value: '已增设两个窗口，方案见附件。' } })
    await new Promise((r) => setTimeout(r, 50))
    await p.tap('.app-button', '提交答复')
    await p.waitFor(() => calls(p.callFunction, 'congress.answer').length > 0, 'the answer')
    const sent = calls(p.callFunction, 'congress.answer')[0].data
    expect(sent.files).toEqual([{ fileId: expect.stringMatching(/^cloud:\/\/env-1\.656e\/uploads\/congress\//), name: '增设窗口方案.pdf', size: 20480 }])
  })

  it('tells anyone else there is nothing to answer', async () => {
    const d = proposal('other', { state: 'assigned' })
    const p = await loadPage('packages/congress/pages/answer/index', cloud('retiree', { 'congress.detail': d }), { id: d.id })
    await p.waitFor(() => p.text().includes('这件提案现在不需要你答复'), 'the refusal')
  })
})
