/**
 * Regenerates docs/screenshots/*.png: the h5 build on a fresh local cloud with demo data,
 * in headless system Chromium at a phone viewport. Run: npx tsx docs/screenshots/take.ts
 * (needs dist-h5/ and build/cloudfunctions/; uses its own temporary data folder).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'

const root = path.resolve(__dirname, '../..')
const out = __dirname

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5') })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    const seeded = await fetch(`${cloud.url}/local/seed`, { method: 'POST', body: JSON.stringify({ env: 'local' }) })
    console.log('seed', seeded.status, await seeded.text())

    const shot = async (page: Page, name: string) => {
      await page.waitForTimeout(400) // let fonts and transitions settle
      await page.screenshot({ path: path.join(out, `${name}.png`) })
      console.log('saved', name)
    }
    const tab = (page: Page, label: string) => page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()
    const signIn = async (persona: string) => {
      const page = await browser.newPage()
      await page.goto(`${cloud.url}/`)
      await page.evaluate(() => localStorage.clear())
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${persona}"]`).waitFor()
      return page
    }

    const picker = await signIn('staff')
    await shot(picker, '01-dev-sign-in')
    await picker.locator('[data-persona="staff"]').click()
    await picker.locator('.notice-item').first().waitFor()
    await shot(picker, '02-notices-staff')
    await tab(picker, '活动')
    await picker.locator('.activity-item').first().waitFor()
    await shot(picker, '03-activities-staff')
    await tab(picker, '意见箱')
    await picker.locator('.opinion-card').first().waitFor()
    await shot(picker, '04-opinions-staff')
    await picker.locator('.segmented__item', { hasText: '我的意见' }).click()
    await picker.waitForTimeout(800)
    await shot(picker, '05-opinions-mine-staff')
    await tab(picker, '公开')
    await picker.locator('.search-bar__input input, input.search-bar__input, .search-bar__input').first().click()
    await picker.keyboard.type('不存在的标题')
    await picker.locator('.search-bar__go').click()
    await picker.locator('.state--empty').waitFor()
    await shot(picker, '06-notices-empty-search')
    await picker.locator('.search-bar__clear').click()
    await picker.locator('.notice-item').first().click()
    await picker.locator('.detail').first().waitFor()
    await shot(picker, '13-notice-detail')
    await picker.goBack()
    await tab(picker, '意见箱')
    await picker.locator('.app-button', { hasText: '我要提意见' }).click()
    await picker.getByText('提意见之前，请先了解').waitFor()
    await shot(picker, '14-opinion-submit-guide')
    await picker.close()

    const chair = await signIn('committee')
    await chair.locator('[data-persona="committee"]').click()
    await chair.locator('.notice-item').first().waitFor()
    await tab(chair, '我的')
    await chair.getByText('慰问记录').first().waitFor()
    await shot(chair, '07-me-committee')
    await chair.getByText('慰问记录').first().click()
    await chair.locator('.welfare-item, .state').first().waitFor()
    await chair.waitForTimeout(600)
    await shot(chair, '08-welfare-committee')
    await chair.close()

    const retiree = await signIn('retiree')
    await retiree.locator('[data-persona="retiree"]').click()
    await retiree.locator('.notice-item').first().waitFor()
    await tab(retiree, '我的')
    await retiree.locator('.care-switch__control').first().click()
    await retiree.locator('.page-shell--care').first().waitFor({ state: 'attached' })
    await shot(retiree, '09-me-care-mode')
    await tab(retiree, '公开')
    await retiree.waitForTimeout(300)
    await shot(retiree, '10-notices-care-mode')
    await retiree.close()

    const visitor = await signIn('visitor')
    await visitor.locator('[data-persona="visitor"]').click()
    await visitor.locator('.join-prompt').first().waitFor()
    await visitor.locator('.notice-item, .state').first().waitFor()
    await shot(visitor, '11-notices-visitor')
    await visitor.close()

    // Error state: the network drops on the way to the gateway.
    const offline = await signIn('staff')
    await offline.locator('[data-persona="staff"]').click()
    await offline.locator('.notice-item').first().waitFor()
    await offline.route('**/gateway/call', (r) => r.abort('internetdisconnected'))
    await tab(offline, '活动')
    await offline.evaluate(() => window.location.reload())
    await offline.locator('.state--error').first().waitFor()
    await shot(offline, '12-error-offline')
    await offline.close()
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
