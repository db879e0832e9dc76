/** 异议 (packages/notice/pages/objections) on the production weapp build: one notice's, and every waiting one from the 工作台. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { NOTICE_ID, OBJECTION_ID, objections, pendingObjections } from './notice-fixtures'


describe('异议 on the weapp build', () => {
  it('the chair answers an objection to one notice', async () => {
    const p = await loadPage('packages/notice/pages/objections/index', cloud('chair', { 'notice.objections': objections, 'notice.answerObjection': { id: OBJECTION_ID } }), { id: NOTICE_ID })
    await p.waitFor(() => p.text().includes('集合时间与早读冲突'), 'the objection')
    p.comp.querySelector('.notice-textarea').dispatchEvent('input', { detail: { value: '第一天集合改为 07:40，早读照常。' } })
    await p.waitFor(() => !p.comp.querySelectorAll('.app-button').find((b: any) => b.dom.textContent.trim() === '答复').dom.hasAttribute('disabled'), 'the answer button')
    await p.tap('.app-button', '答复')
    await p.waitFor(() => calls(p.callFunction, 'notice.answerObjection').length > 0, 'the answer')
    expect(calls(p.callFunction, 'notice.answerObjection')[0].data).toMatchObject({ objectionId: OBJECTION_ID })
  })

  it('from the 工作台 (no notice): every objection still waiting, the overdue ones marked, each opening its notice', async () => {
    const p = await loadPage('packages/notice/pages/objections/index', cloud('chair', { 'notice.pendingObjections': pendingObjections }))
    await p.waitFor(() => p.text().includes('建议公布参加投票的人员名单'), 'the waiting objection')
    expect(p.text()).toContain('《第六届教职工代表大会代表补选结果公示》')
    expect(p.text()).toContain('公示期已结束，请尽快答复')
    await p.tap('.objection__notice')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/notice/pages/detail/index?id=${NOTICE_ID}`)
  })
})
