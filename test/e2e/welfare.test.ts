/**
 * 慰问记录 end to end on the h5 build and a fresh local cloud with demo data: a committee member
 * builds a 春节 plan for the retirees, records two visits with amounts and a photo → the
 * ledger's totals and chart grow by exactly those amounts → the chair drafts the 经费公开,
 * opens the draft on the board and publishes it (the notice pages' 发布 button) → a member
 * reads it on the board, with no hardship or sickness recipient named.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { persona } from '../../emulator/seed/personas'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { expectCount } from './support/ui'

let cloud: DemoCloud
let browser: BrowserContext
// A tiny valid PNG for the photo upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

beforeAll(async () => {
  cloud = await startDemoCloud('welfare')
  browser = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

const signIn = (who: string) => cloud.signIn(who, browser)

async function invoke(who: 'chair' | 'staff', name: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: 'local', name, data, openid: persona(who).openid }) })
  return ((await res.json()) as { result: any }).result
}

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`)
const totalFen = async (page: Page) => Number(await visible(page, '[data-total-fen]').first().getAttribute('data-total-fen'))
const barFen = async (page: Page, chart: string, bar: string) =>
  Number(await visible(page, `[data-chart="${chart}"] [data-bar="${bar}"]`).first().getAttribute('data-fen'))

async function completeEntry(page: Page, name: string, cash: string): Promise<void> {
  await visible(page, `[data-complete="${name}"]`).first().click()
  await page.getByText('登记完成', { exact: true }).last().waitFor()
  const cashInput = visible(page, '[data-testid="cash"] input').first()
  await cashInput.fill(cash)
  const chooser = page.waitForEvent('filechooser')
  await visible(page, '[data-testid="add-photo"]').first().click()
  await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG })
  await visible(page, '.photos__item').first().waitFor()
  await visible(page, '.app-button').filter({ hasText: '登记完成' }).first().click()
  await visible(page, `[data-complete]`).first().waitFor() // back on the plan
}

describe('慰问记录 end to end', () => {
  let before = { total: 0, festival: 0 }
  let month = ''

  it('a committee member builds a 春节 plan for all retirees and ticks off two visits with amounts and a photo', async () => {
    const page = await signIn('committee')
    await page.goto(`${cloud.url}/#/packages/welfare/pages/list/index`)
    await visible(page, '[data-total-fen]').first().waitFor()
    month = `${new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(5, 7).replace(/^0/, '')}月`
    before = { total: await totalFen(page), festival: await barFen(page, '按慰问事由', '节日慰问') }

    await visible(page, '.toolbar__item').filter({ hasText: '节日慰问计划' }).click()
    await visible(page, '.app-button').filter({ hasText: '新建慰问计划' }).click()
    await visible(page, '[data-choice="groups"] [data-option="全体离退休"]').click()
    await visible(page, '[data-option="陈桂兰"]').waitFor()
    await visible(page, '[data-testid="plan-cash"] input').first().fill('500')
    await visible(page, '[data-choice="visitors"] [data-option="李晓梅"]').click()
    await visible(page, '.app-button').filter({ hasText: /生成 \d+ 户走访名单/ }).click()
    await visible(page, '.taro-model__confirm').click() // 生成 asks once: how many households, whom
    await visible(page, '[data-complete="陈桂兰"]').waitFor()

    await completeEntry(page, '陈桂兰', '600')
    await completeEntry(page, '杨德明', '450.50')
    // The plan page may show its list from before the visit for a moment: wait for the fresh one.
    await expectCount(visible(page, '[data-complete="陈桂兰"]'), 0, 'no 登记 button left for 陈桂兰')
    await page.close()
  }, 120_000)

  it('the ledger totals and the charts grow by exactly the two amounts', async () => {
    const page = await signIn('committee')
    await page.goto(`${cloud.url}/#/packages/welfare/pages/list/index`)
    await visible(page, '[data-total-fen]').first().waitFor()
    const added = 60000 + 45050
    expect(await totalFen(page)).toBe(before.total + added)
    expect(await barFen(page, '按慰问事由', '节日慰问')).toBe(before.festival + added)
    expect(await barFen(page, '按月份', month)).toBeGreaterThanOrEqual(added)
    await page.getByText(`合计 ${((before.total + added) / 100).toFixed(2)} 元`).first().waitFor()
    await page.close()
    // The two visits were stored done, with their amount and the uploaded photo.
    const year = new Date().getFullYear()
    for (const [name, fen] of [['陈桂兰', 60000], ['杨德明', 45050]] as const) {
      const list = await invoke('chair', 'welfare', { action: 'list', year, recipientName: name, state: 'done' })
      expect(list.data.items.find((v: any) => v.planId && v.cashFen === fen && v.photoCount === 1)).toBeDefined()
    }
  }, 60_000)

  it('the chair drafts the 经费公开, publishes it from the board, and a member reads it without names', async () => {
    const page = await signIn('chair')
    await page.goto(`${cloud.url}/#/packages/welfare/pages/disclosure/index`)
    await visible(page, '[data-choice="named"] [data-option="节日慰问"]').click()
    await visible(page, '[data-choice="named"] [data-option="生日"]').click()
    await visible(page, '.app-button').filter({ hasText: '生成公开草稿' }).click()
    await visible(page, '[data-testid="disclosure-done"]').waitFor()
    const title = (await visible(page, '[data-testid="disclosure-done"] .summary__line').first().innerText()).trim()

    // The chair reviews the draft on the board and publishes it through the notice flow.
    await visible(page, '.app-button').filter({ hasText: '打开草稿' }).click()
    await page.getByText('按慰问事由').first().waitFor()
    await visible(page, '.app-button').filter({ hasText: /^发布$/ }).click()
    await visible(page, '.taro-model__confirm').click() // publishing asks once, as for any notice
    await page.getByText('发布时间').first().waitFor()
    await page.close()
    const published = await invoke('chair', 'notice', { action: 'manageList', state: 'published' })
    expect(published.data.items.find((n: any) => n.title === title)).toMatchObject({ category: '工会经费', visibility: 'internal' })

    const member = await signIn('staff')
    await member.getByText(title).first().click()
    await member.getByText('按慰问事由').first().waitFor()
    const text = await member.locator('body').innerText()
    expect(text).toContain('陈桂兰') // 节日慰问 was ticked for names
    for (const name of ['董志刚', '蒋文华', '郑海涛']) expect(text).not.toContain(name) // 困难帮扶 / 生病住院
    await member.close()
  }, 120_000)
})
