import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { departments, ids, liCommittee, zhang } from './fixtures'

describe('会员详情 on the weapp build', () => {
  it('lets the chair change a role only after saying what it means', async () => {
    const p = await loadPage('packages/member/pages/detail/index', cloud('chair', { 'member.get': zhang, 'member.departments': departments, 'member.setRole': { ...zhang, role: 'committee' } }), { id: ids.zhang })
    await p.waitFor(() => p.text().includes('设为委员'), 'the role chips')
    await p.tap('.role-chip', '设为委员')
    await p.waitFor(() => calls(p.callFunction, 'member.setRole').length === 1, 'the role change')
    expect(p.wx.showModal.mock.calls[0][0].content).toContain('把张明的身份从「会员」改为「委员」')
    expect(calls(p.callFunction, 'member.setRole')[0].data).toMatchObject({ memberId: ids.zhang, role: 'committee' })
  })

  it('hands the chair over only when confirmed, in plain words', async () => {
    const p = await loadPage('packages/member/pages/detail/index', cloud('chair', { 'member.get': liCommittee, 'member.departments': departments }), { id: ids.li }, { confirm: false })
    await p.waitFor(() => p.text().includes('把主席职务移交给 TA'), 'the hand-over button')
    await p.tap('.app-button', '把主席职务移交给 TA')
    await p.waitFor(() => p.wx.showModal.mock.calls.length === 1, 'the question')
    expect(p.wx.showModal.mock.calls[0][0].content).toBe('把主席职务移交给 李晓梅？移交后你将成为委员，此操作无法撤销。')
    expect(calls(p.callFunction, 'member.handOver')).toHaveLength(0)
  })

  it('shows the committee the record without the chair’s tools', async () => {
    const p = await loadPage('packages/member/pages/detail/index', cloud('committee', { 'member.get': zhang }), { id: ids.zhang })
    await p.waitFor(() => p.text().includes('JG02015'), 'the record')
    expect(p.text()).not.toContain('设为委员')
    expect(p.text()).not.toContain('移除会员')
  })
})
