/**
 * 民主测评 end to end on the h5 build and a fresh local cloud with demo data: the chair sets up a
 * 测评 of 3 subjects for seven chosen members and opens it (the roster is frozen) → four vote on
 * their phones, a fifth with a 评议码 the chair printed and handed out, on the chair's device →
 * turnout shows 5 / N and no page shows any tally → the chair closes it → the results page, the
 * Word report and the results notice all show the same counts, which equal what was cast.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { buildDemoData } from '../../emulator/seed'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'

jest.setTimeout(900_000)

let cloud: DemoCloud
let chairBrowser: BrowserContext
let chair: Page
let pollId = ''
let roster = 0
const SUBJECTS = [['谢琳', '教务处主任'], ['曹建国', '后勤处主任'], ['高峰', '政教处主任']]
/** The electorate: the four personas and three more (5 of 7 voting meets the default quorum, more than half). */
const VOTERS = ['王建华', '李晓梅', '张明', '陈桂兰', '刘芳', '孙丽娟', '黄俊']
const GRADES = ['优秀', '称职', '基本称职', '不称职']
/** What each voter chose for the three subjects (the slip voter last). */
const CHOICES: Record<string, string[]> = {
  staff: ['优秀', '称职', '称职'], retiree: ['优秀', '优秀', '基本称职'], committee: ['称职', '称职', '不称职'], chair: ['优秀', '称职', '称职'], slip: ['称职', '基本称职', '称职'],
}

beforeAll(async () => {
  cloud = await startDemoCloud('polls')
  chairBrowser = await cloud.browser()
  chair = await cloud.signIn('chair', chairBrowser)
  chair.setDefaultTimeout(90_000)
}, 120_000)

afterAll(() => cloud?.close())

const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first()
const go = (page: Page, route: string) => page.goto(`${cloud.url}/#/${route}`)
const confirm = (page: Page) => visible(page, '.taro-model__confirm').click()

/** The file a tap downloads (h5 saves exports through <a download> under the function's file name). */
async function downloaded(page: Page, tap: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), tap()])
  expect(download.suggestedFilename()).toMatch(/\.docx$/)
  const chunks: Buffer[] = []
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
async function docText(file: Buffer): Promise<string> {
  const JSZip = require('jszip')
  return (await JSZip.loadAsync(file)).file('word/document.xml').async('string')
}

async function vote(page: Page, grades: string[]): Promise<string> {
  await visible(page, '[data-testid="ballot"]').waitFor()
  for (const [i, [subject]] of SUBJECTS.entries()) await visible(page, `[data-subject="${subject}"] [data-option="${grades[i]}"]`).click()
  await visible(page, '.app-button:has-text("提交选票")').click()
  await confirm(page)
  const tracker = visible(page, '[data-tracker]')
  await tracker.waitFor()
  return (await tracker.getAttribute('data-tracker'))!
}

