import { loadPage, ok } from './support/load-page'
import { cloud, people } from './support/fixtures'

const g = globalThis as any

describe('代表 status on 我的 (weapp build)', () => {
  beforeEach(() => {
    g.wx = Object.assign(g.wx ?? {}, { setTabBarBadge: jest.fn(), removeTabBarBadge: jest.fn() })
  })

  it('shows “第5届教代会代表” under the name of an active 代表, and nothing for other members', async () => {
    const delegate = { ...people.member, member: { ...people.member.member, congressLabel: '第5届教代会代表' } }
    const answer = cloud('member')
    const p = await loadPage('pages/me/index', (name, data) => (name === 'member' && data.action === 'home' ? ok(delegate) : answer(name, data)))
    await p.waitFor(() => p.text().includes('王芳'), 'the profile')
    expect(p.text()).toContain('第5届教代会代表')

    const other = await loadPage('pages/me/index', cloud('member', { 'member.home': people.member }))
    await other.waitFor(() => other.text().includes('王芳'), 'the profile')
    expect(other.text()).not.toContain('教代会代表')
  })
})
