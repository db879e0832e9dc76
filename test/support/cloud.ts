/**
 * Helpers for tests that talk to the run's local cloud through the real wx-server-sdk.
 * Each test file takes its own environment, so files run in parallel without seeing each
 * other's data.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { connectLocalSdk } from '../../emulator/sdk-env'

export function localCloudUrl(): string {
  const url = process.env.LOCAL_CLOUD_URL
  if (!url) throw new Error('LOCAL_CLOUD_URL is not set: run this test in the "cloud" jest project')
  return url
}

/** The run's default environment: where the gateway's calls and the app's uploads land (global-setup.ts). */
export function defaultEnvName(): string {
  const env = process.env.LOCAL_CLOUD_DEFAULT_ENV
  if (!env) throw new Error('LOCAL_CLOUD_DEFAULT_ENV is not set: run this test in the "cloud" jest project')
  return env
}

/**
 * A fresh environment for one test file. Its name is recorded in the run's data folder, so the run's
 * teardown drops exactly the environments it made — never those of another run on the same server.
 */
export function newEnvName(label: string): string {
  const name = `t-${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 20)}-${crypto.randomBytes(4).toString('hex')}`
  const dataRoot = process.env.LOCAL_CLOUD_DATA_ROOT
  if (dataRoot) fs.appendFileSync(path.join(dataRoot, RUN_ENVIRONMENTS), `${name}\n`)
  return name
}

/** The file (in the run's data folder) listing the environments the run's test files made. */
export const RUN_ENVIRONMENTS = 'test-environments.txt'

/** A wx-server-sdk instance bound to one environment (the same SDK the functions use). */
export function sdkFor(envName: string) {
  const adminUrl = process.env.LOCAL_CLOUD_ADMIN_URL
  if (!adminUrl) throw new Error('LOCAL_CLOUD_ADMIN_URL is not set: run this test in the "cloud" jest project')
  return { ...connectLocalSdk(adminUrl, envName), envName }
}
