/**
 * The h5 shell on the demo cloud in headless Chromium at 390×844: a title bar with back like
 * WeChat's, sizes a retiree can read and tap (text ≥ 15 px, ≥ 18 px in 关怀模式; targets ≥ 44 px,
 * ≥ 48 px in 关怀模式) across the main pages, no text that splits a time or a date
 * (computed word-break), and exports saved under the name the function gives.
 */
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { breakAllTexts, tapBoxes, textSizes } from './support/measure'
import { PATIENCE_MS, button, eventually, expectText, visible } from './support/ui'

let cloud: DemoCloud
let browser: BrowserContext

beforeAll(async () => {
  cloud = await startDemoCloud('shell')
  browser = await cloud.browser()
}, 180_000)

afterAll(() => cloud?.close())

/** A page of the app and how to get there from the signed-in 公开 tab. */
interface Stop { name: string; persona: string; open(page: Page): Promise<void>; ready: string }

const tab = (label: string) => async (page: Page) => {
  await page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()
}
const first = (tabLabel: string | null, selector: string) => async (page: Page) => {
  if (tabLabel) await tab(tabLabel)(page)
  await visible(page, selector).click()
}
const navCell = (title: string) => async (page: Page) => {
  await tab('我的')(page)
  await visible(page, `.nav-cell:has-text("${title}")`).click()
}

const STOPS: Stop[] = [
  { name: '公开', persona: 'staff', open: async () => {}, ready: '.notice-item' },
  { name: '公开详情', persona: 'staff', open: first(null, '.notice-item'), ready: '.taro-navigation-bar-back' },
  { name: '活动', persona: 'staff', open: tab('活动'), ready: '.activity-item' },
  { name: '活动详情', persona: 'staff', open: first('活动', '.activity-item'), ready: '.taro-navigation-bar-back' },
  { name: '意见箱', persona: 'staff', open: tab('意见箱'), ready: '.opinion-card' },
  { name: '我的', persona: 'retiree', open: tab('我的'), ready: '.nav-cell' },
  { name: '修改资料', persona: 'retiree', open: async (page) => { await navCell('我的资料')(page); await button(page, '修改(资料|部门、手机、生日)').click() }, ready: '.field' },
  { name: '会员名册', persona: 'chair', open: navCell('会员名册'), ready: '.chip' },
]

async function setCare(page: Page, on: boolean): Promise<void> {
  await page.evaluate((care) => localStorage.setItem('jgzj.careMode', JSON.stringify({ data: care })), on)
  await page.reload()
}

/** Every stop in one mode: what is too small to read or to tap, and what breaks mid-token. */
async function survey(care: boolean) {
  const small: string[] = []
  const narrow: string[] = []
  const splitting: string[] = []
  const minText = care ? 18 : 15
  const minTap = care ? 48 : 44
  for (const persona of [...new Set(STOPS.map((s) => s.persona))]) {
    const page = await cloud.signIn(persona, browser)
    await setCare(page, care)
    for (const stop of STOPS.filter((s) => s.persona === persona)) {
      // Every stop starts from a fresh load of the 公开 tab, as after opening the app.
      await page.goto(`${cloud.url}/#/pages/notices/index`)
      await page.reload()
      try {
        await visible(page, '.notice-item').waitFor({ timeout: PATIENCE_MS })
        await stop.open(page)
        await visible(page, stop.ready).waitFor({ timeout: PATIENCE_MS })
        await eventually(() => page.locator('.state--loading >> visible=true').count(), (n) => n === 0, `${stop.name} to finish loading`)
        if (care) await visible(page, '.page-shell--care').waitFor({ timeout: PATIENCE_MS })
      } catch (err) {
        const shot = path.join(os.tmpdir(), `jgzj-shell-${persona}-${stop.name}-${care ? 'care' : 'normal'}.png`)
        await page.screenshot({ path: shot }).catch(() => undefined)
        throw new Error(`${stop.name} (${persona}, ${care ? '关怀模式' : 'normal'}): ${(err as Error).message.split('\n')[0]} — screenshot ${shot}`)
      }
      for (const t of await textSizes(page)) if (t.size < minText - 0.01) small.push(`${stop.name}: ${t.selector} “${t.text}” ${t.size}px`)
      for (const b of await tapBoxes(page)) if (b.height < minTap - 0.5 || b.width < minTap - 0.5) narrow.push(`${stop.name}: ${b.selector} “${b.text}” ${b.width}×${b.height}`)
      for (const s of await breakAllTexts(page)) splitting.push(`${stop.name}: ${s}`)
    }
    await page.close()
  }
  return { small, narrow, splitting }
}

describe('h5 title bar', () => {
  it('shows the page title like WeChat’s navigation bar, and its back button (≥ 44 px) returns to the list', async () => {
    const page = await cloud.signIn('staff', browser)
    await expectText(visible(page, '.taro-navigation-bar-title'), '校务公开')
    expect(await page.locator('.taro-navigation-bar-back >> visible=true').count()).toBe(0)
    await visible(page, '.notice-item').click()
    await expectText(visible(page, '.taro-navigation-bar-title'), '公开详情')
    const back = visible(page, '.taro-navigation-bar-back')
    const box = (await back.boundingBox())!
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
    expect(await back.getAttribute('aria-label')).toBe('返回')
    await back.click()
    await page.waitForURL(/pages\/notices\/index/)
    await expectText(visible(page, '.taro-navigation-bar-title'), '校务公开')
    await page.close()
  })
})

describe.each([
  ['normal', false],
  ['关怀模式', true],
])('sizes on the main pages (%s)', (_mode, care) => {
  let result: Awaited<ReturnType<typeof survey>>
  beforeAll(async () => { result = await survey(care) }, 600_000)

  it(`shows no text smaller than ${care ? 18 : 15} px (tab labels and title bar included)`, () => {
    expect(result.small).toEqual([])
  })

  it(`offers no tap target smaller than ${care ? 48 : 44} px`, () => {
    expect(result.narrow).toEqual([])
  })

  it('never lets a time or a date split mid-token (no word-break: break-all on any text)', () => {
    expect(result.splitting).toEqual([])
  })
})

describe('exports on h5', () => {
  it('downloads the member roster under the name the function gives (会员名册-<date>.xlsx), not a hash', async () => {
    const page = await cloud.signIn('chair', browser)
    await navCell('会员名册')(page)
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button(page, '导出 Excel').click()])
    expect(download.suggestedFilename()).toMatch(/^会员名册-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const bytes = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    })
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    await page.close()
  })
})
