/**
 * 意见箱 end to end, as people would click it in the h5 build on a fresh local cloud:
 * a member submits anonymously and copies the code → (next day's batch) the chair sees the
 * item with no identity and assigns it → the committee member replies → the member sees a
 * "new reply" badge, opens the item by code, reads the reply, rates 满意 → the chair publishes
 * it as Q&A with edited text → members see the Q&A.
 * The member uses their own browser (their phone); the others share a second one.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'

let cloud: DemoCloud
let phone: BrowserContext
let office: BrowserContext
let code = ''

const TEXT = '教工食堂晚餐窗口六点就关了，晚自习值班的老师吃不上饭，能否延长到七点？'
const REPLY = '已与食堂商定：从下周一起晚餐窗口延长到19:00，值班老师凭工作证就餐。'
const QUESTION = '晚自习值班老师吃不上晚饭，食堂能否延长供应？'

beforeAll(async () => {
  cloud = await startDemoCloud('opinions')
  phone = await cloud.browser()
  office = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

const signIn = (browser: BrowserContext, persona: string) => cloud.signIn(persona, browser)

const openTab = (page: Page, label: string) => page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }).click()
const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`)
const button = (page: Page, label: string) => page.locator('taro-button-core:visible', { hasText: label })

async function openInboxItem(page: Page): Promise<void> {
  await openTab(page, '意见箱')
  await page.getByText('处理意见', { exact: true }).first().click()
  await visible(page, '[data-case]').filter({ hasText: TEXT }).click()
  await visible(page, '.thread').waitFor()
}

describe('意见箱 end to end', () => {
  let member: Page

  it('a member submits anonymously, copies the receipt code and remembers it on the phone', async () => {
    member = await signIn(phone, 'staff')
    await openTab(member, '意见箱')
    await button(member, '我要提意见').click()
    await visible(member, '[data-name="category"] .op-choice__item').filter({ hasText: '食堂' }).click()
    await visible(member, 'taro-textarea-core.op-form__textarea textarea').fill(TEXT)
    await button(member, '匿名提交').click()
    const shown = visible(member, '[data-receipt-code]')
    await shown.waitFor()
    code = (await shown.getAttribute('data-receipt-code')) ?? ''
    expect(code).toMatch(/^[0-9A-Z]{16}$/)
    expect(await shown.textContent()).toBe(code.replace(/(.{4})(?=.)/g, '$1-'))
    await button(member, '复制回执码').click()
    await button(member, '已复制').waitFor()
    await visible(member, '.receipt__remember taro-switch-core').first().click()
    expect(await member.evaluate(() => localStorage.getItem('opinion.receipts'))).toContain(code)
  })

  it('the chair does not see it the same day; after the daily batch sees it with no identity, and assigns it', async () => {
    const chair = await signIn(office, 'chair')
    await openTab(chair, '意见箱')
    await chair.getByText('处理意见', { exact: true }).first().click()
    await visible(chair, '[data-case]').first().waitFor()
    expect(await visible(chair, '[data-case]').filter({ hasText: TEXT }).count()).toBe(0)

    // The next day: the daily batch releases yesterday's anonymous items.
    const { db } = connectLocalSdk(cloud.adminUrl, 'local')
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await db.collection('opinions').where({ text: TEXT }).update({ data: { visibleOn: today } })

    await chair.goto(`${cloud.url}/`)
    await openInboxItem(chair)
    await visible(chair, '.case__who').filter({ hasText: '匿名提交' }).waitFor()
    const detail = await visible(chair, '.thread').textContent()
    expect(detail).not.toContain('张明')
    await visible(chair, '[data-name="assignee"] .op-choice__item').filter({ hasText: '李晓梅' }).click()
    await visible(chair, '.thread').filter({ hasText: '处理人：李晓梅' }).waitFor()
    await visible(chair, '.tag').filter({ hasText: '处理中' }).first().waitFor()
    await chair.close()
  })

  it('the committee member replies', async () => {
    const committee = await signIn(office, 'committee')
    await openInboxItem(committee)
    await visible(committee, '[data-box="reply"] textarea').fill(REPLY)
    await button(committee, '发送答复').click()
    await visible(committee, '.opinion-card__reply').filter({ hasText: REPLY }).waitFor()
    await visible(committee, '.tag').filter({ hasText: '已答复' }).first().waitFor()
    await committee.close()
  })

  it('the member sees a new-reply badge, opens the item by code, reads the reply and rates 满意', async () => {
    await member.goto(`${cloud.url}/`)
    await openTab(member, '意见箱')
    await visible(member, '[data-badge]').filter({ hasText: '新答复' }).first().waitFor()
    await visible(member, 'taro-input-core.code-entry__input input').first().fill(code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-'))
    await visible(member, '.code-entry taro-button-core').first().click()
    await visible(member, '.opinion-card__reply').filter({ hasText: REPLY }).waitFor()
    expect(await visible(member, '.thread').textContent()).not.toContain('李晓梅')
    await visible(member, '[data-rating="satisfied"]').click()
    await visible(member, '.thread').filter({ hasText: '我的评价：满意' }).waitFor()
  })

  it('the chair publishes it as Q&A with edited text, and members see the Q&A', async () => {
    const chair = await signIn(office, 'chair')
    await openTab(chair, '意见箱')
    await chair.getByText('处理意见', { exact: true }).first().click()
    await visible(chair, '.chip').filter({ hasText: '已答复' }).click()
    await visible(chair, '[data-case]').filter({ hasText: TEXT }).click()
    await visible(chair, 'taro-textarea-core[data-field="question"] textarea').first().fill(QUESTION)
    await button(chair, '公开为问答').click()
    await visible(chair, '.thread').filter({ hasText: '已公开为问答' }).waitFor()
    await chair.close()

    const retiree = await signIn(office, 'retiree')
    await openTab(retiree, '意见箱')
    await visible(retiree, '[data-qa]').filter({ hasText: QUESTION }).waitFor()
    await retiree.close()

    await member.goto(`${cloud.url}/`)
    await openTab(member, '意见箱')
    await visible(member, 'taro-input-core.code-entry__input input').first().fill(code)
    await visible(member, '.code-entry taro-button-core').first().click()
    await visible(member, '.thread__qa').filter({ hasText: QUESTION }).waitFor()
  })
})
