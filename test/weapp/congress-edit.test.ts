import { loadPage } from './support/load-page'
import { calls, cloud, hexId } from './support/fixtures'
import { SESSION, similar } from './congress-fixtures'

describe('写提案 on the weapp build', () => {
  it('shows similar proposals while a 代表 types the 案由, and saves a draft once per form', async () => {
    const id = hexId('new')
    const p = await loadPage('packages/congress/pages/edit/index', cloud('member', { 'congress.similar': similar, 'congress.saveProposal': { id, revision: 0 } }), { session: SESSION })
    await p.waitFor(() => p.text().includes('一事一案'), 'the form')
    p.comp.querySelector('.text-input').dispatchEvent('input', { detail: { value: '关于改善教师食堂午餐的建议' } })
    await p.waitFor(() => p.text().includes('已有相近的提案'), 'similar proposals', 3000)
    expect(p.text()).toContain('关于改善教师食堂伙食的建议（2025年第五届第二次教职工代表大会，已办结）')
    expect(calls(p.callFunction, 'congress.similar').at(-1).data).toMatchObject({ sessionId: SESSION, title: '关于改善教师食堂午餐的建议' })
    await p.tap('.choice__item', '后勤保障')
    const [reasons, measures] = p.comp.querySelectorAll('.cg-textarea')
    reasons.dispatchEvent('input', { detail: { value: '午餐菜品单一。' } })
    measures.dispatchEvent('input', { detail: { value: '每周公示菜单。' } })
    await p.waitFor(() => !!p.comp.querySelector('.choice__item--on'), 'the category')
    await p.tap('.app-button', '保存草稿')
    await p.waitFor(() => calls(p.callFunction, 'congress.saveProposal').length > 0, 'the save')
    const sent = calls(p.callFunction, 'congress.saveProposal')[0].data
    expect(sent).toMatchObject({ sessionId: SESSION, title: '关于改善教师食堂午餐的建议', category: '后勤保障', reasons: '午餐菜品单一。', measures: '每周公示菜单。' })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await p.waitFor(() => p.wx.redirectTo.mock.calls.length > 0, 'the proposal page')
    expect(p.wx.redirectTo.mock.calls[0][0].url).toBe(`/packages/congress/pages/proposal/index?id=${id}`)
  })

  it('names a refused field under it', async () => {
    const refusal = { ok: false, code: 'BAD_INPUT', message: '输入有误：请填写理由。', issues: [{ path: ['reasons'], message: '请填写理由' }] }
    const p = await loadPage('packages/congress/pages/edit/index', cloud('member', { 'congress.saveProposal': refusal }), { session: SESSION })
    await p.waitFor(() => p.text().includes('一事一案'), 'the form')
    await p.tap('.choice__item', '其他')
    await p.waitFor(() => !!p.comp.querySelector('.choice__item--on'), 'the category')
    await p.tap('.app-button', '保存草稿')
    await p.waitFor(() => p.text().includes('请填写理由'), 'the field error')
  })
})
