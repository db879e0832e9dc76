import { loadPage } from './support/load-page'
import { cloud } from './support/fixtures'

describe('我的 tab on the weapp build', () => {
  it('shows a committee member’s name and role, opens 慰问记录, and 关怀模式 enlarges the page and is saved', async () => {
    const p = await loadPage('pages/me/index', cloud('committee'))
    await p.waitFor(() => p.text().includes('李建国'), 'the profile')
    for (const t of ['委员', '数学组 · 在职', '慰问记录', '关怀模式']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('切换身份')

    await p.tap('.nav-cell', '慰问记录送温暖台账›')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/welfare/pages/list/index')

    const root = () => (p.comp.querySelector('.page-shell').dom as HTMLElement).className
    expect(root()).not.toContain('page-shell--care')
    p.comp.querySelector('.care-switch__control').dispatchEvent('change', { detail: { value: true } })
    await p.waitFor(() => root().includes('page-shell--care'), 'the care class')
    expect((globalThis as any).wx.setStorageSync).toHaveBeenCalledWith('jgzj.careMode', true)
  })

  it('asks a visitor to 申请加入', async () => {
    const p = await loadPage('pages/me/index', cloud('visitor'))
    await p.waitFor(() => p.text().includes('你还不是工会会员'), 'the join prompt')
    await p.tap('.app-button', '申请加入')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/member/pages/apply/index')
  })
})
