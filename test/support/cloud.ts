/**
 * Helpers for tests that talk to the run's local cloud through the real wx-server-sdk.
 * Each test file takes its own environment, so files run in parallel without seeing each
 * other's data.
 */
import crypto from 'node:crypto'
import { connectLocalSdk } from '../../emulator/sdk-env'

export function localCloudUrl(): string {
  const url = process.env.LOCAL_CLOUD_URL
  if (!url) throw new Error('LOCAL_CLOUD_URL is not set: run this test in the "cloud" jest project')
  return url
}

export function newEnvName(label: string): string {
  return `t-${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 20)}-${crypto.randomBytes(4).toString('hex')}`
}

/** A wx-server-sdk instance bound to one environment (the same SDK the functions use). */
export function sdkFor(envName: string) {
  const adminUrl = process.env.LOCAL_CLOUD_ADMIN_URL
  if (!adminUrl) throw new Error('LOCAL_CLOUD_ADMIN_URL is not set: run this test in the "cloud" jest project')
  return { ...connectLocalSdk(adminUrl, envName), envName }
}
