/**
 * Joining and leaving, as people click it in the h5 build on a local cloud with demo data:
 * the chair makes an invite that needs review → a visitor opens the invite link and applies →
 * the chair approves in 入会审核 → the new member sees internal notices → the chair removes
 * them → they lose access at once.
 */
import type { Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { expectText } from './support/ui'

const INTERNAL_NOTICE = '关于2026年教职工健康体检安排的通知'
let cloud: DemoCloud

beforeAll(async () => {
  cloud = await startDemoCloud('members')
}, 120_000)

afterAll(() => cloud?.close())

/** Each person gets their own browser, as each has their own phone. */
const signIn = (persona: string) => cloud.signIn(persona)

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${cloud.url}/#/${route}`)
}

const input = (page: Page, name: string) => page.locator(`input[name="${name}"]:visible`)

describe('joining with an invite and leaving', () => {
  let chair: Page
  let visitor: Page
  let code = ''

  beforeAll(async () => {
    chair = await signIn('chair')
    visitor = await signIn('visitor')
  }, 60_000)

  it('the chair creates an invite that still needs review', async () => {
    await open(chair, 'packages/member/pages/settings/index')
    await input(chair, 'inviteNote').fill('端到端测试')
    await chair.locator('[data-card="invites"] taro-switch-core, [data-card="invites"] .weui-switch').first().click()
    await chair.getByText('生成邀请码', { exact: true }).click()
    const row = chair.locator('[data-invite]', { hasText: '端到端测试' }).first()
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('需审核')
    code = (await row.getAttribute('data-invite'))!
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
  })

  it('a visitor opens the invite link and applies', async () => {
    expect(await visitor.getByText(INTERNAL_NOTICE).count()).toBe(0)
    await open(visitor, `packages/member/pages/apply/index?invite=${code}`)
    await visitor.getByText('邀请码有效：提交后由工会确认').waitFor()
    await input(visitor, 'name').fill('赵新')
    await visitor.locator('[data-choice="department"] [data-option="英语组"]:visible').click()
    await visitor.locator('[data-choice="status"] [data-option="在职"]:visible').click()
    await visitor.getByText('提交申请', { exact: true }).click()
    await visitor.getByText('申请已提交', { exact: true }).waitFor()
  })

  it('the chair approves the application in 入会审核', async () => {
    await open(chair, 'packages/member/pages/queue/index')
    const row = chair.locator('[data-applicant="赵新"]')
    await row.waitFor()
    await row.getByText('通过', { exact: true }).click()
    await row.waitFor({ state: 'detached' })
  })

  it('the new member now sees internal notices', async () => {
    await open(visitor, 'pages/notices/index')
    await visitor.reload()
    await visitor.getByText(INTERNAL_NOTICE).first().waitFor()
  })

  it('the chair removes the member with a reason', async () => {
    await open(chair, 'packages/member/pages/directory/index')
    await chair.locator('.search-bar__input input:visible').fill('赵新')
    await chair.locator('.search-bar__go:visible').first().click()
    await chair.locator('[data-member="赵新"]').click()
    await chair.getByText('移除会员', { exact: true }).click()
    await input(chair, 'removeReason').fill('端到端测试移除')
    await chair.getByText('移除…', { exact: true }).click()
    // Asked once, in plain words, before anything happens.
    await chair.getByText('移除 赵新？移除后 TA 立即不能再看内部公开、提意见和报名', { exact: false }).waitFor()
    await chair.getByText('确认移除', { exact: true }).click()
    await chair.locator('.detail', { hasText: '已移除' }).waitFor()
  })

  it('the removed member loses access at once', async () => {
    await visitor.reload()
    await visitor.getByText('2026年第三季度工会经费收支情况公示').first().waitFor()
    expect(await visitor.getByText(INTERNAL_NOTICE).count()).toBe(0)
    await open(visitor, 'pages/me/index')
    await visitor.locator('[data-application="removed"]:visible').waitFor()
    await visitor.locator('.join-prompt:visible', { hasText: '申请加入' }).first().waitFor()
  })

  it('the chair binds the staff group, opened from it (?group= stands in for the group card)', async () => {
    await open(chair, 'packages/member/pages/settings/index?group=G_e2e_staff')
    await chair.getByText('绑定当前这个群', { exact: true }).click()
    await chair.getByText('已绑定教职工群。', { exact: true }).waitFor()
  })

  it('the removed member comes back from the staff group, as a plain member', async () => {
    await open(visitor, 'packages/member/pages/apply/index?group=G_e2e_staff')
    await input(visitor, 'name').fill('赵新')
    await visitor.locator('[data-choice="department"] [data-option="英语组"]:visible').click()
    await visitor.locator('[data-choice="status"] [data-option="在职"]:visible').click()
    await visitor.getByText('提交申请', { exact: true }).click()
    await visitor.getByText('已加入工会', { exact: true }).waitFor()
    await open(visitor, 'pages/me/index')
    await visitor.reload()
    await visitor.locator('.profile-card:visible', { hasText: '会员' }).waitFor()
    await expect(visitor.locator('.profile-card:visible').textContent()).resolves.not.toContain('委员')
  })
})

describe('the chair’s 工作台 and role changes that ask first', () => {
  let chair: Page
  let staff: Page
  beforeAll(async () => {
    chair = await signIn('chair')
    staff = await signIn('staff')
  }, 60_000)

  it('shows waiting applications on the 工作台 and opens 入会审核 from it', async () => {
    await open(chair, 'pages/me/index')
    const line = chair.locator('[data-desk="member.queue"]:visible')
    await expectText(line, /入会审核\s*\d+/, 'the 入会审核 line with its count')
    await line.click()
    await chair.waitForURL(/packages\/member\/pages\/queue\/index/)
    await chair.locator('[data-applicant]').first().waitFor()
  })

  it('changes a role only after the chair confirms what it means', async () => {
    await open(chair, 'packages/member/pages/directory/index')
    await chair.locator('.search-bar__input input:visible').fill('张明')
    await chair.locator('.search-bar__go:visible').first().click()
    await chair.locator('[data-member="张明"]').click()
    await chair.locator('[data-role="committee"]:visible').click()
    await chair.getByText('把张明的身份从「会员」改为「委员」？', { exact: false }).waitFor()
    await chair.getByText('再想想', { exact: true }).click()
    await expect(chair.locator('.detail:visible').textContent()).resolves.toContain('会员（在册）')
    await chair.locator('[data-role="committee"]:visible').click()
    await chair.getByText('确认调整', { exact: true }).click()
    await chair.locator('.detail:visible', { hasText: '委员（在册）' }).waitFor()
    await open(staff, 'pages/me/index')
    await staff.reload()
    await staff.locator('[data-desk]:visible').first().waitFor()
  })
})
