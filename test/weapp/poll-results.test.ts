import { loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { pollCloud, results } from './poll-fixtures'

describe('投票结果 on the weapp build', () => {
  it('shows 在册、参评、参评率、法定人数 and each grade with its share, and opens the comments', async () => {
    const p = await loadPage('packages/poll/pages/results/index', pollCloud('committee', {
      'poll.results': results, 'poll.comments': { page: 1, total: 1, items: [{ text: '工作认真负责，服务意识强。' }] },
    }), { id: results.id })
    await p.waitFor(() => p.text().includes('结果有效'), 'the results')
    for (const t of ['38 人', '30 人', '78.9%', '20 人，已达到', '12 票（40.0%）', '优秀率', '称职率', '下载 Word 统计表']) expect(p.text()).toContain(t)
    await p.tap('.poll-link', '查看评语（6 条，顺序已打乱）')
    await p.waitFor(() => p.text().includes('工作认真负责'), 'the comments')
    expect(calls(p.callFunction, 'poll.comments')[0].data).toMatchObject({ itemId: 'i1', page: 1 })
  })
})
