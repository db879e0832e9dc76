/**
 * Starts ONE local cloud for the whole run (PGlite lets one process own a data folder); test
 * files isolate themselves by environment name, not by new engines. With
 * LOCAL_CLOUD_DATABASE_URL set, the same suite runs on a PostgreSQL server.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnLocalCloud } from '../../emulator/spawn'

export default async function globalSetup(): Promise<void> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-test-cloud-'))
  // The default environment (the gateway's, app uploads') is this run's own: on a shared PostgreSQL
  // server a fixed name was shared by every run, and one run's teardown dropped it under another's
  // gateway tests (seen as 1 database request counted for 3: the function's first read failed).
  const defaultEnv = `t-default-${crypto.randomBytes(4).toString('hex')}`
  const cloud = await spawnLocalCloud({ dataRoot, env: defaultEnv, setupCode: '246810', databaseUrl: process.env.LOCAL_CLOUD_DATABASE_URL })
  cloud.child.stdout!.resume()
  // The local cloud's stall lines (emulator/stall-log.ts) go into the step's log: a test that met an
  // SDK "request timeout" then says whether the cloud waited on the database or did not run at all.
  cloud.child.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.startsWith('[local-cloud] slow') || line.startsWith('[local-cloud] main thread')) process.stderr.write(`${line}\n`)
  })
  process.env.LOCAL_CLOUD_URL = cloud.url
  process.env.LOCAL_CLOUD_ADMIN_URL = cloud.adminUrl
  process.env.LOCAL_CLOUD_DATA_ROOT = dataRoot
  process.env.LOCAL_CLOUD_DEFAULT_ENV = defaultEnv
  ;(globalThis as any).__LOCAL_CLOUD__ = { stop: cloud.stop, dataRoot }
}
