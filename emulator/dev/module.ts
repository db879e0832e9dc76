/**
 * Local-only conveniences: seeding the demo union (first `npm start`, `npm run seed:reset`).
 * The seed writes through the real wx-server-sdk against this same local cloud.
 */
import type { LocalCloudModule } from '../modules'
import type { LocalCloud } from '../server'
import type { DatabaseModule } from '../db/module'
import { readJson, sendJson } from '../http'
import { connectLocalSdk } from '../sdk-env'

export async function seedEnvironment(cloud: LocalCloud, envName: string, reset: boolean): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if (reset) await cloud.module<DatabaseModule>('database').dropEnvironment(envName)
  const { db } = connectLocalSdk(cloud.adminUrl, envName)
  const { seedDemoData } = await import('../seed')
  return seedDemoData(db, { reset })
}

export function devModule(): LocalCloudModule {
  return {
    name: 'dev',
    routes: [{
      method: 'POST',
      prefix: '/local/seed',
      async handler(req, res, _url, cloud) {
        const body = await readJson<{ env?: string; reset?: boolean }>(req)
        const out = await seedEnvironment(cloud, body.env ?? cloud.options.defaultEnv, Boolean(body.reset))
        sendJson(res, 200, out)
      },
    }],
  }
}
