/**
 * A fresh local cloud with demo data serving the h5 build, for one e2e file, and the browsers
 * its people use (a context each in one Chromium: the dev sign-in lives in localStorage, which a
 * context keeps to itself).
 * E2E_H5_DIR names another h5 output (e.g. a copy while iterating); default dist-h5/.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { spawnLocalCloud, type SpawnedCloud } from '../../../emulator/spawn'
import { launchPhones } from './browser'

export interface DemoCloud extends SpawnedCloud {
  /** a new phone-sized browser, closed with the cloud */
  browser(): Promise<BrowserContext>
  /** a page in `browser` (a new one by default) signed in as the dev persona, on the 公开 tab */
  signIn(persona: string, browser?: BrowserContext): Promise<Page>
  close(): Promise<void>
}

export async function startDemoCloud(label: string): Promise<DemoCloud> {
  const h5Dir = process.env.E2E_H5_DIR ?? path.resolve(__dirname, '../../../dist-h5')
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) throw new Error('先构建 h5：npm run build:h5')
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), `jgzj-e2e-${label}-`))
  // The run's seeded folder (global-setup.ts), copied: `seed` then finds the demo data there and adds nothing.
  const seeded = process.env.E2E_SEEDED_DATA
  if (seeded) fs.cpSync(seeded, dataRoot, { recursive: true })
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir, seed: true })
  cloud.child.stdout!.resume()
  const browsers: BrowserContext[] = []
  let phones: ReturnType<typeof launchPhones> | undefined
  const browser = async () => {
    phones ??= launchPhones()
    const b = await (await phones).phone()
    browsers.push(b)
    return b
  }
  return Object.assign(cloud, {
    browser,
    async signIn(persona: string, into?: BrowserContext) {
      const page = await (into ?? (await browser())).newPage()
      await page.goto(`${cloud.url}/`)
      await page.evaluate(() => localStorage.clear())
      await page.goto(`${cloud.url}/`)
      await page.locator(`[data-persona="${persona}"]`).click()
      await page.waitForURL(/pages\/notices\/index/)
      return page
    },
    async close() {
      for (const b of browsers) await b.close()
      if (phones) await (await phones).close()
      // Its data is thrown away next: nothing to flush, so no orderly shutdown to wait for.
      await cloud.kill()
      fs.rmSync(dataRoot, { recursive: true, force: true })
    },
  })
}
