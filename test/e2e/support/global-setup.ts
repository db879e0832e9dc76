/**
 * Seeds the demo data once per run, into a data folder each e2e file's local cloud starts from a
 * copy of (demo-cloud.ts): seeding was 2.6 s of a file's 4.5 s start, once per file. The folder is a
 * local cloud's own (its database, files, setup code and APP_SECRET together — receipt codes are keyed
 * by that secret), left by a cloud that stopped in order, so its database is flushed. The demo data
 * is dated by day, so a seed a few minutes old is the seed a file would have made.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnLocalCloud } from '../../../emulator/spawn'
import { setTestRunCloudFlags } from '../../support/cloud-flags'

export default async function globalSetup(): Promise<void> {
  setTestRunCloudFlags()
  const seeded = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-e2e-seeded-'))
  const cloud = await spawnLocalCloud({ dataRoot: seeded, env: 'local', seed: true })
  cloud.child.stdout!.resume()
  await cloud.stop()
  process.env.E2E_SEEDED_DATA = seeded
}
