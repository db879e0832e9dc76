/**
 * 校务公开 end to end on the h5 build and a fresh local cloud with demo data: the chair drafts a
 * notice with a PDF attachment and a 公示期 and publishes it (after one plain question: who will see
 * it, that it cannot be edited) → a member finds it by part of its title → reads it (the chair's
 * read count goes up by one) → the member raises a named objection → the chair answers it →
 * the chair corrects the notice (version 2 with a reason) → the member sees 已更正 and opens
 * version 1 → the chair exports the 备案 Word document, and the test opens it and reads it.
 */
import JSZip from 'jszip'
import type { BrowserContext, Page } from 'playwright-core'
import { startDemoCloud, type DemoCloud } from './support/demo-cloud'
import { button, eventually, expectCount, visible } from './support/ui'

let cloud: DemoCloud
let chairBrowser: BrowserContext
let staffBrowser: BrowserContext

const TITLE = '关于评选2026年度师德标兵的公示'
const V1 = '经各教研组推荐、评审小组评议，拟评选刘芳同志为2026年度师德标兵。'
const V2 = '经各教研组推荐、评审小组评议，拟评选刘芳、郑海涛同志为2026年度师德标兵。'
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), Buffer.alloc(1000, 0x20), Buffer.from('\n%%EOF\n')])

beforeAll(async () => {
  cloud = await startDemoCloud('notices')
  chairBrowser = await cloud.browser()
  staffBrowser = await cloud.browser()
}, 120_000)

afterAll(() => cloud?.close())

const signIn = (browser: BrowserContext, who: string) => cloud.signIn(who, browser)

const field = (page: Page, testid: string, tag: 'input' | 'textarea') => visible(page, `[data-testid="${testid}"] ${tag}, ${tag}[data-testid="${testid}"]`)

/** The h5 build's showModal: checks it says `says`, then answers 确定 (the confirm button). */
async function confirmModal(page: Page, says: string[]): Promise<void> {
  const modal = visible(page, '.taro-modal__content')
  await modal.waitFor()
  const text = await modal.innerText()
  for (const s of says) expect(text).toContain(s)
  await visible(page, '.taro-model__confirm').click()
}

async function readCount(page: Page): Promise<number> {
  const text = await visible(page, '[data-testid="read-count"]').innerText()
  return Number(/已读 (\d+) 人/.exec(text)![1])
}

let noticeUrl = ''
let chair: Page
let staff: Page

