/**
 * Screenshots of the chair's 我的 page with the 工作台 (every domain's lines, 教代会 and 工作计划
 * included) and the 意见箱 tab's segmented control, in normal and 关怀模式 (docs/screenshots/desk-*.png).
 * Fresh local cloud with demo data, 390×844. Run after an h5 build: npx tsx docs/screenshots/desk.ts
 */
import { visible } from '../../test/e2e/support/ui'
import { withDemoCloud } from './session'

void withDemoCloud('desk', async ({ open, shot }) => {
  for (const care of [false, true]) {
    const page = await open('chair', care)
    await page.locator('.weui-tabbar__label', { hasText: /^我的$/ }).click()
    await page.getByText('工作台').first().waitFor({ timeout: 120_000 })
    await shot(page, `desk-me-chair${care ? '-care' : ''}`, true)
    await page.locator('.weui-tabbar__label', { hasText: /^意见箱$/ }).click()
    await visible(page, '.segmented').waitFor({ timeout: 120_000 })
    await shot(page, `desk-opinions-tab${care ? '-care' : ''}`)
    await page.close()
  }
})
