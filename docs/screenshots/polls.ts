/**
 * Screenshots of 投票与测评 (docs/screenshots/polls-*.png): the h5 build on a fresh local cloud
 * with demo data, phone viewport 390×844, normal and 关怀模式. Run: npx tsx docs/screenshots/polls.ts
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
const only = process.argv[2]

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-poll-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = []
  try {
    const shot = async (page: Page, name: string, fullPage = false) => {
      if (only && !name.includes(only)) return
      await page.waitForTimeout(600)
      await page.screenshot({ path: path.join(out, `polls-${name}.png`), fullPage })
      console.log('saved', name)
    }
    const signIn = async (persona: string, care = false) => {
      const browser = await launchBrowser()
      browsers.push(browser)
      const page = await browser.newPage()
      page.setDefaultTimeout(20_000)
      await page.goto(`${cloud.url}/`)
      if (care) {
        // Read once at start-up: set it, then load the app again.
        await page.evaluate(() => localStorage.setItem('jgzj.careMode', JSON.stringify({ data: true })))
        await page.reload()
      }
      await page.locator(`[data-persona="${persona}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      return page
    }
    const open = (page: Page, route: string) => page.goto(`${cloud.url}/#/${route}`)
    const visible = (page: Page, sel: string) => page.locator(`${sel} >> visible=true`).first()

    const staff = await signIn('staff')
    await open(staff, 'packages/poll/pages/list/index')
    await visible(staff, '[data-poll]').waitFor()
    await shot(staff, '01-list-staff')
    await open(staff, 'packages/poll/pages/ballot/index?id=poll_demo_appraisal')
    await visible(staff, '[data-testid="ballot"]').waitFor()
    await shot(staff, '02-ballot-appraisal')
    for (const [subject, grade] of [['谢琳', '优秀'], ['曹建国', '称职'], ['冯雪', '称职'], ['高峰', '基本称职']]) {
      await visible(staff, `[data-subject="${subject}"] [data-option="${grade}"]`).click()
    }
    await shot(staff, '03-ballot-filled', true)
    await visible(staff, '.app-button:has-text("提交选票")').click()
    await visible(staff, '.taro-model__confirm').click()
    await visible(staff, '[data-testid="tracker-card"]').waitFor()
    await shot(staff, '04-tracker')

    const retiree = await signIn('retiree', true)
    await open(retiree, 'packages/poll/pages/ballot/index?id=poll_demo_appraisal')
    await visible(retiree, '[data-testid="ballot"]').waitFor()
    await visible(retiree, '[data-subject="谢琳"] [data-option="称职"]').click()
    await shot(retiree, '05-ballot-care-mode')

    const chair = await signIn('chair')
    await open(chair, 'packages/poll/pages/manage/index')
    await visible(chair, '[data-poll]').waitFor()
    await shot(chair, '06-manage-chair')
    await open(chair, 'packages/poll/pages/console/index?id=poll_demo_appraisal')
    await visible(chair, '[data-testid="slips"]').waitFor()
    await shot(chair, '07-console-open', true)
    await open(chair, 'packages/poll/pages/voters/index?id=poll_demo_appraisal')
    await visible(chair, '[data-person]').waitFor()
    await shot(chair, '08-non-voters')
    await open(chair, 'packages/poll/pages/edit/index?kind=election')
    await visible(chair, '[data-testid="items"]').waitFor()
    await shot(chair, '09-edit-election', true)
    await open(chair, 'packages/poll/pages/results/index?id=poll_demo_election')
    await visible(chair, '[data-testid="results-head"]').waitFor()
    await shot(chair, '10-results-election', true)
    await open(chair, 'packages/poll/pages/verify/index?id=poll_demo_election')
    await visible(chair, '[data-ballot]').waitFor()
    await shot(chair, '11-verify')

    const care = await signIn('chair', true)
    await open(care, 'packages/poll/pages/results/index?id=poll_demo_election')
    await visible(care, '[data-testid="results-head"]').waitFor()
    await shot(care, '12-results-care-mode')
  } finally {
    for (const b of browsers) await b.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
