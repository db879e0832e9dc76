import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { sanatorium, typeInto } from '../activity-fixtures'

describe('扫码签到 on the weapp build', () => {
  it('checks in the code a member shows and says who', async () => {
    const p = await loadPage('packages/activity/pages/checkin/index', cloud('committee', {
      'activity.checkin': { name: '赵磊', department: '数学组', activityTitle: '2026年教职工疗休养（浙江安吉）', guests: 1, checkedInAt: '2026-11-22T01:10:00.000Z' },
    }), { id: sanatorium })
    await p.waitFor(() => p.text().includes('扫一扫会员的签到码'), 'the scan button')
    await typeInto(p, '.textarea', 'JG1.abc.def.ghi.jkl')
    await p.tap('.app-button', '签到')
    await p.waitFor(() => p.text().includes('赵磊 签到成功'), 'the result')
    expect(calls(p.callFunction, 'activity.checkin')[0].data.token).toBe('JG1.abc.def.ghi.jkl')
    expect(p.text()).toContain('携带家属 1 人')
  })
})
