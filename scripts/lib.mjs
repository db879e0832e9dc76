// Small helpers shared by start.mjs and test.mjs (plain Node, so they run before anything is installed).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { referenceWorkMs } from './host-reference.mjs'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Runs a command with inherited output; exits the script with its code if it fails. */
export function run(label, cmd, args, env = {}) {
  const started = Date.now()
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  if (r.status !== 0) {
    console.error(`✖ ${label} 失败（${secs} s）`)
    process.exit(r.status ?? 1)
  }
  console.log(`✔ ${label}（${secs} s）`)
}

/** Newest modification time under the given paths (files or folders), skipping node_modules. */
export function newestMtime(paths) {
  let newest = 0
  const walk = (p) => {
    if (!fs.existsSync(p)) return
    const st = fs.statSync(p)
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name))
    } else newest = Math.max(newest, st.mtimeMs)
  }
  for (const p of paths) walk(path.join(root, p))
  return newest
}

export function isStale(output, inputs) {
  const out = path.join(root, output)
  return !fs.existsSync(out) || fs.statSync(out).mtimeMs < newestMtime(inputs)
}

/**
 * Installs dependencies when node_modules is missing or older than the lockfile — with `npm ci`,
 * which installs exactly the lockfile and never rewrites package.json or package-lock.json.
 */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.package-lock.json')
  const lock = path.join(root, 'package-lock.json')
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return
  run('安装依赖（npm ci，严格按 package-lock.json）', 'npm', ['ci', '--no-audit', '--no-fund'])
}

export const npx = (bin) => path.join(root, 'node_modules/.bin', bin)

/**
 * Runs steps side by side, each when the steps it `needs` have passed (and the steps it comes
 * `after`, when they are part of the run, have finished), at most `parallel` at once, in the order
 * given; output goes to build/test-logs/<id>.log and a failing step's last lines are printed. A step
 * whose prerequisite failed is skipped. Answers whether every step passed.
 */
/** No step may run longer than this (seconds): a hung test fails the run with its log instead of eating CI's hours. */
const stepLimitSec = Number(process.env.TEST_STEP_LIMIT ?? 2700)

/** Linux counts CPU time in /proc (stat of a process, and /proc/stat) in USER_HZ ticks: 100 a second. */
const USER_HZ = 100

/**
 * The whole machine's CPU counters (Linux /proc/stat: busy and all jiffies), or null elsewhere. Over a
 * run they tell whether the suite waited on anything: a machine busy all the time is CPU-bound, and
 * its wall time is its work ÷ cores on whatever host it gets (a slow day is then the host's speed).
 */
function machineCpu() {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
    const n = fields.map(Number)
    const idle = n[3] + (n[4] ?? 0)
    const all = n.slice(0, 8).reduce((a, b) => a + b, 0)
    return { busy: all - idle, all }
  } catch {
    return null
  }
}

/**
 * A step's command wrapped so its CPU time can be read when it ends: on Linux the step runs under a
 * shell that, once the command is done, copies its own /proc stat — whose cutime/cstime hold the
 * user and system CPU of every process the step started and waited for (jest, its workers, local
 * clouds; not Chromium, whose processes end up outside — see machineBusySec). On a CPU-bound run this, not the wall time, is what a change to a step saves;
 * wall times of steps that share the cores move with their neighbours. Elsewhere: the plain command.
 */
function accountedCommand([cmd, args], statFile) {
  if (!fs.existsSync('/proc/self/stat')) return [cmd, args]
  return ['/bin/sh', ['-c', '"$@"; rc=$?; cat /proc/$$/stat > "$STEP_STAT_FILE"; exit $rc', 'step', cmd, ...args], { STEP_STAT_FILE: statFile }]
}

/** CPU seconds (user + system) of what the wrapped step waited for, or null when not measured. */
function stepCpuSec(statFile) {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[13]) + Number(fields[14])) / USER_HZ
  } catch {
    return null
  } finally {
    fs.rmSync(statFile, { force: true })
  }
}

