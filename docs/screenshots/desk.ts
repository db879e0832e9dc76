/**
 * Screenshots of the chair's 我的 page with the 工作台 (every domain's lines, 教代会 and 工作计划
 * included) and the 意见箱 tab's segmented control, in normal and 关怀模式 (docs/screenshots/desk-*.png).
 * Fresh local cloud with demo data, 390×844. Run after an h5 build: npx tsx docs/screenshots/desk.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'
import { visible } from '../../test/e2e/support/ui'

const root = path.resolve(__dirname, '../..')

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-desk-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    const settle = async (page: Page) => {
      await page.waitForLoadState('networkidle').catch(() => undefined)
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running')).catch(() => undefined)
    }
    for (const care of [false, true]) {
      const page = await browser.newPage()
      await page.goto(`${cloud.url}/`)
      await page.evaluate((on) => { localStorage.clear(); localStorage.setItem('jgzj.careMode', JSON.stringify({ data: on })) }, care)
      await page.goto(`${cloud.url}/`)
      await page.locator('[data-persona="chair"]').click()
      await visible(page, '.notice-item').waitFor({ timeout: 120_000 })
      await page.locator('.weui-tabbar__label', { hasText: /^我的$/ }).click()
      await page.getByText('工作台').first().waitFor({ timeout: 120_000 })
      await settle(page)
      await page.screenshot({ path: path.join(__dirname, `desk-me-chair${care ? '-care' : ''}.png`), fullPage: true })
      await page.locator('.weui-tabbar__label', { hasText: /^意见箱$/ }).click()
      await visible(page, '.segmented').waitFor({ timeout: 120_000 })
      await settle(page)
      await page.screenshot({ path: path.join(__dirname, `desk-opinions-tab${care ? '-care' : ''}.png`) })
      await page.close()
    }
  } finally {
    await browser.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}

void main()
