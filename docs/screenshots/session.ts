/**
 * What every screenshot script needs: a fresh local cloud with demo data serving the h5 build, headless
 * Chromium, and a page signed in as a persona (optionally in 关怀模式) at the phone viewport.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { spawnLocalCloud } from '../../emulator/spawn'
import { launchBrowser } from '../../test/e2e/support/browser'
import { visible } from '../../test/e2e/support/ui'

const root = path.resolve(__dirname, '../..')

export interface ShotSession {
  url: string
  /** the demo environment's database (wx-server-sdk), to put data in the state a page is shown in */
  db: any
  /** A new page signed in as `persona`, on the notice board. */
  open(persona: string, care?: boolean): Promise<Page>
  /** Waits for the network and animations to settle, then saves docs/screenshots/<name>.png. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>
}

export async function withDemoCloud(label: string, work: (s: ShotSession) => Promise<void>): Promise<void> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), `jgzj-shots-${label}-`))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    await work({
      url: cloud.url,
      db: connectLocalSdk(cloud.adminUrl, 'local').db,
      async open(persona, care = false) {
        const page = await browser.newPage()
        await page.goto(`${cloud.url}/`)
        await page.evaluate((on) => { localStorage.clear(); localStorage.setItem('jgzj.careMode', JSON.stringify({ data: on })) }, care)
        await page.goto(`${cloud.url}/`)
        await page.locator(`[data-persona="${persona}"]`).click()
        await visible(page, '.notice-item').waitFor({ timeout: 120_000 })
        return page
      },
      async shot(page, name, fullPage = false) {
        await page.waitForLoadState('networkidle').catch(() => undefined)
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running')).catch(() => undefined)
        await page.screenshot({ path: path.join(__dirname, `${name}.png`), fullPage })
      },
    })
  } finally {
    await browser.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
}
