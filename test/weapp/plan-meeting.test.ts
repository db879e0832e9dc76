/** 登记会议 (packages/plan/pages/meeting) on the production weapp build. */
import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { CHAIR_ID, meeting, people } from './plan-fixtures'

describe('登记会议 on the weapp build', () => {
  it('records who came and who was absent, and sends one request id', async () => {
    const p = await loadPage('packages/plan/pages/meeting/index', cloud('committee', { 'plan.people': people, 'plan.recordMeeting': meeting }))
    await p.waitFor(() => p.text().includes('王芳'), 'the people')
    p.comp.querySelector('.text-input[name="place"]')?.dispatchEvent('input', { detail: { value: '行政楼会议室' } })
    await p.tap('.choice__item', '王建华')
    await p.waitFor(() => p.text().includes('王建华·出席'), 'the chair present')
    await p.tap('.choice__item', '王芳')
    await p.waitFor(() => p.text().includes('王芳·出席'), 'a teacher present')
    await p.tap('.choice__item', '王芳·出席')
    await p.waitFor(() => p.text().includes('王芳·缺席'), 'the absence')
    await p.tap('.app-button', '保存会议记录')
    await p.waitFor(() => calls(p.callFunction, 'plan.recordMeeting').length > 0, 'the save')
    expect(calls(p.callFunction, 'plan.recordMeeting')[0].data).toMatchObject({
      type: '工会委员会议', attendeeIds: [CHAIR_ID], absent: [{ memberId: 'm1', reason: '请假' }], requestId: expect.stringMatching(/^[a-z0-9]{24}$/), files: [],
    })
  })

  it('opens a recorded meeting with its photos and offers the chair to publish its summary', async () => {
    const p = await loadPage('packages/plan/pages/meeting/index', cloud('chair', { 'plan.people': people, 'plan.meeting': meeting }), { id: meeting.id })
    // the link comes with the loaded meeting, the picker's line once the form has taken its files
    await p.waitFor(() => p.text().includes('查看：会场.jpg') && p.text().includes('会场.jpg（51 KB）'), 'the photo')
    expect(p.text()).toContain('公布会议纪要到校务公开')
    await p.tap('.plan-link', '查看：会场.jpg')
    expect(p.wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: [meeting.files[0].url] }))
  })
})
