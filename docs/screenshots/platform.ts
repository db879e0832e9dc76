/**
 * Screenshots of the h5 shell (docs/screenshots/platform-*.png): the title bar with back, the type
 * and tap sizes in normal and 关怀模式, the tab labels, a form with a hint and an error. Fresh local
 * cloud with demo data, 390×844. Run after an h5 build: npx tsx docs/screenshots/platform.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'
import { button, visible } from '../../test/e2e/support/ui'

const root = path.resolve(__dirname, '../..')

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-platform-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    // Answers in and page transitions finished (Taro slides pages in with a CSS transition).
    const settle = async (page: Page) => {
      await page.waitForLoadState('networkidle').catch(() => undefined)
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running')).catch(() => undefined)
    }
    const shot = async (page: Page, name: string) => {
      await settle(page)
      await page.screenshot({ path: path.join(__dirname, `platform-${name}.png`) })
      console.log('saved', name)
    }
    const signIn = async (who: string, care: boolean) => {
      const page = await browser.newPage()
      await page.goto(`${cloud.url}/`)
      await page.evaluate((on) => { localStorage.clear(); localStorage.setItem('jgzj.careMode', JSON.stringify({ data: on })) }, care)
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${who}"]`).click()
      await visible(page, '.notice-item').waitFor({ timeout: 120_000 })
      return page
    }
    const tab = (page: Page, label: string) => page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()

    for (const care of [false, true]) {
      const mode = care ? 'care' : 'normal'
      const staff = await signIn('staff', care)
      await shot(staff, `notices-${mode}`)
      await visible(staff, '.notice-item').click()
      await visible(staff, '.taro-navigation-bar-back').waitFor()
      await visible(staff, '.detail__title').waitFor()
      await shot(staff, `title-bar-detail-${mode}`)
      await tab(staff, '活动').catch(() => undefined)
      await staff.goto(`${cloud.url}/#/pages/activities/index`)
      await visible(staff, '.activity-item').waitFor()
      await shot(staff, `activities-${mode}`)
      await staff.close()

      const retiree = await signIn('retiree', care)
      await tab(retiree, '我的')
      await visible(retiree, '.nav-cell:has-text("我的资料")').click()
      await button(retiree, '修改资料').click()
      await visible(retiree, '.field').waitFor()
      await shot(retiree, `profile-form-${mode}`)
      await retiree.close()
    }
  } finally {
    await browser.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
