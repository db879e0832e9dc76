import fs from 'node:fs'
import path from 'node:path'
import { schemaName } from '../../emulator/db/schema'
import { RUN_ENVIRONMENTS } from './cloud'

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as any).__LOCAL_CLOUD__
  if (!state) return
  const readingTwice = await actionsReadingTwice()
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
  if (readingTwice.length) {
    throw new Error(`这些动作在一次调用里把同一条记录读了两次（#18：多一次往返）：\n${readingTwice.join('\n')}\n` +
      '用 LOCAL_CLOUD_DEBUG=1 LOCAL_CLOUD_LOG_REPEATED_READS=1 重跑可看到是哪些记录（docs/local-cloud.md）。')
  }
}

/**
 * Every action that, in some invocation of this run, read a document by id twice outside a
 * transaction and without a lost race between (emulator/functions/usage.ts): one run of the cloud
 * layer guards all of them, not only those a test asserts on. The test fixtures' own functions
 * are left out: usage.test.ts makes one read twice on purpose.
 */
async function actionsReadingTwice(): Promise<string[]> {
  // A local cloud that died has already failed its tests: stop it all the same.
  const byAction = (await fetch(`${process.env.LOCAL_CLOUD_URL}/local/repeated-reads`).then((r) => r.json()).catch(() => ({}))) as Record<string, number>
  const fixtures = new Set(fs.readdirSync(path.join(__dirname, '../fixtures/cloudfunctions')))
  return Object.entries(byAction)
    .filter(([action]) => !fixtures.has(action.split('.')[0]))
    .map(([action, n]) => `  ${action}：${n} 次调用`)
}
