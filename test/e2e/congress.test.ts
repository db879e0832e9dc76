/**
 * 教代会 end to end on the h5 build and a fresh local cloud with the demo 2026 session: 张明 (代表)
 * drafts a proposal and invites two 代表 → 李晓梅 and 王建华 second it → 张明 submits → the 提案工作委员会
 * (李晓梅) 立案 and 交办 to 陈桂兰 → she answers (B) with a PDF attached → the committee passes it on → 张明
 * opens the file → 张明 不满意 → the case reopens → second answer (A) → everyone 满意 → the board shows it
 * 已办结 and the 办理情况报告 carries it, with the file's name.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { button, eventually, visible } from './support/ui'

jest.setTimeout(600_000)

let cloud: DemoCloud
let browser: BrowserContext
let page: Page | undefined
let proposalId = ''
const TITLE = '关于教师午休室增设躺椅的建议（端到端）'
const PLAN = { name: '躺椅采购计划.pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 躺椅采购计划\n'), Buffer.alloc(800, 0x20), Buffer.from('\n%%EOF\n')]) }

beforeAll(async () => {
  cloud = await startDemoCloud('congress')
  browser = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

/** Signs in as `persona` (one browser: the sign-in lives in localStorage) and opens `route`. */
async function as(persona: string, route: string): Promise<Page> {
  await page?.close()
  page = await cloud.signIn(persona, browser)
  page.setDefaultTimeout(60_000)
  await page.goto(`${cloud.url}/#/${route}`)
  return page
}
const proposal = (persona: string) => as(persona, `packages/congress/pages/proposal/index?id=${proposalId}`)
/** With E2E_SCREENSHOTS=<folder> (docs/screenshots), the pages as people see them. */
const shot = async (p: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await p.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true })
}
const confirm = (p: Page) => visible(p, '.taro-model__confirm').click()

async function rate(persona: string, rating: string): Promise<void> {
  const p = await proposal(persona)
  await visible(p, `[data-choice="rating"] [data-option="${rating}"]`).click()
  await button(p, '提交评价').click()
  await visible(p, '[data-rating]').waitFor()
}

async function answer(kind: string, text: string, file?: { name: string; buffer: Buffer }): Promise<void> {
  const p = await proposal('retiree')
  await button(p, '答复这件提案').click()
  await visible(p, `[data-choice="answer-class"] [data-option="${kind}"]`).click()
  await visible(p, '.cg-textarea textarea').fill(text)
  if (file) {
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), visible(p, '[data-add="document"]').click()])
    await chooser.setFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer })
    await visible(p, `[data-picked-file="${file.name}"]`).waitFor()
  }
  await button(p, '提交答复').click()
  await confirm(p)
  await p.waitForURL(/pages\/proposal\/index/)
  const c = await proposal('committee')
  await button(c, '答复通过，交提案人评价').click()
  await visible(c, '[data-testid="handling"]:has-text("评价人")').waitFor()
}

