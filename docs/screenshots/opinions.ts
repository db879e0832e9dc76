/**
 * Screenshots of 意见箱 (docs/screenshots/opinions-*.png): the h5 build on a fresh local cloud with
 * demo data, phone viewport 390×844, normal and 关怀模式. Run: npx tsx docs/screenshots/opinions.ts
 * (needs dist-h5/ and build/cloudfunctions/).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'

const root = path.resolve(__dirname, '../..')
const out = __dirname
const TEXT = '教工食堂晚餐窗口六点就关了，晚自习值班的老师吃不上饭，能否延长到七点？'

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-op-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = []
  try {
    const shot = async (page: Page, name: string) => {
      await page.waitForTimeout(600)
      await page.screenshot({ path: path.join(out, `opinions-${name}.png`) })
      console.log('saved', name)
    }
    const signIn = async (persona: string) => {
      const browser = await launchBrowser()
      browsers.push(browser)
      const page = await browser.newPage()
      page.setDefaultTimeout(60_000)
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${persona}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      return page
    }
    /** Sets 关怀模式 as the 我的 switch does (Taro storage format) and reloads, so the app reads it afresh. */
    const careMode = async (page: Page, on: boolean) => {
      await page.evaluate((value) => localStorage.setItem('jgzj.careMode', JSON.stringify({ data: value })), on)
      await page.reload()
    }
    const open = (page: Page, route: string) => page.goto(`${cloud.url}/#/${route}`)
    const visible = (page: Page, sel: string) => page.locator(`${sel} >> visible=true`).first()
    const tab = (page: Page, label: string) => page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()

    // A member writes an anonymous opinion and gets the receipt.
    const staff = await signIn('staff')
    await tab(staff, '意见箱')
    await visible(staff, '[data-public-stats]').waitFor()
    await shot(staff, '03-tab-public-stats')
    await careMode(staff, true)
    await visible(staff, '[data-public-stats]').waitFor()
    await shot(staff, '03-tab-public-stats-care')
    await careMode(staff, false)
    await open(staff, 'packages/opinion/pages/submit/index')
    await visible(staff, '[data-name="category"] .op-choice__item:text-is("食堂")').click()
    await visible(staff, 'taro-textarea-core.op-form__textarea textarea').fill(TEXT)
    await shot(staff, '01-submit')
    await visible(staff, 'taro-button-core:has-text("匿名提交")').click()
    await visible(staff, '[data-receipt-code]').waitFor()
    await shot(staff, '02-receipt')
    // The same card in 关怀模式: a second opinion written with it on.
    await open(staff, 'packages/opinion/pages/submit/index')
    await careMode(staff, true)
    await visible(staff, '[data-name="category"] .op-choice__item:text-is("后勤保障")').click()
    await visible(staff, 'taro-textarea-core.op-form__textarea textarea').fill('三楼教师办公室的饮水机坏了一周，请尽快维修。')
    await visible(staff, 'taro-button-core:has-text("匿名提交")').click()
    await visible(staff, '[data-receipt-code]').waitFor()
    await shot(staff, '02-receipt-care')
    await visible(staff, 'taro-button-core:has-text("返回意见箱")').click()
    await visible(staff, '.taro__modal, .taro-modal__content, [class*="modal"]').waitFor().catch(() => undefined)
    await shot(staff, '02-receipt-leave-care')
    await careMode(staff, false)

    // The chair: nothing yet; the demo panel releases today's batch; the item arrives.
    const chair = await signIn('chair')
    await open(chair, 'packages/opinion/pages/inbox/index')
    await visible(chair, '.nav-cell:has-text("立即放出今天的匿名意见")').waitFor()
    await shot(chair, '04-inbox-before-batch')
    await visible(chair, '.nav-cell:has-text("立即放出今天的匿名意见")').click()
    await visible(chair, 'taro-button-core:has-text("放出今天的匿名意见")').click()
    await visible(chair, '[data-release-note]').waitFor()
    await shot(chair, '05-dev-panel')
    await careMode(chair, true)
    await visible(chair, '[data-dev-panel]').waitFor()
    await shot(chair, '05-dev-panel-care')
    await careMode(chair, false)
    await open(chair, 'packages/opinion/pages/inbox/index')
    await visible(chair, `[data-case]:has-text("${TEXT.slice(0, 10)}")`).waitFor()
    await shot(chair, '06-inbox-after-batch')
  } finally {
    for (const b of browsers) await b.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}

void main()
