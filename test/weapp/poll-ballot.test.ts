import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { detail, pollCloud } from './poll-fixtures'

describe('投票 (ballot) on the weapp build', () => {
  it('shows the frozen electorate and turnout, takes a complete 测评 ballot and shows the tracker once', async () => {
    const p = await loadPage('packages/poll/pages/ballot/index', pollCloud('member', {
      'poll.detail': detail, 'poll.cast': { pollId: detail.id, tracker: 'QALH7ER7' },
    }), { id: detail.id })
    await p.waitFor(() => p.text().includes('谢琳'), 'the ballot')
    for (const t of ['共 38 人', '4178 cdf3 bdb1 9581', '已投票 21 / 38 人', '不了解']) expect(p.text()).toContain(t)
    // Each subject's chips: 优秀 称职 基本称职 不称职 不了解.
    for (const [i, grade] of [0, 1, 2].entries()) {
      const chip = p.comp.querySelectorAll('.choice__item')[i * 5 + grade]
      chip.dispatchEvent('tap')
      await p.waitFor(() => p.comp.querySelectorAll('.choice__item--on').length === i + 1, 'the chosen grade')
    }
    await p.tap('.app-button', '提交选票')
    await p.waitFor(() => p.text().includes('QALH-7ER7'), 'the tracker')
    expect(calls(p.callFunction, 'poll.cast')[0].data.ballot.grades.map((g: any) => g.grade)).toEqual(['excellent', 'competent', 'basic'])
    expect(p.text()).toContain('只显示这一次')
  })
})
