import fs from 'node:fs'
import path from 'node:path'
import { DIST, loadPage } from './support/load-page'
import { calls } from './support/fixtures'
import { ids, inbox, opinionCloud, watchConsole } from './opinion-fixtures'

const consoleWatch = watchConsole()

describe('处理意见 on the weapp build', () => {
  it('chair: every released item with its flags, the daily-batch note, filters; no demo control in this build', async () => {
    const p = await loadPage('packages/opinion/pages/inbox/index', opinionCloud('chair', { 'opinion.inbox': inbox }))
    await p.waitFor(() => p.text().includes('期中考试后各类检查表格太多'), 'the inbox')
    for (const t of ['已超期', '处理人：李晓梅', '每日一批', '待审核']) expect(p.text()).toContain(t)
    expect(p.text()).not.toContain('本地演示')
    await p.tap('.chip', '待受理')
    await p.waitFor(() => calls(p.callFunction, 'opinion.inbox').some((c) => c.data.filter === 'pending'), 'the pending filter')
    await p.waitFor(() => p.text().includes('期中考试后各类检查表格太多'), 'the pending list')
    await p.tap('.opinion-card', undefined)
    await p.waitFor(() => p.navigateTo.mock.calls.length > 0, 'navigation')
    expect(p.navigateTo.mock.calls[0][0].url).toBe(`/packages/opinion/pages/handle/index?id=${ids.anon}`)
    expect(consoleWatch.problems()).toEqual([])
  })

  it('committee: only what is assigned to them, no 待审核 filter', async () => {
    const p = await loadPage('packages/opinion/pages/inbox/index', opinionCloud('committee', { 'opinion.inbox': inbox }))
    await p.waitFor(() => p.text().includes('这里只显示主席指派给你的意见'), 'the committee note')
    expect(p.text()).not.toContain('待审核')
    expect(consoleWatch.problems()).toEqual([])
  })
})

describe('the local demo controls', () => {
  it('are not in the weapp build at all: no dev package, no release control, no local route', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.subPackages.map((p: any) => p.root)).not.toContain('packages/dev')
    const found = files(DIST).filter((f) => /\.(js|json|wxml)$/.test(f))
      .filter((f) => /放出今天的匿名意见|demoRelease|\/local\/invoke|packages\/dev\//.test(fs.readFileSync(f, 'utf8')))
    expect(found.map((f) => path.relative(DIST, f))).toEqual([])
  })
})
