/**
 * npm run bench -- suite: the test suite's figures beside its goal, from the last `npm test` in this
 * checkout (build/test-logs: summary.json that scripts/lib.mjs writes, and each step's jest log).
 * Running the suite here would take as long as the suite; this reads what it measured.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Row } from './stats'

const LOGS = path.resolve(__dirname, '../build/test-logs')
const GOAL_SEC = 12 * 60
/** slowest test files listed (jest prints a file's time when it took 5 s or more) */
const TOP_FILES = 10

interface Summary {
  finishedAt: string
  wallSec: number
  parallel: number
  /** the suite's steps that run left out (`npm test -- unit`); absent in older summaries */
  skipped?: string[]
  /** the whole machine's share of busy CPU over the run (scripts/lib.mjs), when the OS tells */
  machine?: { cores: number; busyShare: number | null; busyCpuSec?: number | null; referenceMs?: [number, number] }
  /** cpuSecs: CPU of everything the step ran and waited for (Linux), absent in older summaries */
  steps: Array<{ id: string; label: string; secs: number | null; cpuSecs?: number | null; state: string }>
}

/** Test files and their times from one jest log: "PASS cloud test/functions/x.test.ts (12.3 s)". */
function fileTimes(log: string): Array<{ file: string; secs: number }> {
  const out: Array<{ file: string; secs: number }> = []
  for (const m of log.matchAll(/^(?:PASS|FAIL)\s+(?:\S+\s+)?(test\/\S+)\s+\((\d+(?:\.\d+)?) s\)/gm)) out.push({ file: m[1], secs: Number(m[2]) })
  return out
}

export async function suiteBench(): Promise<Row[]> {
  const file = path.join(LOGS, 'summary.json')
  if (!fs.existsSync(file)) return [{ area: '测试套件', measure: '上一次 npm test', value: '没有记录（先运行 npm test）', goal: `≤ ${GOAL_SEC / 60} min` }]
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Summary
  // A run of some steps only (`npm test -- e2e`) is no measure of the suite: say so instead of setting it beside the goal.
  const partial = (s.skipped ?? []).length > 0
  const rows: Row[] = [{
    area: `测试套件（${s.finishedAt.slice(0, 16).replace('T', ' ')} UTC，${s.parallel} 步并行）`,
    measure: partial ? 'npm test 墙钟时间（只跑了部分步骤）' : 'npm test 墙钟时间',
    value: `${s.wallSec.toFixed(0)} s`,
    goal: partial ? `不与 ≤ ${GOAL_SEC} s 比较：没跑 ${s.skipped!.join('、')}` : `≤ ${GOAL_SEC} s（12 min）`,
  }]
  if (s.machine?.busyShare != null) {
    rows.push({ area: '', measure: `本机 ${s.machine.cores} 核在这段时间里忙`, value: `${(s.machine.busyShare * 100).toFixed(0)}%`, goal: '接近 100%：受 CPU 限制，墙钟 ≈ 工作量 ÷ 核数' })
  }
  if (s.machine?.referenceMs) {
    const [before, after] = s.machine.referenceMs
    rows.push({ area: '', measure: '主机快慢参考：固定计算（开始 / 结束）', value: `${before} ms / ${after} ms`, goal: '越大主机越慢：比较两次运行先看它' })
  }
  const cpuSecs = s.steps.map((step) => step.cpuSecs).filter((c): c is number => c != null)
  if (cpuSecs.length) {
    const total = cpuSecs.reduce((a, b) => a + b, 0)
    const machineBusy = s.machine?.busyCpuSec == null ? '' : `（本机忙 ${s.machine.busyCpuSec.toFixed(0)} s，其余是步骤没有等待的进程：PostgreSQL 服务器、Chromium）`
    rows.push({ area: '', measure: '各步骤等到的进程 CPU 时间合计', value: `${total.toFixed(0)} s${machineBusy}`, goal: `本机忙 CPU ÷ ${s.machine?.cores ?? 2} 核 ≈ 受 CPU 限制时的墙钟` })
  }
  for (const step of s.steps) {
    const wall = step.secs === null ? step.state : `${step.secs.toFixed(1)} s${step.state === 'passed' ? '' : `（${step.state}）`}`
    rows.push({ area: '', measure: `  ${step.label}`, value: step.cpuSecs == null ? wall : `${wall}，CPU ${step.cpuSecs.toFixed(0)} s` })
  }
  const files = s.steps.flatMap((step) => {
    const log = path.join(LOGS, `${step.id}.log`)
    return fs.existsSync(log) ? fileTimes(fs.readFileSync(log, 'utf8')).map((f) => ({ ...f, step: step.id })) : []
  }).sort((a, b) => b.secs - a.secs).slice(0, TOP_FILES)
  files.forEach((f, i) => rows.push({ area: i === 0 ? '  最慢的测试文件' : '', measure: `  ${f.file}（${f.step}）`, value: `${f.secs.toFixed(1)} s` }))
  return rows
}
