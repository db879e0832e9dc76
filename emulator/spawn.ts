/**
 * Starts the local cloud in a child process (tests, benchmarks, durability checks) and waits
 * until it listens. A child keeps its worker threads and the database's memory out of the
 * caller's process, and can be killed to test durability.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface SpawnedCloud {
  child: ChildProcess
  url: string
  adminUrl: string
  /** Ends it in order (SIGTERM: the database is flushed) and waits until it has exited. */
  stop(): Promise<void>
  /** Ends it at once (SIGKILL, as a crash would) and waits until it has exited. */
  kill(): Promise<void>
}

export interface SpawnOptions {
  dataRoot: string
  env?: string
  functionsDirs?: string[]
  h5Dir?: string
  databaseUrl?: string
  seed?: boolean
  setupCode?: string
  /** print the cloud's stderr (LOCAL_CLOUD_DEBUG=1 does too) */
  verbose?: boolean
  /** extra node flags for the cloud process, e.g. --cpu-prof for the benchmark's profile */
  nodeArgs?: string[]
}

const root = path.resolve(__dirname, '..')

export function spawnLocalCloud(opts: SpawnOptions): Promise<SpawnedCloud> {
  const functionsDirs = opts.functionsDirs ?? [path.join(root, 'build/cloudfunctions'), path.join(root, 'build/test-cloudfunctions')]
  // LOCAL_CLOUD_NODE_ARGS: node flags for every cloud started here (a test run sets them: test/support/cloud-flags.ts).
  const flagsFromEnv = (process.env.LOCAL_CLOUD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)
  const args = [...flagsFromEnv, ...(opts.nodeArgs ?? []), '--import', 'tsx', path.join(root, 'emulator/cli.ts'), 'serve', '--port', '0', '--data', opts.dataRoot,
    '--functions', functionsDirs.join(path.delimiter), '--no-timers', '--env', opts.env ?? 'test-default', '--ready-json',
    ...(opts.h5Dir ? ['--h5', opts.h5Dir] : ['--no-h5']), ...(opts.seed ? ['--seed'] : []), ...(opts.setupCode ? ['--setup-code', opts.setupCode] : [])]
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOCAL_CLOUD_DATABASE_URL: opts.databaseUrl ?? '' },
  })
  const verbose = opts.verbose || Boolean(process.env.LOCAL_CLOUD_DEBUG)
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`local cloud did not start in 120 s\n${err}`)) }, 120_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'))
      if (!line) return
      clearTimeout(timer)
      out = ''
      const ready = JSON.parse(line)
      resolve({ child, url: ready.url, adminUrl: ready.adminUrl, stop: () => ended(child, 'SIGTERM'), kill: () => ended(child, 'SIGKILL') })
    })
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); if (verbose) process.stderr.write(d) })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`local cloud exited (${code})\n${err}`)) })
  })
}

/** Sends `signal` unless the child has exited already, and resolves once it has. */
function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((done) => {
    // A child killed by a signal has exitCode null and signalCode set: it has exited too, and
    // waiting for an 'exit' that already fired would hang the caller for good.
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill(signal)
  })
}
