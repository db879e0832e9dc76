import path from 'node:path'
import { buildSync } from 'esbuild'

let cached: string | undefined

/**
 * The worker's code as one CommonJS string. Workers start from it with `eval: true` and no
 * execArgv, so they skip the tsx loader (and its extra hooks thread) the cloud process runs under.
 */
export function workerSource(): string {
  if (cached) return cached
  const out = buildSync({
    entryPoints: [path.join(__dirname, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    write: false,
    logLevel: 'error',
  })
  cached = out.outputFiles[0].text
  return cached
}
