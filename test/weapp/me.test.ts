import { loadPage } from './support/load-page'
import { cloud, people, type Person } from './support/fixtures'
import { desk } from './member/fixtures'

/** 我的's one call (member.home): who I am, and for committee and chair the 工作台 (no 慰问待办 here). */
const home = (who: Person) => cloud(who, { 'member.home': { ...people[who], ...(who === 'committee' || who === 'chair' ? { desk: desk.items } : {}) } })

const g = globalThis as any

describe('我的 tab on the weapp build', () => {
  beforeEach(() => {
    g.wx = Object.assign(g.wx ?? {}, { setTabBarBadge: jest.fn(), removeTabBarBadge: jest.fn() })
  })

  it('shows a committee member’s name and role, opens 慰问记录, and 关怀模式 enlarges the page and is saved', async () => {
    const p = await loadPage('pages/me/index', home('committee'))
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
    expect(g.wx.setStorageSync).toHaveBeenCalledWith('jgzj.careMode', true)
  })

  it('puts the 工作台 on top for the committee: counts, 无 for nothing, late work in the warning colour, a tap opens the work, a badge on the tab', async () => {
    const p = await loadPage('pages/me/index', home('committee'))
    await p.waitFor(() => p.text().includes('2 · 已逾期'), 'the desk')
    expect(p.text()).toContain('工作台')
    expect(p.text()).toContain('2 · 已逾期')
    expect(p.text()).toMatch(/资料变更申请\s*无/)
    const urgent = p.comp.querySelector('.desk-line--urgent')
    expect((urgent.dom as HTMLElement).textContent).toContain('入会审核')
    await p.tap('.desk-line', '入会审核2 · 已逾期›')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/member/pages/queue/index')
    await p.waitFor(() => g.wx.setTabBarBadge.mock.calls.length > 0, 'the tab badge')
    expect(g.wx.setTabBarBadge.mock.calls[0][0]).toMatchObject({ index: 3, text: '2' })
  })

  it('shows the chair the desk too, and a member none; the page makes one call', async () => {
    const chair = await loadPage('pages/me/index', home('chair'))
    await chair.waitFor(() => chair.text().includes('2 · 已逾期'), 'the chair’s desk')
    expect(chair.text()).toContain('操作日志')

    const member = await loadPage('pages/me/index', home('member'))
    await member.waitFor(() => member.text().includes('王芳'), 'the profile')
    expect(member.text()).not.toContain('工作台')
    expect(member.callFunction.mock.calls.map((c) => `${c[0].name}.${c[0].data.action}`)).toEqual(['member.home'])
  })

  it('asks a visitor to 申请加入', async () => {
    const p = await loadPage('pages/me/index', home('visitor'))
    await p.waitFor(() => p.text().includes('你还不是工会会员'), 'the join prompt')
    await p.tap('.app-button', '申请加入')
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe('/packages/member/pages/apply/index')
  })
})
