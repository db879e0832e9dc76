import { loadPage } from '../support/load-page'
import { calls, cloud, hexId } from '../support/fixtures'
import { choose, roster, sanatorium, tapWhenShown, typeInto } from '../activity-fixtures'


describe('报名名单 on the weapp build', () => {
  it('shows counts, answers, 候补第 n 位 and who was signed up by the committee', async () => {
    const p = await loadPage('packages/activity/pages/roster/index', cloud('committee', { 'activity.roster': roster }), { id: sanatorium })
    await p.waitFor(() => p.text().includes('杨德明'), 'the roster')
    for (const t of ['候补第 1 位', '由 李建国 代报名', '住宿安排：标准间（与同事合住）', '已签到']) expect(p.text()).toContain(t)
  })

  it('按名单签到: checks in a member without a phone after asking once', async () => {
    const p = await loadPage('packages/activity/pages/roster/index', cloud('chair', {
      'activity.roster': roster,
      'activity.checkinByRoster': { name: '杨德明', department: '离退休', activityTitle: roster.title, guests: 0, checkedInAt: '2026-11-22T01:20:00.000Z' },
    }), { id: sanatorium })
    await p.waitFor(() => p.text().includes('杨德明'), 'the roster')
    await p.tap('.toolbar__item', '签到')
    await p.waitFor(() => calls(p.callFunction, 'activity.checkinByRoster').length > 0, 'the check-in')
    expect(p.wx.showModal.mock.calls[0][0].content).toBe('确认 杨德明（离退休）已到场，为 TA 签到？')
    expect(calls(p.callFunction, 'activity.checkinByRoster')[0].data.registrationId).toBe(roster.items[1].id)
    await p.waitFor(() => p.text().includes('杨德明 已签到'), 'the confirmation')
  })

  it('代报名: finds a member by name, takes their answers and signs them up after asking once', async () => {
    const retiree = { id: hexId('潘国庆'), name: '潘国庆', department: '理化生组', status: '离退休', role: 'member' }
    const p = await loadPage('packages/activity/pages/roster/index', cloud('committee', {
      'activity.roster': roster,
      'member.directory': { items: [retiree], page: 1, total: 1 },
      'activity.registerFor': { id: `${sanatorium}_${retiree.id}`, activityId: sanatorium, state: 'waitlisted', waitPosition: 4 },
    }), { id: sanatorium, filter: 'waitlisted' })
    await p.waitFor(() => p.text().includes('代会员报名'), 'the roster')
    expect(calls(p.callFunction, 'activity.roster')[0].data.state).toBe('waitlisted')
    await p.tap('.toolbar__item', '代会员报名')
    await typeInto(p, '.search-bar__input', '潘国庆')
    await p.tap('.search-bar__go')
    await tapWhenShown(p, '.proxy__member', '潘国庆 · 理化生组 · 离退休')
    await choose(p, '单间（补差价）')
    await tapWhenShown(p, '.app-button', '替 潘国庆 报名')
    await p.waitFor(() => calls(p.callFunction, 'activity.registerFor').length > 0, 'the sign-up')
    expect(p.wx.showModal.mock.calls[0][0].content).toBe('替 潘国庆（理化生组）报名这个活动？报名记录会注明由你代报。')
    expect(calls(p.callFunction, 'activity.registerFor')[0].data).toMatchObject({ activityId: sanatorium, memberId: retiree.id, answers: { room: '单间（补差价）' }, guests: 0 })
    await p.waitFor(() => p.text().includes('已替 潘国庆 报名：候补第 4 位'), 'the result')
  })
})
