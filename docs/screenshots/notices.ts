/**
 * Screenshots of the 校务公开 pages (docs/screenshots/notices-*.png) on a fresh local cloud with
 * demo data. Run under the h5 lock after an h5 build: npx tsx docs/screenshots/notices.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'

const root = path.resolve(__dirname, '../..')
const only = process.argv[2]

async function main() {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-shots-notice-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: process.env.NOTICE_H5_DIR ?? path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    const shot = async (page: Page, name: string, full = false) => {
      if (only && !name.includes(only)) return
      await page.waitForTimeout(500)
      await page.screenshot({ path: path.join(__dirname, `notices-${name}.png`), fullPage: full })
      console.log('saved', name)
    }
    const signIn = async (who: string) => {
      const page = await browser.newPage()
      await page.goto(`${cloud.url}/`)
      await page.evaluate(() => localStorage.clear())
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${who}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      await page.locator('.notice-item').first().waitFor()
      return page
    }
    const open = async (page: Page, title: string) => {
      await page.locator('.notice-item:visible', { hasText: title }).first().click()
      await page.locator('.detail__title:visible', { hasText: title }).waitFor()
    }

    // A running internal 公示 (the seed's ended one shows the objection summary instead).
    const invoke = async (openid: string, data: Record<string, unknown>) => {
      const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: 'local', name: 'notice', openid, data }) })
      return ((await res.json()) as { result: any }).result.data
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const end = new Date(Date.now() + (8 + 6 * 24) * 3600_000).toISOString().slice(0, 10)
    const { id } = await invoke('o_dev_committee', {
      action: 'createDraft', title: '2026年度“师德标兵”拟推荐人选公示', category: '人事', visibility: 'internal', publicity: { startDate: today, endDate: end },
      body: [{ type: 'paragraph', text: '经各教研组推荐、评审小组评议，拟推荐以下同志为2026年度“师德标兵”，现予公示：' },
        { type: 'table', header: ['姓名', '部门'], rows: [['刘芳', '语文组'], ['郑海涛', '数学组']] },
        { type: 'list', ordered: true, items: ['公示期内会员可在本页实名提出异议；', '异议由工会主席逐条答复。'] }],
    })
    await invoke('o_dev_chair', { action: 'publish', id })

    const chair = await signIn('chair')
    await shot(chair, 'list-chair')
    await open(chair, '第六届教职工代表大会代表补选结果公示')
    await shot(chair, 'detail-chair', true)
    await chair.goBack()
    await open(chair, '关于调整教工食堂冬季供餐时间的通知')
    await shot(chair, 'detail-corrected', true)
    await chair.locator('[data-testid="read-count"]:visible').click()
    await chair.locator('[data-testid="read-summary"]:visible').waitFor()
    await shot(chair, 'readers', true)
    await chair.goto(`${cloud.url}/#/packages/notice/pages/manage/index`)
    await chair.locator('[data-manage]:visible').first().waitFor()
    await shot(chair, 'manage', true)
    await chair.goto(`${cloud.url}/#/packages/notice/pages/edit/index`)
    await chair.locator('[data-testid="notice-title"]:visible').first().waitFor()
    await shot(chair, 'editor', true)

    const staff = await signIn('staff')
    await open(staff, '师德标兵')
    await shot(staff, 'detail-member', true)
    await staff.goBack()
    await open(staff, '第六届教职工代表大会代表补选结果公示')
    await shot(staff, 'detail-ended', true)
    const visitor = await signIn('visitor')
    await shot(visitor, 'list-visitor')
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