describe('教代会提案 end to end', () => {
  it('a 代表 drafts a proposal and two 代表 second it; it is submitted with a number', async () => {
    const staff = await as('staff', 'packages/congress/pages/board/index')
    await button(staff, '写提案').click()
    await visible(staff, 'input[placeholder="关于……的建议"]').fill(TITLE)
    await visible(staff, '[data-choice="category"] [data-option="后勤保障"]').click()
    await staff.locator('.cg-textarea textarea >> visible=true').nth(0).fill('午休时间老师们只能趴在桌上休息。')
    await staff.locator('.cg-textarea textarea >> visible=true').nth(1).fill('在教师午休室增设十张躺椅，由工会经费列支。')
    await button(staff, '保存草稿').click()
    await staff.waitForURL(/pages\/proposal\/index\?id=/)
    proposalId = new URL(staff.url().replace('/#/', '/')).searchParams.get('id')!
    await visible(staff, '[data-delegate="mem002"]').click()
    await visible(staff, '[data-delegate="mem001"]').click()
    await button(staff, '发出邀请（2 人）').click()
    await visible(staff, '[data-invite="invited"]').waitFor()

    for (const who of ['committee', 'chair']) {
      const p = await proposal(who)
      await button(p, '同意附议').click()
      await visible(p, '[data-invite="accepted"]').waitFor()
    }
    const back = await proposal('staff')
    await button(back, '提交提案').click()
    await confirm(back)
    await visible(back, '.tag:has-text("待审查")').waitFor()
    expect(await back.textContent('body')).toMatch(/第\d+号/)
  })

  it('the 提案工作委员会 立案 and 交办 to a 承办人, who answers (B)', async () => {
    const c = await proposal('committee')
    await visible(c, '[data-choice="decision"] [data-option="立案"]').click()
    await button(c, '提交审查意见').click()
    await visible(c, '[data-testid="assign"]').waitFor()
    await visible(c, 'input[placeholder="姓名"]').fill('陈桂兰')
    await visible(c, '[data-testid="find-handler"]').click()
    await visible(c, '[data-member="mem004"]').click()
    await visible(c, 'input[placeholder="例如 后勤处"]').fill('后勤处')
    await button(c, '交办').click()
    await visible(c, '.tag:has-text("办理中")').waitFor()
    await answer('B 列入计划逐步解决', '下学期采购躺椅，分两批配齐。', PLAN)
  })

  it('the proposer opens the file attached to the answer (its bytes checked by the function)', async () => {
    const p = await proposal('staff')
    const file = visible(p, `[data-answer-file="${PLAN.name}"]`)
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), file.click()])
    expect(download.suggestedFilename()).toBe(PLAN.name)
    const chunks: Buffer[] = []
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks)).toEqual(PLAN.buffer)
  })

  it('the proposer is not satisfied: the case reopens once, and the second answer is rated 满意', async () => {
    await rate('staff', '不满意')
    await rate('committee', '满意')
    await rate('chair', '满意')
    const reopened = await proposal('staff')
    await visible(reopened, '.tag:has-text("办理中")').waitFor()
    await answer('A 已解决/采纳', '面商后：本月已采购十张躺椅，午休室已配齐。')
    for (const who of ['staff', 'committee', 'chair']) await rate(who, '满意')
    const done = await proposal('staff')
    await visible(done, '.tag:has-text("已办结")').waitFor()
    expect(await done.locator('[data-rating]').count()).toBe(6)
    await shot(done, 'congress-proposal')
  })

  it('the board and the 办理情况报告 show it', async () => {
    const board = await as('retiree', 'packages/congress/pages/board/index')
    const card = visible(board, `[data-proposal="${proposalId}"]`)
    await eventually(() => card.textContent(), (t) => !!t && t.includes('已办结') && t.includes('满意'), 'the closed proposal on the board')
    await visible(board, '[data-figure="满意率"]').waitFor()
    await shot(board, 'congress-board')
    const desk = await as('committee', 'packages/congress/pages/desk/index')
    await visible(desk, '[data-testid="quorum"]').waitFor()
    await visible(desk, '[data-queue="待立案审查"]').waitFor()
    await shot(desk, 'congress-desk')
    const [download] = await Promise.all([desk.waitForEvent('download', { timeout: 60_000 }), button(desk, '提案办理情况报告（Word）').click()])
    expect(download.suggestedFilename()).toBe('2026年第五届第三次教职工代表大会提案办理情况报告.docx')
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const JSZip = require('jszip')
    const xml = await (await JSZip.loadAsync(Buffer.concat(chunks))).file('word/document.xml').async('string')
    expect(xml).toContain(TITLE)
    expect(xml).toContain('面商后：本月已采购十张躺椅')
    expect(xml).toContain('最终评价：满意')
    expect(xml).toContain(`答复附件：${PLAN.name}`)
  })
})