describe('校务公开: publish → read → object → answer → correct → 备案', () => {
  beforeAll(async () => {
    chair = await signIn(chairBrowser, 'chair')
    staff = await signIn(staffBrowser, 'staff')
  })

  it('the chair drafts with a PDF attachment and a 公示期, then publishes', async () => {
    await visible(chair, '.nav-cell:has-text("公告管理")').click()
    await button(chair, '起草新公告').click()
    await field(chair, 'notice-title', 'input').fill(TITLE)
    await visible(chair, '[data-choice="category"] [data-option="人事"]').click()
    await visible(chair, '[data-choice="publicity"] [data-option="yes"]').click()
    await visible(chair, '[data-block="paragraph"] textarea').fill(V1)
    const [chooser] = await Promise.all([chair.waitForEvent('filechooser'), visible(chair, '[data-add="document"]').click()])
    await chooser.setFiles({ name: '师德标兵推荐表.pdf', mimeType: 'application/pdf', buffer: PDF })
    await visible(chair, '[data-attachment="师德标兵推荐表.pdf"]').waitFor()
    await button(chair, '保存草稿').click()
    await chair.waitForURL(/packages\/notice\/pages\/detail/)
    await visible(chair, '.notice-banner:has-text("草稿")').waitFor()
    noticeUrl = chair.url()
    await expect(visible(chair, '.tag:has-text("公示中")').count()).resolves.toBe(0) // a draft is never 公示中
    await button(chair, '发布').click()
    await confirmModal(chair, [`发布《${TITLE}》？`, '全体会员', '不能再修改'])
    await visible(chair, '[data-testid="read-count"]').waitFor()
    await visible(chair, '.tag:has-text("公示中")').waitFor()
    await visible(chair, '[data-attachment="师德标兵推荐表.pdf"]').waitFor()
  })

  it('a member finds it by typing part of its title', async () => {
    await staff.reload()
    await visible(staff, '.search-bar input').fill('师德标兵')
    await visible(staff, '.search-bar__go').click()
    // The notice is also in the unfiltered list shown before the search answers: wait for the count.
    await expectCount(staff.locator('.notice-item:visible'), 1, 'one notice in the search results')
    await visible(staff, `.notice-item:has-text("${TITLE}")`).waitFor()
    await visible(staff, '.search-bar__clear').click()
  })

  it('a member opens it from the list (unread), and the chair’s read count goes up by one', async () => {
    await chair.reload()
    const before = await (async () => { await visible(chair, '[data-testid="read-count"]').waitFor(); return readCount(chair) })()
    await staff.reload()
    // Unread is shown once the app knows the caller is a member (a second answer): wait for it, never read once.
    const item = visible(staff, `.notice-item--unread:has-text("${TITLE}")`)
    await item.waitFor()
    await item.click()
    await visible(staff, `.detail__title:has-text("${TITLE}")`).waitFor()
    await visible(staff, `text=${V1}`).waitFor()
    // The read is recorded by the member's detail call; wait for the chair's fresh page to show it.
    await eventually(async () => {
      await chair.reload()
      await visible(chair, '[data-testid="read-count"]').waitFor()
      return readCount(chair)
    }, (n) => n === before + 1, `read count ${before + 1}`)
  })

  it('the member raises a named objection during the 公示期', async () => {
    await field(staff, 'objection-text', 'textarea').fill('郑海涛老师也符合推荐条件，请评审小组再议。')
    await button(staff, '实名提出异议').click()
    await visible(staff, '.objection__pending:has-text("等待主席答复")').waitFor()
  })

  it('the chair sees it with the member’s name and answers it', async () => {
    await visible(chair, '[data-testid="objections-link"]').click()
    await visible(chair, '.objection:has-text("张明")').waitFor()
    await field(chair, 'answer-text', 'textarea').fill('评审小组已复议，同意增补郑海涛同志，公告将更正。')
    await button(chair, '答复').click()
    await visible(chair, '.objection__answer:has-text("已答复")').waitFor()
  })

  it('the chair corrects it: version 2 with a reason', async () => {
    await chair.goto(noticeUrl)
    await button(chair, '更正').click()
    await field(chair, 'notice-title', 'input').waitFor()
    await visible(chair, '[data-block="paragraph"] textarea').fill(V2)
    await field(chair, 'correct-reason', 'textarea').fill('根据异议复议结果，增补郑海涛同志')
    await button(chair, '发布更正').click()
    await confirmModal(chair, ['发布第 2 版更正？', '第 1 版原文会保留', '根据异议复议结果，增补郑海涛同志'])
    await chair.waitForURL(/packages\/notice\/pages\/detail/)
    await visible(chair, '.tag:has-text("已更正 1 次")').waitFor()
  })

  it('the member sees 已更正, the answer, the new text, and can open version 1', async () => {
    await staff.reload()
    await visible(staff, '.tag:has-text("已更正 1 次")').waitFor()
    await visible(staff, `text=${V2}`).waitFor()
    await visible(staff, '.objection__answer:has-text("同意增补郑海涛同志")').waitFor()
    await visible(staff, '[data-version="1"]').click()
    await visible(staff, '.notice-banner:has-text("正在查看第 1 版")').waitFor()
    await visible(staff, `text=${V1}`).waitFor()
  })

  it('the chair exports the 备案 document and it opens with every version, the reads and the objection', async () => {
    await chair.goto(noticeUrl)
    // The app opens the temp URL the function returned (a new tab in h5, openDocument in WeChat).
    const [request] = await Promise.all([
      chairBrowser.waitForEvent('request', { predicate: (r) => /\.docx(\?|$)/.test(r.url()), timeout: 30_000 }),
      button(chair, '导出备案').click(),
    ])
    const res = await fetch(request.url())
    expect(res.ok).toBe(true)
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n')
    for (const expected of ['校务公开备案表', TITLE, '第 1 版（首次发布）', V1, '第 2 版（更正）', '更正原因：根据异议复议结果，增补郑海涛同志', V2,
      '附件：师德标兵推荐表.pdf', '已读：2 人', '张明', '郑海涛老师也符合推荐条件，请评审小组再议。', '评审小组已复议，同意增补郑海涛同志，公告将更正。']) {
      expect(text).toContain(expected)
    }
  })
})
