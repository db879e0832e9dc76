import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { applicantProfile, departments, zhang, zhangAsking } from './fixtures'

describe('我的资料 on the weapp build', () => {
  it('shows a verified member their record and lets them ask the chair to change their name', async () => {
    const p = await loadPage('packages/member/pages/profile/index', cloud('member', { 'member.myProfile': zhang, 'member.departments': departments, 'member.requestChange': zhangAsking }))
    await p.waitFor(() => p.text().includes('JG02015'), 'the profile')
    expect(p.text()).toContain('由工会核实')
    await p.tap('.app-button', '申请修改姓名、工号或状态')
    await p.waitFor(() => p.text().includes('变更原因'), 'the change form')
    const inputs = p.comp.querySelectorAll('.text-input')
    inputs[0].dispatchEvent('input', { detail: { value: '张明明' } })
    inputs[inputs.length - 1].dispatchEvent('input', { detail: { value: '户口本改名' } })
    await p.tap('.app-button', '提交变更申请')
    await p.waitFor(() => calls(p.callFunction, 'member.requestChange').length === 1, 'the request')
    expect(calls(p.callFunction, 'member.requestChange')[0].data).toMatchObject({ name: '张明明', reason: '户口本改名' })
  })

  it('keeps a verified member’s name, staff number and status out of their own form', async () => {
    const p = await loadPage('packages/member/pages/profile/index', cloud('member', { 'member.myProfile': zhangAsking, 'member.departments': departments }))
    await p.waitFor(() => p.text().includes('等待主席处理'), 'the waiting request')
    await p.tap('.app-button', '修改部门、手机、生日')
    await p.waitFor(() => p.comp.querySelectorAll('.profile-fixed').length > 0, 'the form')
    expect(p.comp.querySelectorAll('.profile-fixed').length).toBe(3)
  })

  it('lets an applicant still correct their whole application', async () => {
    const p = await loadPage('packages/member/pages/profile/index', cloud('applicant', { 'member.myProfile': applicantProfile, 'member.departments': departments }))
    await p.waitFor(() => p.text().includes('周新来'), 'the profile')
    await p.tap('.app-button', '修改资料')
    await p.waitFor(() => p.text().includes('保存'), 'the form')
    expect(p.comp.querySelectorAll('.profile-fixed').length).toBe(0)
  })
})
