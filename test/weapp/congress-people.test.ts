import { loadPage } from './support/load-page'
import { calls, cloud } from './support/fixtures'
import { delegates, members, SESSION } from './congress-fixtures'
import { typeInto } from './activity-fixtures'
import { attendanceOutput } from '../../types/congress'
import { checked } from './support/fixtures'

const before = checked(attendanceOutput, { present: 1, delegates: 2, quorum: 2, reached: false, items: [{ memberId: 'm8', name: '刘芳', constituency: '语文组选区', present: true }, { memberId: 'm10', name: '赵磊', constituency: '数学组选区', present: false }] })
const after = checked(attendanceOutput, { ...before, present: 2, reached: true, items: before.items.map((i) => ({ ...i, present: true })) })

describe('代表与签到 on the weapp build', () => {
  it('signs a 代表 in and shows the quorum reached', async () => {
    let signed = false
    const p = await loadPage('packages/congress/pages/people/index', cloud('committee', {
      'congress.delegates': delegates, 'congress.attendance': () => (signed ? after : before), 'congress.checkin': () => { signed = true; return after },
    }), { session: SESSION })
    await p.waitFor(() => p.text().includes('未达到法定人数'), 'the quorum')
    expect(p.text()).toContain('刘芳（代表团组长）')
    await p.tap('.cg-link', '签到')
    await p.waitFor(() => p.text().includes('已达到法定人数'), 'the quorum reached')
    expect(calls(p.callFunction, 'congress.checkin')[0].data).toMatchObject({ sessionId: SESSION, memberIds: ['m10'] })
  })

  it('signs a 代表 in by the 签到码 they show, says who, and refreshes the quorum', async () => {
    let signed = false
    const p = await loadPage('packages/congress/pages/people/index', cloud('committee', {
      'congress.delegates': delegates, 'congress.attendance': () => (signed ? after : before),
      'congress.checkin': () => { signed = true; return checked(attendanceOutput, { ...after, signedIn: { name: '赵磊', constituency: '数学组选区', guest: false, at: '2026-12-27T00:40:00.000Z' } }) },
    }), { session: SESSION })
    await p.waitFor(() => p.text().includes('扫一扫代表的签到码'), 'the scan card')
    await typeInto(p, '.textarea', 'JD1.abc.def.ghi.jkl')
    await p.tap('.app-button', '签到')
    await p.waitFor(() => p.text().includes('赵磊 签到成功'), 'who was signed in')
    expect(calls(p.callFunction, 'congress.checkin')[0].data).toEqual(expect.objectContaining({ sessionId: SESSION, token: 'JD1.abc.def.ghi.jkl' }))
    await p.waitFor(() => p.text().includes('已达到法定人数'), 'the quorum reached')
  })

  it('shows why a scanned code was refused', async () => {
    const p = await loadPage('packages/congress/pages/people/index', cloud('committee', {
      'congress.delegates': delegates, 'congress.attendance': before,
      'congress.checkin': { ok: false, code: 'CONFLICT', message: '这个签到码已经用过了，不能重复使用。' },
    }), { session: SESSION })
    await p.waitFor(() => p.text().includes('扫一扫代表的签到码'), 'the scan card')
    await typeInto(p, '.textarea', 'JD1.used')
    await p.tap('.app-button', '签到')
    await p.waitFor(() => p.text().includes('这个签到码已经用过了，不能重复使用。'), 'the refusal')
  })

  it('adds a member as 列席', async () => {
    const p = await loadPage('packages/congress/pages/people/index', cloud('chair', {
      'congress.delegates': delegates, 'congress.attendance': before, 'congress.findMembers': members, 'congress.addDelegate': { memberId: 'm27' },
    }), { session: SESSION })
    await p.waitFor(() => p.text().includes('加入代表或列席'), 'the form')
    p.comp.querySelector('.text-input').dispatchEvent('input', { detail: { value: '曹' } })
    await p.tap('.cg-link', '查找')
    await p.waitFor(() => p.text().includes('曹建国（后勤处）'), 'the member found')
    await p.tap('.cg-pick', '曹建国（后勤处）')
    await p.tap('.choice__item', '列席')
    await p.waitFor(() => !!p.comp.querySelector('.cg-pick--on') && p.comp.querySelector('.choice__item--on').dom.textContent === '列席', 'the choices')
    await p.tap('.app-button', '加入名单')
    await p.waitFor(() => calls(p.callFunction, 'congress.addDelegate').length > 0, 'the add')
    expect(calls(p.callFunction, 'congress.addDelegate')[0].data).toMatchObject({ sessionId: SESSION, memberId: 'm27', constituency: '后勤处选区', kind: 'guest', leader: false })
  })
})
