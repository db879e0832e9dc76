/**
 * npm run bench: one table of measured figures (nothing here asserts; tests never time anything).
 *   npm run bench            local cloud + every domain + app package sizes + h5 first screen
 *   npm run bench -- cloud   only the local cloud (or: notice, activity, welfare, opinion, member, poll, lists, app)
 *   npm run bench -- cold    each cloud function's first answer on a new instance, and warm
 *   npm run bench -- profile the local cloud's main thread during two bursts: top entries by own time
 *   npm run bench -- suite   the last npm test's wall time and steps beside the goal, and its slowest files
 * A domain benchmark is bench/<domain>.ts exporting `bench(): Promise<Row[]>`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { referenceWorkMs } from '../scripts/host-reference.mjs'
import { cloudBench } from './cloud'
import type { Row } from './stats'

const DOMAINS = ['notice', 'activity', 'welfare', 'opinion', 'member', 'poll', 'lists']

async function main(): Promise<void> {
  const only = process.argv[2]
  const rows: Row[] = []
  // Timed figures move with the host's speed (by half within one day here): this says which kind of hour a run had.
  const referenceBefore = referenceWorkMs()
  if (!only || only === 'cloud') rows.push(...(await cloudBench()))
  if (!only || only === 'cold') {
    const { coldStartBench } = await import('./cold-start')
    rows.push(...(await coldStartBench()))
  }
  for (const domain of DOMAINS) {
    if ((only && only !== domain) || !fs.existsSync(path.join(__dirname, `${domain}.ts`))) continue
    const mod = (await import(`./${domain}`)) as { bench(): Promise<Row[]> }
    rows.push(...(await mod.bench()))
  }
  if (only === 'profile') {
    const { bench } = await import('./profile')
    rows.push(...(await bench()))
  }
  if (!only || only === 'suite') {
    const { suiteBench } = await import('./suite')
    rows.push(...(await suiteBench()))
  }
  if (!only || only === 'app') {
    const { appBench } = await import('./app')
    rows.push(...(await appBench()))
  }
  rows.push({ area: '主机', measure: '主机快慢参考：固定计算（开始 / 结束）', value: `${Math.round(referenceBefore)} ms / ${Math.round(referenceWorkMs())} ms`, goal: '越大主机越慢：比较两次运行先看它' })
  const width = (k: keyof Row) => Math.max(...rows.map((r) => displayWidth(r[k] ?? '')), 4)
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)))
  const cols: Array<keyof Row> = ['area', 'measure', 'value', 'goal']
  console.log('\n' + cols.map((c) => pad({ area: '部分', measure: '指标', value: '测得', goal: '目标' }[c], width(c))).join(' | '))
  for (const r of rows) console.log(cols.map((c) => pad(r[c] ?? '', width(c))).join(' | '))
  process.exit(0)
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
