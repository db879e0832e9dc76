/** 计划事项 (packages/plan/pages/item) on the production weapp build. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { people, plan2026 } from './plan-fixtures'

describe('计划事项 on the weapp build', () => {
  it('shows a committee member the item, links it to an activity and marks it done on its revision', async () => {
    const it4 = plan2026.items[3]
    const candidates = { items: [{ id: 'a'.repeat(32), title: '冬季教职工羽毛球赛', when: '2026-12-12' }] }
    const p = await loadPage('packages/plan/pages/item/index', cloud('committee', {
      'plan.get': plan2026, 'plan.people': people, 'plan.linkCandidates': candidates, 'plan.linkItem': it4, 'plan.markDone': { ...it4, status: 'done' },
      'plan.itemHistory': { items: [{ revision: 1, at: '2026-01-05T02:00:00.000Z', byName: '王建华', what: '从 2025 年计划复制' }] },
    }), { year: '2026', id: it4.id })
    await p.waitFor(() => p.text().includes('冬季教职工羽毛球赛') && p.text().includes('从 2025 年计划复制'), 'the item, its candidates and history')
    expect(p.text()).toContain('逾期')
    await p.tap('.plan-row', '冬季教职工羽毛球赛2026-12-12 · 点此关联')
    await p.waitFor(() => calls(p.callFunction, 'plan.linkItem').length > 0, 'the link')
    expect(calls(p.callFunction, 'plan.linkItem')[0].data).toMatchObject({ id: it4.id, revision: 1, link: { kind: 'activity', id: 'a'.repeat(32) } })
    await p.tap('.app-button', '标记为已完成')
    await p.waitFor(() => calls(p.callFunction, 'plan.markDone').length > 0, 'the mark')
    expect(calls(p.callFunction, 'plan.markDone')[0].data).toMatchObject({ id: it4.id, done: true })
  })
})
