/**
 * App figures from production builds: the weapp main package and each subpackage (WeChat's limits:
 * 2 MB each; our goals: main ≤ 800 KB, subpackage ≤ 400 KB), the h5 first screen's JavaScript
 * (gzip) and its first contentful paint in headless Chromium against a fresh local cloud.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { execSync } from 'node:child_process'
import { spawnLocalCloud } from '../emulator/spawn'
import { launchBrowser } from '../test/e2e/support/browser'
import { measurePackages } from '../scripts/package-sizes'
import { ms, type Row } from './stats'

const root = path.resolve(__dirname, '..')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function ensureBuilt(output: string, script: string): void {
  if (!fs.existsSync(path.join(root, output))) execSync(`npm run --silent ${script}`, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

export async function appBench(): Promise<Row[]> {
  ensureBuilt('dist/app.js', 'build:weapp')
  ensureBuilt('dist-h5/index.html', 'build:h5')
  const rows: Row[] = []
  measurePackages(path.join(root, 'dist')).forEach((p, i) => rows.push({
    area: i === 0 ? '小程序（生产构建）' : '',
    measure: p.name === 'main' ? '主包' : `分包 ${p.name}`,
    value: kb(p.bytes),
    goal: `≤ ${kb(p.goal)}（上限 2 MB）`,
  }))

  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-h5-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', h5Dir: path.join(root, 'dist-h5'), seed: true })
  cloud.child.stdout!.resume()
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    let jsGzip = 0
    page.on('response', async (res) => {
      if (!res.url().endsWith('.js')) return
      const body = await res.body().catch(() => Buffer.alloc(0))
      jsGzip += zlib.gzipSync(body).length
    })
    await page.goto(`${cloud.url}/#/pages/notices/index`, { waitUntil: 'networkidle' })
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
    rows.push({ area: 'h5', measure: '首屏 JavaScript（gzip）', value: kb(jsGzip) })
    rows.push({ area: '', measure: '首次内容绘制 FCP（headless Chromium，本机）', value: ms(fcp) })
  } finally {
    await browser.close()
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
  return rows
}
