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
