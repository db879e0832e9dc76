import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { ballots, pollCloud } from './poll-fixtures'

describe('选票核对 on the weapp build', () => {
  it('lists every ballot with its tracker and finds mine by the tracker I type', async () => {
    const p = await loadPage('packages/poll/pages/verify/index', pollCloud('member', {
      'poll.ballots': ballots, 'poll.findBallot': { found: true, ballot: ballots.items[0] },
    }), { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' })
    await p.waitFor(() => p.text().includes('QALH-7ER7'), 'the ballots')
    expect(p.text()).toContain('谢琳：优秀')
    expect(p.text()).toContain('写了 1 条评语')
    p.comp.querySelector('.text-input').dispatchEvent('input', { detail: { value: 'qalh-7er7' } })
    await p.waitFor(() => !p.comp.querySelector('.app-button').dom.hasAttribute('disabled'), 'the enabled button')
    await p.tap('.app-button', '查找我的选票')
    await p.waitFor(() => p.text().includes('这张选票已计入结果'), 'the found ballot')
    expect(calls(p.callFunction, 'poll.findBallot')[0].data.tracker).toBe('qalh-7er7')
  })
})
