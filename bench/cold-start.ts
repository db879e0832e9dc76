/**
 * Cold start of every cloud function (issue #13.4, #18.4): on a fresh local cloud with demo data,
 * each function's first answer (a new instance: worker start, bundle and its requires, the SDK, one
 * ordinary action) and its warm answer (median of the next calls), beside the bundle size and the
 * runtime dependencies it may load. Goal: first answer ≤ 1 s on this machine. Printed, never asserted.
 *   npm run bench -- cold
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnLocalCloud } from '../emulator/spawn'
import { ms, percentile, type Row } from './stats'

const root = path.resolve(__dirname, '..')
const built = path.join(root, 'build/cloudfunctions')

/** The action each function answers most often, and who asks it (demo personas). */
const PROBES: Record<string, { openid: string; data: Record<string, unknown> }> = {
  member: { openid: 'o_dev_staff', data: { action: 'me' } },
  notice: { openid: 'o_dev_staff', data: { action: 'list', page: 1 } },
  activity: { openid: 'o_dev_staff', data: { action: 'list', page: 1 } },
  opinion: { openid: 'o_dev_staff', data: { action: 'listQa', page: 1 } },
  welfare: { openid: 'o_dev_committee', data: { action: 'todo' } },
  poll: { openid: 'o_dev_staff', data: { action: 'list', page: 1 } },
  congress: { openid: 'o_dev_staff', data: { action: 'list', sessionId: 'congress-5-3', page: 1 } },
  plan: { openid: 'o_dev_staff', data: { action: 'calendar', month: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7) } },
}
/** Functions without a probe still load everything on an unknown action, which answers at once. */
const DEFAULT_PROBE = { openid: 'o_dev_staff', data: { action: '__cold_start_probe' } }
const WARM_CALLS = 10
const GOAL_MS = 1000

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function deployable(): string[] {
  return fs.readdirSync(built, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(built, d.name, 'index.js')))
    .map((d) => d.name)
    .sort()
}

function runtimeDependencies(fn: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(built, fn, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  return Object.keys(pkg.dependencies ?? {}).filter((d) => d !== 'wx-server-sdk')
}

/** How long a plain `require(dep)` takes in a fresh Node process (what a top-level import costs every cold start). */
function requireMs(dep: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(dep)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, SILENCE: 'true' } }))
}

export async function coldStartBench(): Promise<Row[]> {
  if (!fs.existsSync(built)) throw new Error('build/cloudfunctions is missing: run `npm run build:functions` first')
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-cold-'))
  const cloud = await spawnLocalCloud({ dataRoot, env: 'local', seed: true })
  cloud.child.stdout!.resume()
  const invoke = async (name: string, probe: { openid: string; data: Record<string, unknown> }) => {
    const started = process.hrtime.bigint()
    const res = await fetch(`${cloud.url}/local/invoke`, { method: 'POST', body: JSON.stringify({ env: 'local', name, openid: probe.openid, data: probe.data }) })
    const body = (await res.json()) as { ok: boolean; result?: { ok?: boolean; code?: string }; errMsg?: string }
    const took = Number(process.hrtime.bigint() - started) / 1e6
    return { took, answer: body.ok ? (body.result?.ok ? 'ok' : `ok:false ${body.result?.code ?? ''}`) : `failed ${body.errMsg}` }
  }
  // Figures from a loaded machine mean little: say how loaded it was (2 cores here).
  const rows: Row[] = [{ area: '本机负载', measure: `1 分钟平均负载（${os.cpus().length} 核）`, value: os.loadavg()[0].toFixed(1), goal: '安静时再测' }]
  try {
    // One-time costs of the first invocation in the process (thread pool, database connection)
    // go to a tiny test function, not to whichever real function happens to come first.
    await invoke('whoami', DEFAULT_PROBE)
    for (const [i, fn] of deployable().entries()) {
      const probe = PROBES[fn] ?? DEFAULT_PROBE
      const cold = await invoke(fn, probe)
      const warm: number[] = []
      for (let k = 0; k < WARM_CALLS; k++) warm.push((await invoke(fn, probe)).took)
      const deps = runtimeDependencies(fn)
      rows.push({
        area: i === 0 ? '云函数冷启动（本地云，新实例）' : '',
        measure: `${fn}.${String(probe.data.action)}：包 ${kb(fs.statSync(path.join(built, fn, 'index.js')).size)}${deps.length ? ` + ${deps.join('、')}` : ''}`,
        value: `首次 ${ms(cold.took)} · 热 p50 ${ms(percentile(warm, 50))}（${cold.answer}）`,
        goal: `首次 ≤ ${GOAL_MS} ms`,
      })
    }
  } finally {
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
  }
  const deps = [...new Set(deployable().flatMap(runtimeDependencies))].sort()
  deps.forEach((dep, i) => rows.push({
    area: i === 0 ? '运行时依赖的加载时间（新 Node 进程里 require）' : '',
    measure: dep,
    value: ms(requireMs(dep)),
    goal: '只在用到它的动作里 await import()',
  }))
  rows.push({ area: '', measure: 'wx-server-sdk', value: ms(requireMs('wx-server-sdk')), goal: '每个函数都要加载' })
  return rows
}
