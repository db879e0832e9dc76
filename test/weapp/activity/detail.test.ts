import { TEMPLATES } from '../../../types/templates'
import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { checkup, choose, detail, registration, tapWhenShown, typeInto } from '../activity-fixtures'

const open = detail({ mine: undefined, registration: undefined })

describe('activity detail on the weapp build', () => {
  it('signs a member up on the tap, asking then for the activity messages they will receive', async () => {
    let signedUp = false
    const p = await loadPage('packages/activity/pages/detail/index', cloud('member', {
      'activity.detail': () => (signedUp ? detail({ registration: registration() }) : open),
      'activity.register': () => { signedUp = true; return { id: `${checkup}_m1`, activityId: checkup, state: 'confirmed' } },
    }), { id: checkup })
    await p.waitFor(() => p.text().includes('我要报名'), 'the sign-up form')
    for (const t of ['体检套餐（必填）', '报名截止前可取消', '不限名额']) expect(p.text()).toContain(t)
    await choose(p, '女性套餐')
    await p.tap('.app-button', '我要报名')
    await p.waitFor(() => calls(p.callFunction, 'activity.register').length > 0, 'the sign-up')
    expect(calls(p.callFunction, 'activity.register')[0].data).toMatchObject({ activityId: checkup, answers: { package: '女性套餐' }, guests: 0 })
    expect(p.wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([TEMPLATES.activityResult, TEMPLATES.activityReminder, TEMPLATES.activityNotice])
    await p.waitFor(() => p.text().includes('修改报名信息'), 'the registration')
    expect(p.text()).toContain('体检套餐：女性套餐')
  })

  it('lets a member correct their answers against the revision shown, keeping the place', async () => {
    const p = await loadPage('packages/activity/pages/detail/index', cloud('member', {
      'activity.detail': detail({ registration: registration({ revision: 3 }) }),
      'activity.editAnswers': (data: any) => registration({ answers: data.answers, revision: 4 }),
    }), { id: checkup })
    await p.waitFor(() => p.text().includes('体检套餐：女性套餐'), 'the answers')
    await p.tap('.app-button', '修改报名信息')
    await choose(p, '男性套餐')
    await tapWhenShown(p, '.app-button', '保存报名信息')
    await p.waitFor(() => calls(p.callFunction, 'activity.editAnswers').length > 0, 'the correction')
    expect(calls(p.callFunction, 'activity.editAnswers')[0].data).toMatchObject({ activityId: checkup, answers: { package: '男性套餐' }, revision: 3 })
  })

  it('shows a waiting member 候补第 n 位 and asks once before leaving the queue', async () => {
    const p = await loadPage('packages/activity/pages/detail/index', cloud('retiree', {
      'activity.detail': detail({ registration: registration({ state: 'waitlisted', waitPosition: 4, canEdit: false }) }),
      'activity.cancel': registration({ state: 'cancelled', canCancel: false, canEdit: false }),
    }), { id: checkup })
    await p.waitFor(() => p.text().includes('候补第 4 位'), 'the queue position')
    await p.tap('.app-button', '退出候补')
    await p.waitFor(() => calls(p.callFunction, 'activity.cancel').length > 0, 'the cancellation')
    expect(p.wx.showModal.mock.calls[0][0]).toMatchObject({ title: '确认取消报名？', content: '退出后候补位置不保留。' })
  })

  it('asks the committee once before publishing, showing what will be published', async () => {
    const p = await loadPage('packages/activity/pages/detail/index', cloud('committee', {
      'activity.detail': detail({ state: 'draft', status: 'draft', canManage: true, mine: undefined, confirmedCount: 0, seatsTaken: 0 }),
      'activity.publish': { id: checkup, state: 'published' },
    }), { id: checkup })
    await p.waitFor(() => p.text().includes('组织者操作'), 'the organiser bar')
    await p.tap('.toolbar__item', '发布')
    await p.waitFor(() => calls(p.callFunction, 'activity.publish').length > 0, 'the publish')
    const modal = p.wx.showModal.mock.calls[0][0]
    expect(modal.title).toBe('发布这个活动？')
    for (const t of ['“2026年教职工健康体检”', '地点：市第一人民医院体检中心', '全体会员可报名', '报名时填写 体检套餐', '内容不能再修改']) expect(modal.content).toContain(t)
  })

  it('asks the chair once before cancelling, saying how many registrants will be told', async () => {
    const p = await loadPage('packages/activity/pages/detail/index', cloud('chair', {
      'activity.detail': detail({ canManage: true, mine: undefined, confirmedCount: 19, waitlistCount: 2 }),
      'activity.cancelActivity': { id: checkup, state: 'cancelled', notified: 21 },
    }), { id: checkup })
    await p.waitFor(() => p.text().includes('取消活动'), 'the organiser bar')
    await p.tap('.toolbar__item', '取消活动')
    await typeInto(p, '.textarea', '医院临时调整')
    await tapWhenShown(p, '.app-button', '确认取消活动')
    await p.waitFor(() => calls(p.callFunction, 'activity.cancelActivity').length > 0, 'the cancellation')
    expect(p.wx.showModal.mock.calls[0][0].content).toBe('取消后活动不能恢复，已报名和候补的 21 位会员会收到取消通知（含你填写的原因）。')
    expect(calls(p.callFunction, 'activity.cancelActivity')[0].data).toMatchObject({ id: checkup, reason: '医院临时调整' })
  })
})
