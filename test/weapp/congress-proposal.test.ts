import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { answered, delegates, proposal, list } from './congress-fixtures'

const open = (who: Parameters<typeof cloud>[0], detail: unknown, extra: Record<string, unknown> = {}) =>
  loadPage('packages/congress/pages/proposal/index', cloud(who, { 'congress.detail': detail, ...extra }), { id: (detail as { id: string }).id })

describe('提案 detail on the weapp build', () => {
  it('lets an invited 代表 second it', async () => {
    const d = proposal('draft', { state: 'draft', number: null, seconds: 1, invites: [{ memberId: 'm1', name: '王芳', state: 'invited' }] }, { respond: true })
    const p = await open('member', d, { 'congress.respond': { seconds: 2, state: 'accepted' } })
    await p.waitFor(() => p.text().includes('同意附议'), 'the invitation')
    expect(p.text()).toContain('张明 邀请你附议这件提案')
    await p.tap('.app-button', '同意附议')
    await p.waitFor(() => calls(p.callFunction, 'congress.respond').length > 0, 'the answer')
    expect(calls(p.callFunction, 'congress.respond')[0].data).toMatchObject({ id: d.id, accept: true })
  })

  it('lets the proposer invite 代表 and submit once seconded enough', async () => {
    const d = proposal('mine', { state: 'draft', number: null, invites: [{ memberId: 'm8', name: '刘芳', state: 'accepted' }, { memberId: 'm9', name: '黄俊', state: 'accepted' }] }, { edit: true, invite: true, submit: true })
    const p = await open('member', d, { 'congress.delegates': delegates, 'congress.invite': { invited: 1 }, 'congress.submit': { id: d.id, revision: 5, state: 'submitted' } })
    await p.waitFor(() => p.text().includes('赵磊（数学组选区）'), 'the delegates to invite')
    expect(p.text()).not.toContain('刘芳（语文组选区）')
    await p.tap('.cg-pick', '赵磊（数学组选区）')
    await p.waitFor(() => p.text().includes('发出邀请（1 人）'), 'the pick')
    await p.tap('.app-button', '发出邀请（1 人）')
    await p.waitFor(() => calls(p.callFunction, 'congress.invite').length > 0, 'the invitation')
    expect(calls(p.callFunction, 'congress.invite')[0].data).toMatchObject({ id: d.id, memberIds: ['m10'] })
    await p.tap('.app-button', '提交提案')
    await p.waitFor(() => calls(p.callFunction, 'congress.submit').length > 0, 'the submission')
    expect(p.wx.showModal.mock.calls[0][0].confirmText).toBe('提交')
    expect(calls(p.callFunction, 'congress.submit')[0].data).toMatchObject({ id: d.id, revision: 4 })
  })

  it('lets the 提案工作委员会 return it with a reason the proposer will see', async () => {
    const d = proposal('review', { state: 'submitted' }, { decide: true })
    const p = await open('committee', d, { 'congress.decide': { id: d.id, state: 'returned' } })
    await p.waitFor(() => p.text().includes('审查意见'), 'the decision form')
    await p.tap('.choice__item', '退回修改')
    await p.waitFor(() => p.text().includes('理由（提案人会看到）'), 'the reason field')
    p.comp.querySelector('.cg-textarea').dispatchEvent('input', { detail: { value: '请写明具体办法' } })
    await p.tap('.app-button', '提交审查意见')
    await p.waitFor(() => calls(p.callFunction, 'congress.decide').length > 0, 'the decision')
    expect(calls(p.callFunction, 'congress.decide')[0].data).toMatchObject({ id: d.id, revision: 4, decision: 'return', reason: '请写明具体办法' })
  })

  it('lets the 提案工作委员会 merge it into an accepted case', async () => {
    const d = proposal('merge', { state: 'submitted' }, { decide: true })
    const p = await open('committee', d, { 'congress.list': (data: any) => (data.state === 'accepted' ? list : { items: [], page: 1, total: 0 }), 'congress.decide': { id: d.id, state: 'merged' } })
    await p.waitFor(() => p.text().includes('审查意见'), 'the decision form')
    await p.tap('.choice__item', '并案')
    await p.waitFor(() => p.comp.querySelectorAll('.cg-pick').length > 0, 'the cases')
    await p.tap('.cg-pick', `第3号 关于改善教师食堂午餐的建议`)
    await p.waitFor(() => !!p.comp.querySelector('.cg-pick--on'), 'the case picked')
    await p.tap('.app-button', '提交审查意见')
    await p.waitFor(() => calls(p.callFunction, 'congress.decide').length > 0, 'the decision')
    expect(calls(p.callFunction, 'congress.decide')[0].data).toMatchObject({ decision: 'merge', intoId: list.items[1].id })
  })

  it('shows the answer and lets a 附议人 rate it', async () => {
    const d = proposal('rate', { state: 'rating', ...answered }, { rate: true })
    const p = await open('member', d, { 'congress.rate': { state: 'rating', round: 1 } })
    await p.waitFor(() => p.text().includes('你对这次答复满意吗'), 'the rating form')
    for (const t of ['办理情况', '后勤处', '曹建国', 'B 列入计划逐步解决', '下学期增加两个窗口。', '评价人：张明、刘芳、黄俊']) expect(p.text()).toContain(t)
    await p.tap('.choice__item', '不满意')
    await p.waitFor(() => !!p.comp.querySelector('.choice__item--on'), 'the rating picked')
    await p.tap('.app-button', '提交评价')
    await p.waitFor(() => calls(p.callFunction, 'congress.rate').length > 0, 'the rating')
    expect(calls(p.callFunction, 'congress.rate')[0].data).toMatchObject({ id: d.id, rating: 'unsatisfied' })
  })

  it('shows every member a 转为意见建议 reason and the closed ratings, with nothing to do', async () => {
    const d = proposal('done', { state: 'suggestion', decisionReason: '属日常管理事项，已转体艺组办理。' })
    const p = await open('retiree', d)
    await p.waitFor(() => p.text().includes('转为意见建议的理由'), 'the reason')
    expect(p.text()).toContain('属日常管理事项，已转体艺组办理。')
    expect(p.comp.querySelectorAll('.app-button')).toHaveLength(0)
  })

  it('shows the answer’s files, the rating deadline, and lets the committee close a round past it', async () => {
    const d = proposal('rating-due', { ...answered, state: 'rating', ratingDue: '2026-12-16', ratings: [{ round: 1, name: '张明', rating: 'basic', comment: '' }] }, { closeRating: true })
    const p = await open('committee', d, { 'congress.closeRating': { state: 'closed', round: 1, unrated: 2 } })
    await p.waitFor(() => p.text().includes('增设窗口方案.pdf'), 'the answer file')
    expect(p.text()).toContain('评价期限 2026-12-16')
    await p.tap('.app-button', '评价期满，结束评价')
    await p.waitFor(() => calls(p.callFunction, 'congress.closeRating').length > 0, 'the close')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('未评价')
    expect(calls(p.callFunction, 'congress.closeRating')[0].data).toMatchObject({ id: d.id, revision: 4 })
  })

  it('names the raters recorded as 未评价 once a round was closed', async () => {
    const d = proposal('unrated', { ...answered, state: 'closed', finalRating: 'basic', unrated: [{ round: 1, name: '刘芳' }] })
    const p = await open('member', d)
    await p.waitFor(() => p.text().includes('第1次 · 刘芳：未评价（评价期满）'), 'the 未评价 line')
    expect(p.text()).not.toContain('评价期满，结束评价')
  })

  it('lets the 提案工作委员会 交办 to a 承办人 with 协办人 (members)', async () => {
    const d = proposal('assign', { state: 'accepted' }, { assign: true })
    const found = { items: [{ memberId: 'm27', name: '曹建国', department: '后勤处' }, { memberId: 'm26', name: '邓宇', department: '教务处' }] }
    const p = await open('committee', d, { 'congress.findMembers': found, 'congress.assign': { id: d.id, state: 'assigned' } })
    await p.waitFor(() => p.text().includes('协办人（最多 5 位）'), 'the assign form')
    const find = () => p.comp.querySelectorAll('.cg-link').filter((x: any) => x.dom.textContent === '查找')
    find()[0].dispatchEvent('tap')
    await p.waitFor(() => p.comp.querySelectorAll('.cg-pick').length === 2, 'the members found')
    await p.tap('.cg-pick', '曹建国（后勤处）')
    await p.waitFor(() => p.text().includes('已选：曹建国'), 'the 承办人 picked')
    const inputs = p.comp.querySelectorAll('.text-input')
    inputs[1].dispatchEvent('input', { detail: { value: '后勤处' } })
    find()[1].dispatchEvent('tap')
    await p.waitFor(() => p.comp.querySelectorAll('.cg-pick').length === 4, 'the 协办人 found')
    // the second finder's results come after the first's
    const co = p.comp.querySelectorAll('.cg-pick').slice(2).find((x: any) => x.dom.textContent.includes('邓宇'))
    co.dispatchEvent('tap')
    await p.waitFor(() => p.text().includes('已选：邓宇'), 'the 协办人 picked')
    await p.tap('.app-button', '交办')
    await p.waitFor(() => calls(p.callFunction, 'congress.assign').length > 0, 'the assignment')
    expect(calls(p.callFunction, 'congress.assign')[0].data).toMatchObject({ id: d.id, handlerId: 'm27', office: '后勤处', coHandlerIds: ['m26'] })
  })

  it('lets a 协办人 write his 协办意见 and shows every member the opinions with the answer', async () => {
    const d = proposal('co', { state: 'assigned', office: '后勤处', handlerName: '曹建国', dueDate: '2026-12-12', coHandlers: [{ memberId: 'm26', name: '邓宇' }] }, { coNote: true })
    const p = await open('member', d, { 'congress.coNote': { id: 'n1', revision: 0 } })
    await p.waitFor(() => p.text().includes('你是这件提案的协办人'), 'the 协办意见 form')
    expect(p.text()).toContain('邓宇')
    expect(p.text()).not.toContain('答复这件提案')
    p.comp.querySelector('.cg-textarea').dispatchEvent('input', { detail: { value: '建议午休下课错开 10 分钟。' } })
    await p.tap('.app-button', '提交协办意见')
    await p.waitFor(() => calls(p.callFunction, 'congress.coNote').length > 0, 'the 协办意见')
    expect(calls(p.callFunction, 'congress.coNote')[0].data).toEqual(expect.objectContaining({ id: d.id, text: '建议午休下课错开 10 分钟。' }))
    expect(calls(p.callFunction, 'congress.coNote')[0].data.revision).toBeUndefined()

    const after = proposal('co2', { state: 'rating', ...answered, coHandlers: [{ memberId: 'm26', name: '邓宇' }], coNotes: [{ round: 1, name: '邓宇', text: '建议午休下课错开 10 分钟。', at: '2026-12-01T02:00:00.000Z', corrected: true }] })
    const seen = await open('member', after)
    await seen.waitFor(() => seen.text().includes('协办意见'), 'the opinions')
    expect(seen.text()).toContain('第1次 · 邓宇（已修改）：建议午休下课错开 10 分钟。')
  })

  it('opens an answer file through congress.answerFile (the checked link), and says so when it is damaged', async () => {
    const d = proposal('files', { ...answered, state: 'closed', finalRating: 'satisfied' })
    const p = await open('member', d, { 'congress.answerFile': { url: 'https://7a6a-jgzj.tcb.qcloud.la/congress-answers/ab.pdf?sign=x', name: '增设窗口方案.pdf', kind: 'pdf' } })
    await p.waitFor(() => p.text().includes('增设窗口方案.pdf'), 'the answer file')
    await p.tap('.attachments__item')
    await p.waitFor(() => p.wx.openDocument.mock.calls.length > 0, 'the document')
    expect(calls(p.callFunction, 'congress.answerFile')[0].data).toMatchObject({ id: d.id, round: 1, index: 0 })

    const damaged = await open('member', d, { 'congress.answerFile': { ok: false, code: 'CONFLICT', message: '答复附件“增设窗口方案.pdf”已损坏，无法打开；请告诉提案工作委员会，由承办人重新提供' } })
    await damaged.waitFor(() => damaged.text().includes('增设窗口方案.pdf'), 'the answer file')
    await damaged.tap('.attachments__item')
    await damaged.waitFor(() => damaged.wx.showModal.mock.calls.length > 0, 'the refusal')
    expect(damaged.wx.showModal.mock.calls[0][0].content).toContain('已损坏')
    expect(damaged.wx.openDocument).not.toHaveBeenCalled()
  })
})
