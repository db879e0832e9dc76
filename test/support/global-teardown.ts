import fs from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as any).__LOCAL_CLOUD__
  if (!state) return
  await state.stop()
  fs.rmSync(state.dataRoot, { recursive: true, force: true })
  const url = process.env.LOCAL_CLOUD_DATABASE_URL
  if (url) {
    // Test environments are throwaway schemas (env_t_…) on the shared server: drop them.
    const { Client } = require('pg')
    const client = new Client({ connectionString: url })
    await client.connect()
    const r = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'env\\_t\\_%' OR nspname LIKE 'env\\_test\\_default\\_%'")
    for (const row of r.rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`)
    await client.end()
  }
}
