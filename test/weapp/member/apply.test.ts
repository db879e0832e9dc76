import { loadPage } from '../support/load-page'
import { calls, cloud, checked } from '../support/fixtures'
import { applyOutput } from '../../../types/member'
import { TEMPLATES } from '../../../types/templates'
import { departments } from './fixtures'

const approved = checked(applyOutput, { state: 'pending', via: 'approval', message: '申请已提交，工会委员审核通过后会通知你。' })

describe('申请加入 on the weapp build', () => {
  it('lets a visitor apply once per form and asks for the join-result message on the 提交申请 tap', async () => {
    const p = await loadPage('packages/member/pages/apply/index', cloud('visitor', { 'member.departments': departments, 'member.apply': approved }))
    await p.waitFor(() => p.text().includes('加入教工之家') && p.text().includes('数学组'), 'the join form')
    p.comp.querySelector('.text-input').dispatchEvent('input', { detail: { value: '周新来' } })
    await p.tap('.choice__item', '数学组')
    await p.tap('.choice__item', '在职')
    await p.tap('.app-button', '提交申请')
    await p.waitFor(() => calls(p.callFunction, 'member.apply').length === 1, 'the application')
    expect(p.wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [TEMPLATES.memberReviewed] }))
    const sent = calls(p.callFunction, 'member.apply')[0].data
    expect(sent).toMatchObject({ name: '周新来', department: '数学组', status: '在职' })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(sent).not.toHaveProperty('group')
    await p.waitFor(() => p.text().includes('申请已提交'), 'the outcome')
  })

  it('tells a member there is nothing to apply for', async () => {
    const p = await loadPage('packages/member/pages/apply/index', cloud('member'))
    await p.waitFor(() => p.text().includes('你已经是工会会员'), 'the member notice')
    expect(calls(p.callFunction, 'member.apply')).toHaveLength(0)
  })
})
