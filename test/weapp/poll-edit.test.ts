import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { pollCloud } from './poll-fixtures'

describe('新建投票 on the weapp build', () => {
  it('fills a 民主测评 draft and saves it once, with a request id', async () => {
    const p = await loadPage('packages/poll/pages/edit/index', pollCloud('committee', {
      'poll.previewElectorate': { size: 38, fingerprint: '4178 cdf3 bdb1 9581' },
      'poll.save': { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', revision: 1 },
    }), { kind: 'appraisal' })
    await p.waitFor(() => p.text().includes('按现在的会员名单共 38 人'), 'the electorate preview')
    const inputs = () => p.comp.querySelectorAll('.text-input')
    inputs()[0].dispatchEvent('input', { detail: { value: '2026年度中层干部述职测评' } })
    await p.waitFor(() => true, 'render')
    inputs()[1].dispatchEvent('input', { detail: { value: '谢琳' } })
    inputs()[2].dispatchEvent('input', { detail: { value: '教务处主任' } })
    await p.tap('.app-button', '保存草稿')
    await p.waitFor(() => calls(p.callFunction, 'poll.save').length > 0, 'the save call')
    const sent = calls(p.callFunction, 'poll.save')[0].data
    expect(sent).toMatchObject({ kind: 'appraisal', title: '2026年度中层干部述职测评', electorate: { kind: 'all' }, quorum: 'half' })
    expect(sent.items[0]).toEqual({ name: '谢琳', note: '教务处主任' })
    expect(sent.requestId).toMatch(/^[a-z0-9]{24}$/)
  })
})