describe('民主测评 end to end', () => {
  it('the chair sets up a 测评 of 3 subjects for seven chosen members and opens it; the roster is frozen', async () => {
    await go(chair, 'packages/poll/pages/manage/index')
    await visible(chair, '.app-button:has-text("新建民主测评")').click()
    await visible(chair, '[data-testid="items"]').waitFor()
    await visible(chair, 'input[placeholder^="例如："]').fill('2026年度中层干部述职测评（端到端）')
    await visible(chair, '[data-testid="add-item"]').click()
    for (const [i, [name, note]] of SUBJECTS.entries()) {
      await chair.locator(`[data-item-row="${i}"] input >> visible=true`).nth(0).fill(name)
      await chair.locator(`[data-item-row="${i}"] input >> visible=true`).nth(1).fill(note)
    }
    await visible(chair, '[data-choice="electorate"] [data-option="指定人员"]').click()
    for (const name of VOTERS) {
      await visible(chair, 'input[placeholder="输入姓名查找"]').fill(name)
      await visible(chair, '.poll-person__action:has-text("查找")').click()
      await visible(chair, `[data-person="${name}"]`).click()
    }
    await visible(chair, `.field__hint:has-text("按现在的会员名单共 ${VOTERS.length} 人")`).waitFor()
    await visible(chair, '.app-button:has-text("保存草稿")').click()
    await visible(chair, '.app-button:has-text("开始投票")').click()
    await confirm(chair)
    const turnout = visible(chair, '[data-testid="turnout"]')
    await turnout.waitFor()
    pollId = new URL(chair.url().replace('#/', '')).searchParams.get('id')!
    roster = Number(await turnout.getAttribute('data-roster'))
    expect(roster).toBe(VOTERS.length)
    expect(await visible(chair, '[data-testid="electorate"]').textContent()).toMatch(/指定人员，共 7 人.*名单指纹 [0-9a-f]{4} /)
  })

  it('four members vote on their phones; each gets a tracker', async () => {
    for (const who of ['staff', 'retiree', 'committee']) {
      const page = await cloud.signIn(who)
      page.setDefaultTimeout(90_000)
      await go(page, 'packages/poll/pages/list/index')
      await visible(page, `[data-poll="${pollId}"]`).click()
      expect(await vote(page, CHOICES[who])).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
      await page.close()
    }
    await go(chair, `packages/poll/pages/ballot/index?id=${pollId}`)
    await vote(chair, CHOICES.chair)
  })

  it('a fifth votes with a 评议码: printed unnamed, handed to a member (who can no longer vote by phone), used on the chair’s device', async () => {
    await go(chair, `packages/poll/pages/console/index?id=${pollId}`)
    await visible(chair, '[data-testid="slips"]').waitFor()
    // One slip: with 4 of 7 voted, slips + receipts may not exceed the roster (10, the default, is refused).
    await visible(chair, 'input[name="slip-count"]').fill('1')
    const slips = await docText(await downloaded(chair, () => visible(chair, '.poll-person__action:has-text("打印评议码")').click()))
    const code = /([2-9A-HJ-NP-Z]{5})-([2-9A-HJ-NP-Z]{5})/.exec(slips)!.slice(1).join('-')

    await go(chair, `packages/poll/pages/voters/index?id=${pollId}`)
    const row = visible(chair, '[data-person]')
    const name = (await row.getAttribute('data-person'))!
    expect(slips).not.toContain(name)
    await visible(chair, `[data-person="${name}"] .poll-person__action`).click()
    await confirm(chair)
    // The answer is a second dialog: wait for it (clicking at once can hit the first one fading out,
    // and then 已登记 pops up over the ballot page).
    await visible(chair, `text=已登记发给 ${name}`).waitFor()
    await visible(chair, '.taro-model__confirm').click() // 已登记
    await go(chair, `packages/poll/pages/ballot/index?id=${pollId}&slip=1`)
    await visible(chair, 'input[placeholder^="例如 ABCDE"]').fill(code)
    await visible(chair, '.app-button:has-text("核对评议码")').click()
    await vote(chair, CHOICES.slip)
    await visible(chair, '.app-button:has-text("下一位投票")').click()
    await visible(chair, '[data-testid="slip-entry"]').waitFor()

    // The member who got the slip holds its receipt now: their phone is refused.
    const openid = buildDemoData(new Date()).members.find((m) => m.name === name)!.openid
    const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', body: JSON.stringify({ env: 'local', name: 'poll', openid, data: { action: 'cast', id: pollId, ballot: { grades: [] } } }) })
    expect(((await res.json()) as any).result.message).toBe('你已投过票，每人只能投一次')
  })

  it('shows turnout 5 / N and no tally anywhere before the close', async () => {
    await go(chair, `packages/poll/pages/console/index?id=${pollId}`)
    const turnout = visible(chair, '[data-testid="turnout"]')
    await turnout.waitFor()
    await chair.waitForFunction(() => document.querySelector('[data-testid="turnout"]:not([hidden])')?.getAttribute('data-receipts') === '5')
    expect(await turnout.textContent()).toContain(`已投票 5 / ${roster} 人`)
    // innerText: only what is on screen (earlier pages stay in the DOM, hidden).
    expect(await chair.evaluate(() => document.body.innerText)).not.toMatch(/\d+ 票|优秀率|称职率/)
    await go(chair, `packages/poll/pages/results/index?id=${pollId}`)
    await visible(chair, '.state--error').waitFor()
    expect(await visible(chair, '.state--error').textContent()).toContain('投票结束后才能看到结果')
  })

  it('the chair closes it; the results page, the Word report and the results notice show what was cast', async () => {
    await go(chair, `packages/poll/pages/console/index?id=${pollId}`)
    await visible(chair, '.app-button:has-text("结束投票并计票")').click()
    await confirm(chair)
    await visible(chair, '.app-button:has-text("查看结果")').click()
    await visible(chair, '[data-testid="results-head"]').waitFor()
    expect(await visible(chair, '[data-testid="results-head"]').getAttribute('data-ballots')).toBe('5')

    const expected = SUBJECTS.map((_s, k) => Object.fromEntries(GRADES.map((g) => [g, Object.values(CHOICES).filter((c) => c[k] === g).length])))
    for (const [k, [name]] of SUBJECTS.entries()) {
      for (const g of GRADES) {
        const n = expected[k][g]
        const row = visible(chair, `[data-row="${name}-${({ 优秀: 'excellent', 称职: 'competent', 基本称职: 'basic', 不称职: 'incompetent' } as Record<string, string>)[g]}"]`)
        expect(await row.textContent()).toContain(`${n} 票（${(n * 20).toFixed(1)}%）`)
      }
    }

    const word = await docText(await downloaded(chair, () => visible(chair, '[data-testid="word"]').click()))
    for (const head of ['民主测评结果统计表', '在册人数', '参评人数', '票数', '百分比']) expect(word).toContain(head)
    const cells = [...word.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1])
    for (const [k, [name, note]] of SUBJECTS.entries()) {
      const at = cells.indexOf(name)
      expect(cells.slice(at + 1, at + 4)).toEqual([note, String(roster), '5'])
      expect(cells.slice(at + 4, at + 12)).toEqual(GRADES.flatMap((g) => [String(expected[k][g]), `${(expected[k][g] * 20).toFixed(1)}%`]))
    }

    await go(chair, `packages/poll/pages/console/index?id=${pollId}`)
    await visible(chair, '.app-button:has-text("生成结果公示")').click()
    await confirm(chair)
    await chair.waitForURL(/packages\/notice\/pages\/detail/)
    await visible(chair, '.notice-body__table').waitFor()
    const notice = await chair.locator('body').textContent()
    expect(notice).toContain('2026年度中层干部述职测评（端到端）结果公示')
    expect(notice).toContain(`在册人数 ${roster} 人，参评（投票）人数 5 人`)
    for (const [name] of SUBJECTS) expect(notice).toContain(`${name}（`)
    expect(notice).toContain(`${expected[0]['优秀']}（${(expected[0]['优秀'] * 20).toFixed(1)}%）`)
  })
})
