import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { CODE, opinionCloud, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()
const g = globalThis as any

/** WeChat's cryptographic generator, as wx.getRandomValues answers (16 bytes → 32 hex). */
function cryptoRandom() {
  g.wx = { ...(g.wx ?? {}), getRandomValues: jest.fn((o: any) => o.success?.({ randomValues: new Uint8Array(o.length).fill(0xab).buffer })) }
}

describe('提意见 on the weapp build (member)', () => {
  it('tells what anonymity covers, and the submit tap checks the form first', async () => {
    const p = await loadPage('packages/opinion/pages/submit/index', opinionCloud('member'))
    await p.waitFor(() => p.text().includes('匿名提交'), 'the form')
    for (const t of ['默认匿名', '每日一批', '匿名做不到的', '教育教学']) expect(p.text()).toContain(t)
    await p.tap('.app-button', '匿名提交')
    await p.waitFor(() => p.text().includes('请选择意见类别'), 'the form error')
    expect(calls(p.callFunction, 'opinion.submit')).toHaveLength(0)
    expect(consoleWatch.problems()).toEqual([])
  })

  it('submits with a 128-bit request id and shows the receipt code; "remember on this phone" keeps it', async () => {
    cryptoRandom()
    const p = await loadPage('packages/opinion/pages/submit/index', opinionCloud('retired', {
      'opinion.submit': () => ({ ok: true, data: { code: CODE, submittedOn: '2026-11-22', dueDays: 7, held: false } }),
    }))
    await p.waitFor(() => p.text().includes('匿名提交'), 'the form')
    await p.tap('.op-choice__item', '食堂')
    await p.waitFor(() => p.comp.querySelector('.op-choice__item--on')?.dom.textContent === '食堂', 'the chosen category')
    p.comp.querySelector('.op-form__textarea').dispatchEvent('input', { detail: { value: '晚餐窗口能否延长到七点？' } })
    await p.waitFor(() => p.text().includes('12/1000'), 'the text')
    await p.tap('.app-button', '匿名提交')
    await p.waitFor(() => p.text().includes('匿名意见已提交'), 'the receipt')
    const [sent] = calls(p.callFunction, 'opinion.submit')
    expect(sent.data).toEqual({ action: 'submit', requestId: 'ab'.repeat(16), category: '食堂', text: '晚餐窗口能否延长到七点？', anonymous: true, notifyReply: false, images: [] })
    expect(p.text()).toContain('M3XE-6DTJ-26NN-5PV6')
    await p.tap('.app-button', '记在这台手机上（推荐）')
    await p.waitFor(() => p.text().includes('已记在这台手机上'), 'the remembered note')
    expect(g.wx.setStorageSync).toHaveBeenCalledWith('opinion.receipts', [expect.objectContaining({ code: CODE })])
    expect(consoleWatch.problems()).toEqual([])
  })
})
