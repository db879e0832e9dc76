/**
 * 工作计划 end to end on the h5 build and a fresh local cloud with demo data (this year's and last
 * year's plans are seeded): the chair copies this year's plan into next year, re-dates the March item,
 * links it to the 三八 activity and adopts the plan (published as a 校务公开 notice) → a member sees
 * the public March item in the 工会日历 → the chair reads the year's figures and builds the 台帐 zip.
 */
import JSZip from 'jszip'
import type { BrowserContext, Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { button, eventually, visible } from './support/ui'

let cloud: DemoCloud
let browser: BrowserContext

beforeAll(async () => {
  cloud = await startDemoCloud('plan')
  browser = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

async function confirmModal(page: Page, says: string): Promise<void> {
  const modal = visible(page, '.taro-modal__content')
  await modal.waitFor()
  expect(await modal.innerText()).toContain(says)
  await visible(page, '.taro-model__confirm').click()
}

const THIS_YEAR = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4))
const NEXT = THIS_YEAR + 1
const MARCH = '庆“三八”妇女节活动'

describe('工作计划 end to end', () => {
  it('the chair copies this year’s plan into next year, re-dates the March item, links it to an activity and adopts the plan', async () => {
    const chair = await cloud.signIn('chair', browser)
    await chair.goto(`${cloud.url}/#/packages/plan/pages/plan/index?year=${NEXT}`)
    await button(chair, `复制${THIS_YEAR}年计划`).click()
    await confirmModal(chair, `日期顺延到 ${NEXT} 年`)
    await visible(chair, `[data-item="${MARCH}"]`).waitFor()
    await expect(visible(chair, '.plan-bar__title').innerText()).resolves.toBe(`${NEXT}年工作计划`)

    await visible(chair, `[data-item="${MARCH}"]`).click()
    const date = visible(chair, '[data-testid="item-date"] input')
    await date.waitFor()
    await date.fill(`${NEXT}-03-06`)
    await button(chair, '保存修改').click()
    await visible(chair, '.plan-figure >> text=/3月6日|改为/').waitFor()
    await visible(chair, '[data-candidate*="三八"]').click()
    await visible(chair, '.field__hint >> text=/已关联：活动/').waitFor()

    await chair.goBack()
    await visible(chair, `[data-item="${MARCH}"] >> text=3月6日`).waitFor()
    await button(chair, '通过并公布').click()
    await confirmModal(chair, '校务公开')
    await visible(chair, 'text=已通过并公布').waitFor()
  })

  it('a member sees the public March item in the 工会日历', async () => {
    const staff = await cloud.signIn('staff', await cloud.browser())
    await staff.goto(`${cloud.url}/#/packages/plan/pages/calendar/index?month=${NEXT}-03`)
    await visible(staff, `[data-entry="${MARCH}"]`).waitFor()
    expect(await visible(staff, '.plan-month').innerText()).toBe('3月6日')
    // The month grid: a tap on the 6th lists that day only; the 5th has nothing.
    await visible(staff, `[data-day="${NEXT}-03-06"] .month-grid__count`).waitFor()
    await visible(staff, `[data-day="${NEXT}-03-05"]`).click()
    await visible(staff, 'text=这一天没有安排').waitFor()
    await visible(staff, `[data-day="${NEXT}-03-06"]`).click()
    await visible(staff, `[data-entry="${MARCH}"]`).waitFor()
    await visible(staff, '[data-view="list"]').click()
    await visible(staff, `[data-entry="${MARCH}"]`).waitFor()
  })

  it('the chair starts an activity from a plan item: the form is filled from it and the item follows the activity', async () => {
    const chair = await cloud.signIn('chair', browser)
    await chair.goto(`${cloud.url}/#/packages/plan/pages/plan/index?year=${NEXT}`)
    await visible(chair, '[data-item="教职工健康体检"]').click()
    await button(chair, '按此事项新建活动').click()
    const title = visible(chair, '[name="title"] input, input[name="title"]')
    await title.waitFor()
    // The form is filled from the plan item once it has loaded: wait for it, never read once.
    await eventually(() => title.inputValue(), (v) => v === '教职工健康体检', 'the title filled from the plan item')
    await visible(chair, 'input[name="place"], [name="place"] input').fill('校医院')
    await button(chair, '存为草稿').click()
    await visible(chair, 'text=组织者操作').waitFor()
    // Back through the item (the form was replaced by the activity) to the plan, which reloads on show.
    await chair.goBack()
    await chair.goBack()
    // The plan page reloads on show: the item's line gains the activity it now follows.
    await visible(chair, '[data-item="教职工健康体检"] .plan-row__meta >> text=/· 教职工健康体检$/').waitFor()
  })

  it('the chair re-dates an item of the adopted plan and publishes the change as a correction of its notice', async () => {
    const chair = await cloud.signIn('chair', browser)
    await chair.goto(`${cloud.url}/#/packages/plan/pages/plan/index?year=${NEXT}`)
    await visible(chair, `[data-item="${MARCH}"]`).click()
    const date = visible(chair, '[data-testid="item-date"] input')
    await date.waitFor()
    await date.fill(`${NEXT}-03-07`)
    await button(chair, '保存修改').click()
    await visible(chair, '.plan-figure >> text=/3月7日|改为/').waitFor()
    await chair.goBack()
    await visible(chair, '.plan-notice-behind').waitFor()
    await button(chair, '更新计划公告').click()
    await confirmModal(chair, '更正')
    await visible(chair, '.plan-notice-behind').waitFor({ state: 'detached' })
  })

  it('the chair publishes a meeting’s summary to 校务公开', async () => {
    const chair = await cloud.signIn('chair', browser)
    await chair.goto(`${cloud.url}/#/packages/plan/pages/meetings/index`)
    await visible(chair, '[data-meeting]').click()
    await button(chair, '公布会议纪要到校务公开').click()
    await confirmModal(chair, '缺席原因不公开')
    await button(chair, '已公布到校务公开 · 查看').click()
    await visible(chair, 'text=/纪要/').waitFor()
  })

  it('at year end the chair reads the figures and builds the 台帐, a zip of named Word and Excel files', async () => {
    const chair = await cloud.signIn('chair', browser)
    await chair.goto(`${cloud.url}/#/packages/plan/pages/summary/index`)
    await visible(chair, '.plan-figure >> text=/^活动 \\d+ 次/').waitFor()
    await button(chair, '生成全年台帐').click()
    await confirmModal(chair, '打包为一个压缩包')
    const link = visible(chair, '[data-testid="archive-link"]')
    await link.waitFor({ timeout: 60_000 })
    const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(await link.innerText())).arrayBuffer()))
    const names = Object.keys(zip.files)
    expect(names).toEqual(expect.arrayContaining([`${THIS_YEAR}年工会台帐/00-目录.docx`, `${THIS_YEAR}年工会台帐/01-工作计划/${THIS_YEAR}年工会工作计划.docx`]))
    expect(names.some((n) => n.startsWith(`${THIS_YEAR}年工会台帐/03-会议记录/`) && n.endsWith('工会委员会议.docx'))).toBe(true)
  })
})
