import { loadPage } from '../support/load-page'
import { calls, cloud } from '../support/fixtures'
import { hardshipPeople, memberIds } from './fixtures'

describe('困难职工 (welfare/hardship) on the weapp build', () => {
  it('lists who is marked; 取消标记 unmarks them', async () => {
    const p = await loadPage('packages/welfare/pages/hardship/index', cloud('committee', {
      'welfare.people': hardshipPeople, 'welfare.setHardship': { memberId: memberIds.董志刚, hardship: false },
    }))
    await p.waitFor(() => p.text().includes('董志刚'), 'the marked person')
    expect(p.text()).toContain('已标记 1 人')
    await p.tap('.link', '取消标记')
    await p.waitFor(() => calls(p.callFunction, 'welfare.setHardship').length > 0, 'the call')
    expect(calls(p.callFunction, 'welfare.setHardship')[0].data).toMatchObject({ memberId: memberIds.董志刚, hardship: false })
  })
})
