/**
 * Screenshots of 工作计划 (docs/screenshots/plan-*.png), normal and 关怀模式: the adopted plan after an
 * item changed (the 更新计划公告 bar), a meeting record with its 公布 button, and the 工作总结 draft
 * whose paragraphs must show in full. Run after an h5 build: npx tsx docs/screenshots/plan.ts
 */
import { visible } from '../../test/e2e/support/ui'
import { withDemoCloud } from './session'

const year = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4))

void withDemoCloud('plan', async ({ url, open, shot }) => {
  for (const care of [false, true]) {
    const suffix = care ? '-care' : ''
    const page = await open('chair', care)
    await page.goto(`${url}/#/packages/plan/pages/plan/index?year=${year}`)
    await visible(page, '[data-item]').waitFor()
    await shot(page, `plan-year${suffix}`)
    await page.goto(`${url}/#/packages/plan/pages/meetings/index`)
    await visible(page, '[data-meeting]').click()
    await visible(page, '.app-button >> text=/公布会议纪要|已公布/').waitFor()
    await shot(page, `plan-meeting${suffix}`, true)
    await page.goto(`${url}/#/packages/plan/pages/summary/index`)
    await visible(page, '.plan-text').waitFor()
    await visible(page, '.plan-text').scrollIntoViewIfNeeded()
    await shot(page, `plan-summary${suffix}`)
    await page.close()
  }
})
