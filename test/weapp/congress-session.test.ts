import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { members } from './congress-fixtures'


describe('教代会会议设置 on the weapp build', () => {
  it('lets the chair set up a session once, then choose the 提案工作委员会', async () => {
    const p = await loadPage('packages/congress/pages/session/index', cloud('chair', {
      'congress.saveSession': { id: 'congress-6-1', revision: 0 }, 'congress.findMembers': members, 'congress.setCommittee': { id: 'congress-6-1', revision: 1 },
    }))
    await p.waitFor(() => p.text().includes('建立会议'), 'the form')
    const inputs = p.comp.querySelectorAll('.text-input')
    const values = ['6', '1', '2027年第六届第一次教职工代表大会', '2', '10']
    values.forEach((v, i) => inputs[i].dispatchEvent('input', { detail: { value: v } }))
    // the days come from date pickers, not typed text
    const days = ['2027-03-20', '2027-02-20', '2027-03-10']
    const pickers = p.comp.querySelectorAll('.cg-date')
    expect(pickers).toHaveLength(3)
    days.forEach((v, i) => pickers[i].dispatchEvent('change', { detail: { value: v } }))
    await p.waitFor(() => p.text().includes('2027-03-10'), 'the chosen days shown')
    p.comp.querySelector('.cg-textarea').dispatchEvent('input', { detail: { value: '听取和审议学校工作报告\n\n 审议绩效工资分配方案 ' } })
    await p.tap('.app-button', '建立会议')
    await p.waitFor(() => p.text().includes('保存委员会'), 'the committee section')
    const sent = calls(p.callFunction, 'congress.saveSession')[0].data
    expect(sent).toMatchObject({
      term: 6, meeting: 1, title: '2027年第六届第一次教职工代表大会', meetingDate: '2027-03-20', collectFrom: '2027-02-20', collectTo: '2027-03-10', minSeconds: 2,
      reviewDays: 10, agenda: ['听取和审议学校工作报告', '审议绩效工资分配方案'],
    })
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    p.comp.querySelectorAll('.text-input').at(-1).dispatchEvent('input', { detail: { value: '曹' } })
    await p.tap('.cg-link', '查找')
    await p.waitFor(() => p.text().includes('曹建国（后勤处）'), 'the member found')
    await p.tap('.cg-pick', '曹建国（后勤处）')
    await p.waitFor(() => !!p.comp.querySelector('.cg-pick--on'), 'the pick')
    await p.tap('.app-button', '保存委员会')
    await p.waitFor(() => calls(p.callFunction, 'congress.setCommittee').length > 0, 'the committee saved')
    expect(calls(p.callFunction, 'congress.setCommittee')[0].data).toMatchObject({ sessionId: 'congress-6-1', revision: 0, memberIds: ['m27'] })
  })
})
