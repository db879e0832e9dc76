/**
 * Headless system Chromium through playwright-core (never `npx playwright install`: no browser
 * downloads here). One Chromium per test file; each person's phone is a browser context in it —
 * its own storage (the dev sign-in lives in localStorage), cookies and cache, as a separate browser
 * would have, without starting a Chromium per person (a launch cost 1–3 s of CPU, ~30 per run).
 */
import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { PATIENCE_MS } from './ui'

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]) {
    if (fs.existsSync(p)) return p
  }
  throw new Error('找不到 Chromium：请先 apt-get install -y chromium fonts-noto-cjk（.ci/run 会自动安装）')
}

let shared: Promise<Browser> | undefined

/** A phone-sized browser context (390×844, like a common iPhone) in this file's Chromium. Close it to clean up. */
export async function launchBrowser(): Promise<BrowserContext> {
  shared ??= chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
  const context = await (await shared).newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  // Clicks and waits retry until the element is there: under load 30 s (the default) was not enough.
  context.setDefaultTimeout(PATIENCE_MS)
  context.setDefaultNavigationTimeout(PATIENCE_MS)
  return context
}

/** Ends this file's Chromium (after its contexts are closed). */
export async function closeChromium(): Promise<void> {
  const browser = shared
  shared = undefined
  if (browser) await (await browser).close()
}
