import fs from 'node:fs'
import path from 'node:path'
import { schemaName } from '../../emulator/db/schema'
import { RUN_ENVIRONMENTS } from './cloud'

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as any).__LOCAL_CLOUD__
  if (!state) return
  await state.stop()
  const listed = path.join(state.dataRoot, RUN_ENVIRONMENTS)
  const made = fs.existsSync(listed) ? fs.readFileSync(listed, 'utf8').split('\n').filter(Boolean) : []
  fs.rmSync(state.dataRoot, { recursive: true, force: true })
  const url = process.env.LOCAL_CLOUD_DATABASE_URL
  if (url) {
    // Test environments are throwaway schemas on the shared server: drop the ones this run made, and
    // only those — another run (a second checkout, CI beside a developer's run) may be using its own.
    const { Client } = require('pg')
    const client = new Client({ connectionString: url })
    await client.connect()
    for (const env of new Set([...made, process.env.LOCAL_CLOUD_DEFAULT_ENV!])) await client.query(`DROP SCHEMA IF EXISTS "${schemaName(env)}" CASCADE`)
    await client.end()
  }
}
