/**
 * 活动报名 as people click it in the h5 build on a local cloud with demo data: the chair creates
 * an activity with 2 places, a waitlist and one question (publishing asks once) → three members
 * sign up → the third is 候补第 1 位 → one cancels → the third is promoted and sees it on the 活动
 * tab → a member corrects their answer in 我的报名 → the promoted member shows the check-in code,
 * the chair pastes it → the Excel export opens with the right rows. Then the committee's work for
 * members without a phone: 代会员报名 on the open 体检, 按名单签到 on tomorrow's 气排球友谊赛.
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { PATIENCE_MS, expectText } from './support/ui'

jest.setTimeout(120_000)

const TITLE = '端到端 · 教工趣味运动会'
let cloud: DemoCloud

beforeAll(async () => {
  cloud = await startDemoCloud('activities')
}, 120_000)

afterAll(() => cloud?.close())

/** Each person gets their own browser, as each has their own phone. */
async function signIn(persona: string): Promise<Page> {
  const page = await cloud.signIn(persona)
  page.setDefaultTimeout(PATIENCE_MS)
  return page
}

const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`)
const button = (page: Page, text: string) => visible(page, '.app-button').filter({ hasText: new RegExp(`^${text}$`) }).first()

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`${cloud.url}/#/packages/activity/pages/detail/index?id=${encodeURIComponent(id)}`)
  await visible(page, `text=${TITLE}`).first().waitFor()
}

/** Waits until the caller's own registration card says `state` (an earlier state may still be on screen). */
async function expectState(page: Page, state: string): Promise<void> {
  await expectText(visible(page, '[data-testid="my-registration"] .state-line').first(), new RegExp(`^\\s*${state}\\s*$`), `my registration: ${state}`)
}

describe('an activity with 2 places and a waitlist, from creation to the Excel export', () => {
  let chair: Page
  let activityId = ''
  const members: Record<string, Page> = {}

  beforeAll(async () => {
    chair = await signIn('chair')
    for (const p of ['staff', 'committee', 'retiree']) members[p] = await signIn(p)
  }, 90_000)

  it('the chair creates and publishes it from 组织活动', async () => {
    await visible(chair, '.weui-tabbar__label:text-is("活动")').click()
    await visible(chair, 'text=组织活动').first().click()
    await button(chair, '新建活动').click()
    await visible(chair, 'input[name="title"]').fill(TITLE)
    await visible(chair, 'input[name="place"]').fill('学校操场')
    await visible(chair, 'input[name="capacity"]').fill('2')
    await visible(chair, 'text=＋ 添加报名项').click()
    await visible(chair, 'input[placeholder="项目名称，如 T恤尺码"]').fill('T恤尺码')
    await visible(chair, 'input[placeholder="选项，用顿号分开，如 S、M、L"]').fill('M、L、XL')
    await button(chair, '保存并发布').click()
    // Publishing asks once, showing what members will see.
    await visible(chair, `.taro-modal__content >> text=“${TITLE}”`).first().waitFor()
    await visible(chair, '.taro-model__confirm').click()
    await chair.waitForURL(/packages\/activity\/pages\/detail\/index\?id=/)
    activityId = decodeURIComponent(/id=([^&]+)/.exec(chair.url())![1])
    await visible(chair, `text=${TITLE}`).first().waitFor()
    await visible(chair, 'text=剩余 2 个名额（共 2 个）').first().waitFor()
  })

  async function signUp(persona: string, size: string, submit: string, expected: string): Promise<void> {
    const page = members[persona]
    await openDetail(page, activityId)
    await visible(page, `[data-choice="f1"] [data-option="${size}"]`).click()
    await button(page, submit).click()
    await expectState(page, expected)
  }

  it('two members take the two places', async () => {
    await signUp('staff', 'L', '我要报名', '已报名')
    await signUp('committee', 'M', '我要报名', '已报名')
  })

  it('the third member joins the waitlist as 候补第 1 位', async () => {
    await signUp('retiree', 'XL', '名额已满，排队候补', '候补第 1 位')
  })

  it('one cancels, and the third is promoted and sees it', async () => {
    const staff = members.staff
    await button(staff, '取消报名').click()
    await visible(staff, '.taro-model__confirm').click()
    // The place went to the waitlist at once: the form offers the queue again.
    await button(staff, '名额已满，排队候补').waitFor()

    const retiree = members.retiree
    await openDetail(retiree, activityId)
    await expectState(retiree, '已报名')
    // The 活动 tab says where she stands, on the card itself.
    await retiree.goto(`${cloud.url}/#/pages/activities/index`)
    await visible(retiree, `[data-activity="${activityId}"] >> text=我：已报名`).first().waitFor()
  })

  it('a member corrects an answer in 我的报名 without losing the place', async () => {
    const page = members.committee
    await page.goto(`${cloud.url}/#/packages/activity/pages/mine/index`)
    await visible(page, `[data-registration="${activityId}_mem002"] >> text=T恤尺码：M`).first().waitFor()
    await visible(page, `[data-registration="${activityId}_mem002"] .app-button`).filter({ hasText: '修改报名信息' }).first().click()
    await page.waitForURL(/edit=1/)
    await visible(page, '[data-choice="f1"] [data-option="XL"]').click()
    await button(page, '保存报名信息').click()
    await visible(page, 'text=T恤尺码：XL').first().waitFor()
    await expectState(page, '已报名')
  })

  it('the promoted member shows the check-in code and the chair checks them in', async () => {
    const retiree = members.retiree
    await openDetail(retiree, activityId) // the test before left her on the 活动 tab
    await button(retiree, '出示签到码').click()
    const token = (await visible(retiree, '[data-testid="checkin-token"]').first().textContent())!.trim()
    expect(token).toMatch(/^JG1\./)
    expect(await visible(retiree, '[data-testid="checkin-code"] img').first().getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)

    // The week passes: check-in opens at 00:00 the day before the start, and a new activity starts a
    // week ahead. The database moves the start to two hours from now (the clock cannot be moved).
    const { db } = connectLocalSdk(cloud.adminUrl, 'local')
    const hours = (h: number) => new Date(Date.now() + h * 3600_000)
    await db.collection('activities').doc(activityId).update({ data: { signupEndAt: hours(1), startAt: hours(2), endAt: hours(4) } })
    await chair.goto(`${cloud.url}/#/packages/activity/pages/checkin/index?id=${encodeURIComponent(activityId)}`)
    await visible(chair, 'textarea[name="checkinToken"]').fill(token)
    await button(chair, '签到').click()
    await visible(chair, 'text=陈桂兰 签到成功').first().waitFor()

    // The same code again is refused.
    await visible(chair, 'textarea[name="checkinToken"]').fill(token)
    await button(chair, '签到').click()
    await visible(chair, 'text=这个签到码已经用过了，不能重复使用。').first().waitFor()
  })

  it('the Excel export opens with the right rows', async () => {
    await chair.goto(`${cloud.url}/#/packages/activity/pages/roster/index?id=${encodeURIComponent(activityId)}`)
    await visible(chair, '[data-roster="陈桂兰"]').first().waitFor()
    await visible(chair, '[data-testid="export"]').click()
    const link = visible(chair, '[data-testid="export-link"]').first()
    await link.waitFor()
    const url = (await link.getAttribute('data-url'))!
    const res = await fetch(url)
    expect(res.ok).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as any[]).slice(1)
    expect(header).toEqual(['序号', '姓名', '部门', '状态', '候补顺位', '携带家属', 'T恤尺码', '报名时间', '代报名', '签到时间'])
    const rows = Array.from({ length: ws.rowCount - 1 }, (_v, i) => (ws.getRow(i + 2).values as any[]).slice(2, 8))
    expect(rows).toEqual([
      ['李晓梅', '语文组', '已报名', '', 0, 'XL'],
      ['陈桂兰', '语文组', '已报名', '', 0, 'XL'],
      ['张明', '数学组', '已取消', '', 0, 'L'],
    ])
    expect((ws.getRow(3).values as any[])[10]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/)
  })
})

