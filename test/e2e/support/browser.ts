/**
 * Headless system Chromium through playwright-core (never `npx playwright install`: no browser
 * downloads here). launchPersistentContext because Playwright refuses --user-data-dir in args.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { PATIENCE_MS } from './ui'

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]) {
    if (fs.existsSync(p)) return p
  }
  throw new Error('找不到 Chromium：请先 apt-get install -y chromium fonts-noto-cjk（.ci/run 会自动安装）')
}

/** A phone: 390×844 like a common iPhone, Chinese, in Shanghai time. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const

/** Clicks and waits retry until the element is there: under load 30 s (the default) was not enough. */
function patient(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(PATIENCE_MS)
  context.setDefaultNavigationTimeout(PATIENCE_MS)
  return context
}

/** A phone-sized browser of its own (a Chromium process and profile). Close it to clean up. */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-chromium-'))
  const context = patient(await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, ...PHONE }))
  const close = context.close.bind(context)
  context.close = async () => {
    await close()
    fs.rmSync(profile, { recursive: true, force: true })
  }
  return context
}

/**
 * One Chromium for several phones: each context keeps its own storage (the dev sign-in lives in
 * localStorage), as separate browsers would, at about a third of a launch's time (0.3 s against 0.9 s
 * measured) — an e2e file signs in 2–8 people.
 */
export async function launchPhones(): Promise<{ phone(): Promise<BrowserContext>; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
  return {
    phone: async () => patient(await browser.newContext(PHONE)),
    close: () => browser.close(),
  }
}