/** `skipped`: labels of the suite's steps this run left out (`npm test -- unit`): its wall time is then not the suite's. */
export async function runSteps(steps, { parallel = 3, skipped = [] } = {}) {
  const logDir = path.join(root, 'build/test-logs')
  fs.mkdirSync(logDir, { recursive: true })
  const state = new Map(steps.map((s) => [s.id, 'waiting']))
  const times = new Map()
  const cpu = new Map()
  const started = Date.now()
  const cpuBefore = machineCpu()
  const referenceBefore = referenceWorkMs()
  let running = 0
  const clock = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`

  await new Promise((done) => {
    const pump = () => {
      for (const step of steps) {
        if (state.get(step.id) !== 'waiting') continue
        const needs = step.needs ?? []
        if (needs.some((n) => state.get(n) === 'failed' || state.get(n) === 'skipped')) {
          state.set(step.id, 'skipped')
          console.log(`${clock()}  ⊘ ${step.label}（前置步骤失败，跳过）`)
          continue
        }
        const before = (step.after ?? []).filter((a) => state.has(a))
        if (before.some((a) => state.get(a) === 'waiting' || state.get(a) === 'running')) continue
        if (running >= parallel || !needs.every((n) => state.get(n) === 'passed')) continue
        start(step)
      }
      if (running === 0 && [...state.values()].every((v) => v !== 'waiting' && v !== 'running')) done()
    }
    const start = (step) => {
      running++
      state.set(step.id, 'running')
      const t0 = Date.now()
      console.log(`${clock()}  ▶ ${step.label}`)
      const log = path.join(logDir, `${step.id}.log`)
      const out = fs.openSync(log, 'w')
      const statFile = path.join(logDir, `${step.id}.stat`)
      const [cmd, args, accountEnv] = accountedCommand(step.cmd, statFile)
      // detached: the step is its own process group, so an overrun kills it with everything it started.
      const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', out, out], detached: true, env: { ...process.env, FORCE_COLOR: '0', ...(step.env ?? {}), ...accountEnv } })
      let overran = false
      const limit = setTimeout(() => {
        overran = true
        fs.appendFileSync(log, `\n本步骤超过 ${stepLimitSec} s 未结束，已终止（TEST_STEP_LIMIT 可调）。\n`)
        try { process.kill(-child.pid, 'SIGKILL') } catch { /* already gone */ }
      }, stepLimitSec * 1000)
      child.on('exit', (code) => {
        clearTimeout(limit)
        if (overran) code = 1
        fs.closeSync(out)
        running--
        const secs = (Date.now() - t0) / 1000
        times.set(step.id, secs)
        cpu.set(step.id, stepCpuSec(statFile))
        if (code === 0) {
          state.set(step.id, 'passed')
          console.log(`${clock()}  ✔ ${step.label}（${secs.toFixed(1)} s）`)
        } else {
          state.set(step.id, 'failed')
          const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-80).join('\n')
          console.error(`${clock()}  ✖ ${step.label} 失败（${secs.toFixed(1)} s），日志 ${path.relative(root, log)} 的最后几行：\n${tail}`)
        }
        pump()
      })
    }
    pump()
  })

  const wallSec = (Date.now() - started) / 1000
  const cpuAfter = machineCpu()
  const referenceMs = [referenceBefore, referenceWorkMs()].map((ms) => Math.round(ms))
  const cores = os.cpus().length
  const busyShare = cpuBefore && cpuAfter ? (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.all - cpuBefore.all) : null
  // The rest of the machine's busy time: processes no step waited for — the PostgreSQL server (~79 s
  // in a server step measured alone) and Chromium (~129 s of 124 processes in a browser step alone,
  // none of it in the step's figure) — this runner, and the rest of the host.
  const machineBusySec = cpuBefore && cpuAfter ? (cpuAfter.busy - cpuBefore.busy) / USER_HZ : null
  // What `npm run bench -- suite` prints beside the test-suite goal: this run's wall time and each step's.
  fs.writeFileSync(path.join(logDir, 'summary.json'), JSON.stringify({
    finishedAt: new Date().toISOString(), wallSec, parallel, skipped, machine: { cores, busyShare, busyCpuSec: machineBusySec, referenceMs },
    steps: steps.map((s) => ({ id: s.id, label: s.label, secs: times.get(s.id) ?? null, cpuSecs: cpu.get(s.id) ?? null, state: state.get(s.id) })),
  }, null, 2))
  const cpuTotal = [...cpu.values()].reduce((a, b) => a + (b ?? 0), 0)
  console.log(`\n用时（墙钟 ${wallSec.toFixed(0)} s；各步骤等到的进程 CPU 合计 ${cpuTotal.toFixed(0)} s${machineBusySec === null ? '' : `，本机忙 CPU 合计 ${machineBusySec.toFixed(0)} s`}）：`)
  for (const step of steps) {
    const stepCpu = cpu.get(step.id)
    console.log(`  ${step.label.padEnd(28)} ${times.has(step.id) ? `${times.get(step.id).toFixed(1)} s` : state.get(step.id)}${stepCpu == null ? '' : `，CPU ${stepCpu.toFixed(0)} s`}`)
  }
  if (busyShare !== null) console.log(`本机 ${cores} 核在这段时间里忙 ${(busyShare * 100).toFixed(0)}%（接近 100% 时套件受 CPU 限制：墙钟 ≈ 总工作量 ÷ 核数，慢的一天是主机慢）`)
  console.log(`主机快慢参考：同一份固定计算开始时 ${referenceMs[0]} ms、结束时 ${referenceMs[1]} ms（越大主机越慢；比较两次运行先看它）`)
  return [...state.values()].every((v) => v === 'passed')
}