describe('members without a phone: 代会员报名 and 按名单签到', () => {
  let chair: Page
  beforeAll(async () => {
    chair = await signIn('chair')
  }, 60_000)

  it('the chair signs a retiree up for the 体检 from its roster, after confirming', async () => {
    await chair.goto(`${cloud.url}/#/packages/activity/pages/roster/index?id=act001`)
    await visible(chair, '.toolbar__item:text-is("代会员报名")').click()
    await visible(chair, '.search-bar__input input').fill('朱秀兰')
    await visible(chair, '.search-bar__go').click()
    await visible(chair, '.proxy__member:has-text("朱秀兰")').first().click()
    await visible(chair, '[data-choice="package"] [data-option="女性套餐"]').click()
    await button(chair, '替 朱秀兰 报名').click()
    await visible(chair, '.taro-modal__content >> text=替 朱秀兰（英语组）报名这个活动？').first().waitFor()
    await visible(chair, '.taro-model__confirm').click()
    await visible(chair, 'text=已替 朱秀兰 报名').first().waitFor()
    await visible(chair, '[data-roster="朱秀兰"] >> text=由 王建华 代报名').first().waitFor()
  })

  it('the chair checks in a retiree from tomorrow’s roster, after confirming', async () => {
    await chair.goto(`${cloud.url}/#/packages/activity/pages/roster/index?id=act007`)
    const row = visible(chair, '[data-roster="蒋文华"]').first()
    await row.locator('.toolbar__item:text-is("签到")').click()
    await visible(chair, '.taro-modal__content >> text=确认 蒋文华（后勤处）已到场，为 TA 签到？').first().waitFor()
    await visible(chair, '.taro-model__confirm').click()
    await visible(chair, 'text=蒋文华 已签到').first().waitFor()
    await row.locator('text=已签到').first().waitFor()
  })
})
