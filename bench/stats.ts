import fs from 'node:fs'
import os from 'node:os'
/** Percentiles and timing helpers for the benchmark (figures are printed, never asserted). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint()
    await fn(i)
    out.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return out
}

export const ms = (v: number) => `${v.toFixed(1)} ms`

export interface Row { area: string; measure: string; value: string; goal?: string }

/**
 * The least wall time a burst that used `cpuMs` of CPU can take on this machine's cores, however
 * well it is scheduled: a wall-time goal below it needs the CPU to shrink, not more parallelism.
 */
export function cpuFloorRow(cpuMs: number, goalSeconds: number): Row {
  const cores = os.cpus().length
  return {
    area: '', measure: `同一突发在 ${cores} 核上的墙钟下限（CPU ÷ ${cores}）`, value: `${(cpuMs / cores / 1000).toFixed(2)} s`,
    goal: `达到 ≤ ${goalSeconds} s 须 CPU ≤ ${goalSeconds * cores} s`,
  }
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms — from /proc, so a burst's
 * cost can be compared across runs on a machine that is busy with other work (wall time cannot).
 */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  const ticksPerSecond = 100
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}
