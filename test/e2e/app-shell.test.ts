/**
 * The h5 build on a freshly started local cloud with demo data, in headless system Chromium:
 * sign in as each persona, visit every tab, see the seeded data; 关怀模式 really enlarges text
 * and is remembered.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'

let cloud: DemoCloud
let browser: BrowserContext

const INTERNAL_NOTICE = '关于2026年教职工健康体检安排的通知'
const PUBLIC_NOTICE = '2026年第三季度工会经费收支情况公示'
const ACTIVITY = '2026年教职工健康体检'
const QA_QUESTION = '教工食堂午餐偏咸偏油，能否多提供清淡的菜？'

beforeAll(async () => {
  cloud = await startDemoCloud('app-shell')
  browser = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

const signIn = (persona: string) => cloud.signIn(persona, browser)

async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()
}

describe.each([
  ['chair', '王建华'],
  ['committee', '李晓梅'],
  ['staff', '张明'],
  ['retiree', '陈桂兰'],
])('member persona %s', (persona, name) => {
  let page: Page
  beforeAll(async () => { page = await signIn(persona) })
  afterAll(() => page.close())

  it('sees internal and public notices on 公开', async () => {
    await expect(page.getByText(INTERNAL_NOTICE).first().waitFor()).resolves.toBeUndefined()
    await page.getByText(PUBLIC_NOTICE).first().waitFor()
  })

  it('sees the seeded activities on 活动', async () => {
    await openTab(page, '活动')
    await expect(page.getByText(ACTIVITY, { exact: true }).first().waitFor()).resolves.toBeUndefined()
  })

  it('sees the published Q&A on 意见箱', async () => {
    await openTab(page, '意见箱')
    await expect(page.getByText(QA_QUESTION).first().waitFor()).resolves.toBeUndefined()
  })

  it('sees their own name on 我的, and the welfare ledger entry only as committee or chair', async () => {
    await openTab(page, '我的')
    await expect(page.getByText(name).first().waitFor()).resolves.toBeUndefined()
    const ledger = await page.getByText('慰问记录').count()
    expect(ledger > 0).toBe(persona === 'chair' || persona === 'committee')
  })
})

describe('visitor persona', () => {
  let page: Page
  beforeAll(async () => { page = await signIn('visitor') })
  afterAll(() => page.close())

  it('sees public notices only', async () => {
    await page.getByText(PUBLIC_NOTICE).first().waitFor()
    expect(await page.getByText(INTERNAL_NOTICE).count()).toBe(0)
  })

  it('is invited to join instead of seeing activities', async () => {
    await openTab(page, '活动')
    await page.getByText('活动报名只对工会会员开放', { exact: false }).first().waitFor()
    expect(await page.getByText(ACTIVITY, { exact: true }).count()).toBe(0)
  })
})

describe('关怀模式', () => {
  it('enlarges the text of every page and is remembered after a reload', async () => {
    const page = await signIn('retiree')
    const titleSize = () => page.getByText(INTERNAL_NOTICE).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await page.getByText(INTERNAL_NOTICE).first().waitFor()
    const before = await titleSize()

    await openTab(page, '我的')
    await page.locator('.care-switch__control').first().click()
    await page.locator('.page-shell--care').first().waitFor({ state: 'attached' })

    await page.reload()
    await openTab(page, '公开')
    await page.getByText(INTERNAL_NOTICE).first().waitFor()
    expect(await page.locator('.page-shell--care').count()).toBeGreaterThan(0)
    expect(await titleSize()).toBeGreaterThan(before * 1.1)
    await page.close()
  })
})
