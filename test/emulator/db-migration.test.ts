/**
 * A data folder written before ids kept their type (`_id text`) still opens: `npm start` reuses
 * `.local-cloud/`, so its string ids must come back unchanged and the new numeric ids must work next
 * to them. Runs its own local cloud on a folder laid out the old way (or on the server's database,
 * with LOCAL_CLOUD_DATABASE_URL).
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectLocalSdk } from '../../emulator/sdk-env'
import { spawnLocalCloud } from '../../emulator/spawn'
import { schemaName } from '../../emulator/db/schema'

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-migration-'))
const env = `legacy-${crypto.randomBytes(4).toString('hex')}`
const databaseUrl = process.env.LOCAL_CLOUD_DATABASE_URL || undefined

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }))

/**
 * The layout schema.ts created before this change, with one document in it. Written by a child
 * process: PGlite is ESM-only and jest cannot import it.
 */
function writeOldLayout(): void {
  const script = path.join(dataRoot, 'old-layout.ts')
  fs.writeFileSync(script, `
    import { openEngine } from ${JSON.stringify(path.resolve(__dirname, '../../emulator/db/engine'))}
    import { schemaName, tableRef } from ${JSON.stringify(path.resolve(__dirname, '../../emulator/db/schema'))}
    const env = ${JSON.stringify(env)}
    void (async () => {
      const engine = await openEngine({ dataDir: ${JSON.stringify(path.join(dataRoot, 'pgdata'))}, databaseUrl: process.env.OLD_LAYOUT_URL || undefined })
      await engine.exec(\`CREATE SCHEMA "\${schemaName(env)}"\`)
      await engine.exec(\`CREATE TABLE \${tableRef(env, 'conformance_items')} (_id text PRIMARY KEY, seq bigserial NOT NULL, doc jsonb NOT NULL)\`)
      await engine.query(\`INSERT INTO \${tableRef(env, 'conformance_items')} (_id, doc) VALUES ('1', '{"name": "旧"}'::jsonb)\`)
      await engine.close()
    })()
  `)
  execFileSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, OLD_LAYOUT_URL: databaseUrl ?? '' }, stdio: 'pipe' })
}

it('opens a data folder whose ids were stored as text, keeping them as strings', async () => {
  writeOldLayout()
  const cloud = await spawnLocalCloud({ dataRoot, env, databaseUrl, functionsDirs: [path.join(dataRoot, 'no-functions')] })
  try {
    const { db } = connectLocalSdk(cloud.adminUrl, env)
    expect((await db.collection('conformance_items').doc('1').get()).data).toEqual({ _id: '1', name: '旧' })
    await db.collection('conformance_items').add({ data: { _id: 1, name: '新' } })
    expect((await db.collection('conformance_items').doc(1).get()).data).toEqual({ _id: 1, name: '新' })
    expect((await db.collection('conformance_items').count()).total).toBe(2)
  } finally {
    await cloud.stop()
    // On a server the schema outlives the cloud; the test's env name is its own, so drop it.
    if (databaseUrl) {
      const { Client } = require('pg') as typeof import('pg')
      const client = new Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS "${schemaName(env)}" CASCADE`).finally(() => client.end())
    }
  }
}, 120_000)
