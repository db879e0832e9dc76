/**
 * npm run bench -- profile: where the local cloud's main thread spends its time — a V8 CPU profile
 * of the cloud process during the 1,000-invocation increment burst and the 1,000-person sign-up
 * burst, as the top entries by own time (what the issue's "profile the endpoint" asks to show).
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
  samples: number[]
  timeDeltas: number[]
}

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

/** Own time per function (or per module, `byFile`) over the profile's last `windowMs` (the burst, not the start-up). */
function topEntries(profile: CpuProfile, windowMs: number, byFile: boolean): Array<{ name: string; ms: number; share: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const end = profile.timeDeltas.reduce((a, b) => a + b, 0)
  const from = end - windowMs * 1000
  const own = new Map<string, number>()
  let total = 0
  let t = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    t += dt
    if (t < from) return
    const f = byId.get(id)!.callFrame
    const name = byFile ? fileOf(f) : `${f.functionName || '(匿名)'}${f.url ? ` ${shortUrl(f.url).split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : ''}`
    own.set(name, (own.get(name) ?? 0) + dt)
    total += dt
  })
  return [...own].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }))
}

async function profiled(label: string, run: (cloud: { url: string; adminUrl: string; pid: number }) => Promise<{ wallMs: number; cpuMs: number }>): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-profile-'))
  let wallMs = 0
  let cpuMs = 0
  await withCloud(async (cloud) => { ({ wallMs, cpuMs } = await run(cloud)) }, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
  // The main thread's profile is the one whose name ends in .0.001 (thread 0, first profile).
  const file = fs.readdirSync(dir).find((f) => f.includes('.0.001.'))
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file!), 'utf8')) as CpuProfile
  fs.rmSync(dir, { recursive: true, force: true })
  const entries = [...topEntries(profile, wallMs, true).slice(0, 8), ...topEntries(profile, wallMs, false)]
  return entries.map((e, i) => ({
    area: i === 0 ? `剖析：${label}（墙钟 ${(wallMs / 1000).toFixed(1)} s，CPU ${(cpuMs / 1000).toFixed(1)} s）` : i === 8 ? '  其中按函数' : '',
    measure: e.name,
    value: `${e.ms.toFixed(0)} ms（${(e.share * 100).toFixed(1)}%）`,
  }))
}

export async function bench(): Promise<Row[]> {
  return [
    ...(await profiled('1,000 次条件自增', (cloud) => incrementBurst(cloud))),
    ...(await profiled('1,000 人同时报名', (cloud) => signupBurst(cloud))),
  ]
}
