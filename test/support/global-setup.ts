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
import { setTestRunCloudFlags } from './cloud-flags'

/**
 * Instances stay warm for the whole run, as WeChat keeps a function's instances while they are in
 * use. With the local cloud's defaults (12 instances across all functions, stopped after 60 s idle),
 * two test files at once over 8 functions and the fixtures kept evicting each other's instances: a
 * server-step run started 231 instances, each ~0.55 s of CPU loading wx-server-sdk (measured), about
 * a fifth of the step's CPU. With these limits the same run starts ~110 (the rest are first starts,
 * more than one instance of a function, and instances tests stop on purpose), and the step used 13 %
 * less CPU back to back (516 → 447 s). Memory: the run's cloud reached ~1.4 GB (~35 MB an instance).
 * Clouds the test files start themselves inherit this.
 */
const WARM_FOR_THE_RUN = { LOCAL_CLOUD_INSTANCES_TOTAL: '40', LOCAL_CLOUD_INSTANCE_IDLE_MS: '600000' }

export default async function globalSetup(): Promise<void> {
  for (const [name, value] of Object.entries(WARM_FOR_THE_RUN)) process.env[name] ??= value
  setTestRunCloudFlags()
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
