/**
 * Screenshots of the 校务公开 pages (docs/screenshots/notices-*.png) on a fresh local cloud with
 * demo data, at 390×844, each changed screen also in 关怀模式 (`-care`). After an h5 build:
 * npx tsx docs/screenshots/notices.ts [name-filter]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'

const root = path.resolve(__dirname, '../..')
const only = process.argv[2]

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-notice-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: process.env.NOTICE_H5_DIR ?? path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browsers: BrowserContext[] = []
  try {
    const shot = async (page: Page, name: string, full = false) => {
      if (only && !name.includes(only)) return
      await page.waitForTimeout(600)
      await page.screenshot({ path: path.join(__dirname, `notices-${name}.png`), fullPage: full })
      console.log('saved', name)
    }
    const signIn = async (who: string, care = false) => {
      const browser = await launchBrowser()
      browsers.push(browser)
      const page = await browser.newPage()
      page.setDefaultTimeout(60_000)
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${who}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      if (care) {
        await page.locator('.weui-tabbar__label:text-is("我的")').click()
        await page.locator('.care-switch__control').first().click()
        await page.locator('.page-shell--care').first().waitFor({ state: 'attached' })
        await page.locator('.weui-tabbar__label:text-is("公开")').click()
      }
      await page.locator('.notice-item >> visible=true').first().waitFor()
      return page
    }
    const go = async (page: Page, route: string, ready: string) => {
      await page.goto(`${cloud.url}/#/${route}`)
      await page.locator(`${ready} >> visible=true`).first().waitFor()
    }
    const invoke = async (openid: string, data: Record<string, unknown>) => {
      const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: 'local', name: 'notice', openid, data }) })
      return ((await res.json()) as { result: any }).result.data
    }
    const day = (d: number) => new Date(Date.now() + (8 + d * 24) * 3600_000).toISOString().slice(0, 10)
    const { id: draftId } = await invoke('o_dev_committee', {
      action: 'createDraft', requestId: 'screenshotdraft01', title: '2026年度“师德标兵”拟推荐人选公示', category: '人事', visibility: 'internal',
      publicity: { startDate: day(1), endDate: day(7) },
      body: [{ type: 'paragraph', text: '经各教研组推荐、评审小组评议，拟推荐以下同志为2026年度“师德标兵”，现予公示：' },
        { type: 'table', header: ['姓名', '部门'], rows: [['刘芳', '语文组'], ['郑海涛', '数学组']] },
        { type: 'list', ordered: true, items: ['公示期内会员可在本页实名提出异议；', '异议由工会主席逐条答复。'] }],
    })
    const checkup = (await invoke('o_dev_staff', { action: 'list', keyword: '健康体检' })).items[0].id
    const funds = (await invoke('o_dev_staff', { action: 'list', keyword: '经费收支' })).items[0].id

    for (const care of [false, true]) {
      const suffix = care ? '-care' : ''
      const staff = await signIn('staff', care)
      await shot(staff, `list-staff${suffix}`)
      await go(staff, `packages/notice/pages/detail/index?id=${checkup}`, '.notice-link__title')
      await shot(staff, `detail-member${suffix}`, true)
      await go(staff, `packages/notice/pages/detail/index?id=${funds}`, '[data-section="objection"]')
      await shot(staff, `detail-public-objection${suffix}`, true)

      const chair = await signIn('chair', care)
      await go(chair, `packages/notice/pages/detail/index?id=${draftId}`, '.notice-banner')
      await shot(chair, `detail-draft${suffix}`, true)
      await chair.locator('.app-button:text-is("发布") >> visible=true').click()
      await chair.locator('.taro-modal__content >> visible=true').waitFor()
      await shot(chair, `publish-confirm${suffix}`)
      await chair.locator('.taro-model__cancel >> visible=true').click()
      await go(chair, `packages/notice/pages/readers/index?id=${checkup}`, '[data-testid="read-summary"]')
      await chair.locator('.app-button:has-text("提醒") >> visible=true').click()
      await chair.locator('.taro-modal__content >> visible=true').waitFor()
      await shot(chair, `remind-confirm${suffix}`)
      await chair.locator('.taro-model__cancel >> visible=true').click()
      await go(chair, 'packages/notice/pages/objections/index', '.objection')
      await shot(chair, `objections-pending${suffix}`, true)
      await go(chair, 'packages/notice/pages/edit/index', '[data-testid="notice-title"]')
      await chair.locator('[data-add="link"] >> visible=true').click()
      await chair.locator('[data-choice="link"] >> visible=true').waitFor()
      await shot(chair, `editor${suffix}`, true)
    }
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
