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

  it('tells anyone else there is nothing to answer', async () => {
    const d = proposal('other', { state: 'assigned' })
    const p = await loadPage('packages/congress/pages/answer/index', cloud('retiree', { 'congress.detail': d }), { id: d.id })
    await p.waitFor(() => p.text().includes('这件提案现在不需要你答复'), 'the refusal')
  })
})
