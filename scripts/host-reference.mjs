// The host's speed, for comparing runs (test.mjs prints it beside the suite; bench prints it beside the bursts).
import crypto from 'node:crypto'

/**
 * A fixed piece of single-threaded work (JSON and hashing, as the suite's processes mostly do), timed
 * in ms on an idle machine: the fastest of 5 rounds, as one round alone varied by ±20 %. The same
 * suite's wall time moved by a third within a day on the same machine (703 s against 961 s) while
 * its steps and files stayed the same: the host's speed changes. Timed before and after the run,
 * this says which kind of day a run had, so runs compare fairly.
 */
export function referenceWorkMs() {
  const doc = { rows: Array.from({ length: 2000 }, (_, i) => ({ id: `m-${i}`, name: `会员${i}`, tags: ['a', 'b', 'c'], n: i })) }
  const block = Buffer.alloc(1 << 20, 7)
  const round = () => {
    const start = process.hrtime.bigint()
    for (let i = 0; i < 40; i++) JSON.parse(JSON.stringify(doc))
    for (let i = 0; i < 64; i++) crypto.createHash('sha256').update(block).digest()
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  return Math.min(...Array.from({ length: 5 }, round))
}
