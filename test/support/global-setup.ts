/**
 * Starts ONE local cloud for the whole run (PGlite lets one process own a data folder); test
 * files isolate themselves by environment name, not by new engines. The cloud runs in a child
 * process so its worker threads and the database's memory stay out of jest's workers.
 * With LOCAL_CLOUD_DATABASE_URL set, the same suite runs on a PostgreSQL server.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

export default async function globalSetup(): Promise<void> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-test-cloud-'))
  const functions = [path.join(root, 'build/cloudfunctions'), path.join(root, 'build/test-cloudfunctions')].join(path.delimiter)
  const args = ['--import', 'tsx', path.join(root, 'emulator/cli.ts'), 'serve', '--port', '0', '--data', dataRoot,
    '--functions', functions, '--no-timers', '--no-h5', '--env', 'test-default', '--setup-code', '246810', '--ready-json']
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } })
  const ready = await new Promise<{ url: string; adminUrl: string }>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`local cloud did not start in 120 s\n${err}`)), 120_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'))
      if (line) { clearTimeout(timer); resolve(JSON.parse(line)) }
    })
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); if (process.env.LOCAL_CLOUD_DEBUG) process.stderr.write(d) })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`local cloud exited (${code})\n${err}`)) })
  })
  child.stdout.resume()
  process.env.LOCAL_CLOUD_URL = ready.url
  process.env.LOCAL_CLOUD_ADMIN_URL = ready.adminUrl
  process.env.LOCAL_CLOUD_DATA_ROOT = dataRoot
  ;(globalThis as any).__LOCAL_CLOUD__ = { child, dataRoot }
}
