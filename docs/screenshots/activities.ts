/**
 * Screenshots of 活动报名 (docs/screenshots/activities-*.png): the h5 build on a fresh local
 * cloud with demo data, phone viewport. Run under the h5 lock: npx tsx docs/screenshots/activities.ts
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
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-act-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = []
  try {
    const shot = async (page: Page, name: string, fullPage = false) => {
      await page.waitForTimeout(500)
      await page.screenshot({ path: path.join(out, `activities-${name}.png`), fullPage })
      console.log('saved', name)
    }
    const signIn = async (persona: string) => {
      const browser = await launchBrowser()
      browsers.push(browser)
      const page = await browser.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${persona}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      return page
    }
    const open = (page: Page, route: string) => page.goto(`${cloud.url}/#/${route}`)
    const visible = (page: Page, sel: string) => page.locator(`${sel} >> visible=true`).first()

    const staff = await signIn('staff')
    await visible(staff, '.weui-tabbar__label:text-is("活动")').click()
    await visible(staff, '.activity-item').waitFor()
    await shot(staff, 'list-staff')
    await open(staff, 'packages/activity/pages/detail/index?id=act003')
    await visible(staff, '[data-testid="my-registration"]').waitFor()
    await shot(staff, 'detail-confirmed')
    await open(staff, 'packages/activity/pages/detail/index?id=act004')
    await visible(staff, '[data-testid="my-registration"]').waitFor()
    await shot(staff, 'detail-waitlisted')
    await open(staff, 'packages/activity/pages/mine/index')
    await visible(staff, '[data-state="waitlisted"]').waitFor()
    await shot(staff, 'mine')
    await visible(staff, '.app-button:has-text("出示签到码")').click()
    await visible(staff, '[data-testid="checkin-code"]').waitFor()
    await shot(staff, 'checkin-code')

    const retiree = await signIn('retiree')
    await open(retiree, 'packages/activity/pages/detail/index?id=act003')
    await visible(retiree, '[data-testid="signup-form"]').waitFor()
    await shot(retiree, 'detail-signup', true)

    const committee = await signIn('committee')
    await open(committee, 'packages/activity/pages/manage/index')
    await visible(committee, '.activity-item').waitFor()
    await shot(committee, 'manage')
    await open(committee, 'packages/activity/pages/roster/index?id=act004')
    await visible(committee, '[data-roster]').waitFor()
    await shot(committee, 'roster')
    await open(committee, 'packages/activity/pages/edit/index')
    await visible(committee, 'input[name="title"]').waitFor()
    await shot(committee, 'edit', true)
    await open(committee, 'packages/activity/pages/checkin/index?id=act003')
    await visible(committee, 'textarea[name="checkinToken"]').fill('JG1.act003_x.zzzz.abc.forged')
    await visible(committee, '.app-button:text-is("签到")').click()
    await visible(committee, '[data-testid="checkin-error"]').waitFor()
    await shot(committee, 'checkin-forged')
  } finally {
    for (const b of browsers) await b.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(1)
})
