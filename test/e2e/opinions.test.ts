/**
 * 意见箱 end to end, as people would click it in the h5 build on a fresh local cloud:
 * a member submits anonymously with a photo (staged in storage, never sent as bytes), copies the
 * code and keeps it on the phone → the chair does not see it the same day; the demo's dev panel
 * releases today's batch → the chair sees the item (and its photo) with no identity and assigns
 * it → the committee member replies → the member sees a "new reply" badge, opens the item by code,
 * reads the reply, rates 满意 → the chair publishes it as Q&A with edited text → members see it.
 * The member uses their own browser (their phone); the others share a second one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { cameraJpeg } from '../functions/opinion-fixtures'
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

  it('a member submits anonymously with a photo, copies the receipt code and keeps it on the phone', async () => {
    member = await signIn(phone, 'staff')
    await openTab(member, '意见箱')
    await button(member, '我要提意见').click()
    await visible(member, '[data-name="category"] .op-choice__item').filter({ hasText: '食堂' }).click()
    await visible(member, 'taro-textarea-core.op-form__textarea textarea').fill(TEXT)
    const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-photo-')), 'canteen.jpg')
    fs.writeFileSync(photo, cameraJpeg())
    const [chooser] = await Promise.all([member.waitForEvent('filechooser'), visible(member, '.op-images__add').click()])
    await chooser.setFiles(photo)
    await visible(member, '.op-images__item').first().waitFor()
    // The photo travels as a staged upload, never inside the call.
    const calls: string[] = []
    member.on('request', (r) => { if (r.url().includes('/gateway/')) calls.push(`${r.url()} ${r.postData()?.slice(0, 2000) ?? ''}`) })
    await button(member, '匿名提交').click()
    const shown = visible(member, '[data-receipt-code]')
    await shown.waitFor()
    code = (await shown.getAttribute('data-receipt-code')) ?? ''
    expect(code).toMatch(/^[0-9A-Z]{16}$/)
    expect(await shown.textContent()).toBe(code.replace(/(.{4})(?=.)/g, '$1-'))
    const submit = calls.find((c) => c.includes('/gateway/call') && c.includes('"submit"'))!
    expect(submit).toMatch(/uploads\/opinion\/[0-9a-f]{32}\.jpg/)
    expect(submit).not.toMatch(/base64|\/9j\//)
    expect(calls.some((c) => /\/gateway\/upload\?cloudPath=uploads%2Fopinion%2F/.test(c))).toBe(true)
    await button(member, '复制回执码').click()
    await button(member, '已复制').waitFor()
    await button(member, '记在这台手机上').click()
    await visible(member, '[data-remembered-note]').waitFor()
    expect(await member.evaluate(() => localStorage.getItem('opinion.receipts'))).toContain(code)
  })

  it('the chair does not see it the same day; after the daily batch sees it with no identity, and assigns it', async () => {
    const chair = await signIn(office, 'chair')
    await openTab(chair, '意见箱')
    await chair.getByText('处理意见', { exact: true }).first().click()
    await visible(chair, '[data-case]').first().waitFor()
    expect(await visible(chair, '[data-case]').filter({ hasText: TEXT }).count()).toBe(0)

    // Not even in storage yet: its photo waits in the database for the batch.
    const { db } = connectLocalSdk(cloud.adminUrl, 'local')
    expect((await db.collection('opinions').where({ text: TEXT }).get()).data[0].images).toEqual([])

    // The demo's dev panel: today's batch now, as tomorrow would bring it.
    await visible(chair, '.nav-cell').filter({ hasText: '立即放出今天的匿名意见' }).click()
    await button(chair, '放出今天的匿名意见').click()
    await visible(chair, '[data-release-note]').filter({ hasText: '已放出' }).waitFor()

    await chair.goto(`${cloud.url}/`)
    await openInboxItem(chair)
    await visible(chair, '.case__who').filter({ hasText: '匿名提交' }).waitFor()
    await visible(chair, '.thread__image').first().waitFor()
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
