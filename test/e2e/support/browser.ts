/**
 * Headless system Chromium through playwright-core (never `npx playwright install`: no browser
 * downloads here). launchPersistentContext because Playwright refuses --user-data-dir in args.
 *
 * Debian's chromium-headless-shell first: the same Chromium release (Blink and V8) built without
 * the desktop browser's layers, which is what Playwright itself runs for headless tests. The whole
 * browser layer took 183–195 s of CPU in it against 280 s in the full chromium, back to back on one
 * host (wall 227–237 s against 337 s); the layer is CPU-bound on two cores.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { PATIENCE_MS } from './ui'

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const p of candidates.filter(Boolean) as string[]) {
    if (fs.existsSync(p)) return p
  }
  throw new Error('找不到 Chromium：请先 apt-get install -y chromium-headless-shell fonts-noto-cjk（.ci/run 会自动安装）')
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
