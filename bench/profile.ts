/**
 * npm run bench -- profile: where the local cloud's CPU goes during the 1,000-invocation increment
 * burst and the 1,000-person sign-up burst — V8 CPU profiles of the cloud's main thread (HTTP,
 * runner), its database thread (endpoint, PGlite) and every function instance (the function and the
 * unmodified SDK), as busy time per thread group and top entries by own time (what the issue's
 * "profile the endpoint" asks to show). Busy time beside the burst's wall time shows which side a
 * faster burst would need to shrink: on 2 cores, the sum of all can never take less than half of itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { incrementBurst, withCloud } from './cloud'
import { signupBurst } from './activity'
import type { Row } from './stats'

const TOP = 12

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

interface Window { from: number; to: number }

function shortUrl(url: string): string {
  return url.replace(/.*node_modules\//, '').replace(/^.*?\/(emulator|bench)\//, '$1/')
}

/** A frame's module: PGlite's WebAssembly as one, a package by name, our files by path; native frames by name. */
function fileOf(f: { functionName: string; url: string }): string {
  if (f.url.startsWith('wasm://')) return 'PGlite（WebAssembly）'
  if (!f.url) return f.functionName
  const short = shortUrl(f.url)
  if (f.url.includes('node_modules/')) return short.split('/').slice(0, short.startsWith('@') ? 2 : 1).join('/')
  return short
}

const functionName = (f: CpuProfile['nodes'][number]['callFrame']) =>
  `${f.functionName || '(匿名)'}${f.url ? ` ${shortUrl(f.url).split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : ''}`

/** Own time (µs) per function or module of the samples inside `window` (profile clock, µs), added into `into`. */
function ownTimes(profile: CpuProfile, window: Window, byFile: boolean, into = new Map<string, number>()): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  let t = profile.startTime
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    t += dt
    if (t < window.from || t > window.to) return
    const f = byId.get(id)!.callFrame
    const name = byFile ? fileOf(f) : functionName(f)
    into.set(name, (into.get(name) ?? 0) + dt)
  })
  return into
}

/** Time not spent idle (µs) — what the thread used of a core. */
const busy = (own: Map<string, number>) => [...own].reduce((sum, [name, us]) => (name === '(idle)' ? sum : sum + us), 0)

/** The largest entries, as shares of all samples — or of the busy ones, without (idle), for threads mostly waiting. */
function top(own: Map<string, number>, n: number, withoutIdle = false): Array<{ name: string; ms: number; share: number }> {
  const entries = [...own].filter(([name]) => !withoutIdle || name !== '(idle)')
  const total = entries.reduce((sum, [, us]) => sum + us, 0)
  return entries.sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }))
}

const entryRows = (entries: Array<{ name: string; ms: number; share: number }>, heading: string): Row[] =>
  entries.map((e, i) => ({ area: i === 0 ? heading : '', measure: e.name, value: `${e.ms.toFixed(0)} ms（${(e.share * 100).toFixed(1)}%）` }))

async function profiled(label: string, run: (cloud: { url: string; adminUrl: string; pid: number }) => Promise<{ wallMs: number; cpuMs: number }>): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-profile-'))
  let wallMs = 0
  let cpuMs = 0
  process.env.LOCAL_CLOUD_PROFILE_INSTANCES = dir
  try {
    await withCloud(async (cloud) => { ({ wallMs, cpuMs } = await run(cloud)) }, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  } finally {
    delete process.env.LOCAL_CLOUD_PROFILE_INSTANCES
  }
  // Files are CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; the main thread is thread 0. The
  // database thread (emulator/db/thread.ts) is the one that ran its worker.ts.
  const profiles = fs.readdirSync(dir).map((f) => {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile
    const kind = /\.\d+\.0\.\d+\.cpuprofile$/.test(f) ? 'main' : profile.nodes.some((n) => n.callFrame.url.endsWith('emulator/db/worker.ts')) ? 'database' : 'instance'
    return { kind, profile }
  })
  fs.rmSync(dir, { recursive: true, force: true })
  const main = profiles.find((p) => p.kind === 'main')!.profile
  const database = profiles.find((p) => p.kind === 'database')!.profile
  // The burst is the last `wallMs` before the cloud stopped (the profiles share one clock).
  const window = { from: main.endTime - wallMs * 1000, to: main.endTime }
  const mainByFile = ownTimes(main, window, true)
  const databaseByFile = ownTimes(database, window, true)
  const instances = profiles.filter((p) => p.kind === 'instance')
  const instancesByFile = new Map<string, number>()
  for (const p of instances) ownTimes(p.profile, window, true, instancesByFile)
  const s = (us: number) => `${(us / 1e6).toFixed(1)} s`
  return [
    { area: `剖析：${label}`, measure: '墙钟时间 / 本地云进程 CPU（各线程合计）', value: `${(wallMs / 1000).toFixed(1)} s / ${(cpuMs / 1000).toFixed(1)} s` },
    { area: '', measure: '主线程忙（HTTP、运行器）', value: s(busy(mainByFile)) },
    { area: '', measure: '数据库线程忙（端点、PGlite）', value: s(busy(databaseByFile)) },
    { area: '', measure: `函数实例线程忙（${instances.length} 个线程合计：函数代码与 SDK）`, value: s(busy(instancesByFile)) },
    ...entryRows(top(mainByFile, 8), '  主线程按模块'),
    ...entryRows(top(ownTimes(main, window, false), TOP), '  主线程按函数'),
    ...entryRows(top(databaseByFile, 8), '  数据库线程按模块'),
    ...entryRows(top(ownTimes(database, window, false), TOP), '  数据库线程按函数'),
    ...entryRows(top(instancesByFile, 8, true), '  函数实例按模块（占其忙时）'),
  ]
}

export async function bench(): Promise<Row[]> {
  return [
    ...(await profiled('1,000 次条件自增', (cloud) => incrementBurst(cloud))),
    ...(await profiled('1,000 人同时报名', (cloud) => signupBurst(cloud))),
  ]
}
