import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import { openEngine, type SqlEngine } from './engine'
import { loadManifest } from './manifest'
import { EnvironmentCatalog } from './schema'
import { DatabaseActions } from './actions'
import { explainFind } from './explain'
import { decodeRequestValue } from './values'
import { readJson, sendJson } from '../http'

export interface DatabaseModule extends LocalCloudModule {
  /** Drops one environment's data (seed:reset, tests). */
  dropEnvironment(envName: string): Promise<void>
  engineKind(): 'pglite' | 'postgres'
}

export function databaseModule(): DatabaseModule {
  let engine: SqlEngine | undefined
  let catalog: EnvironmentCatalog | undefined
  let actions: DatabaseActions | undefined
  return {
    name: 'database',
    actions: [{ action: 'database.', handler: (req) => actions!.handle(req) }],
    routes: [{
      // POST /local/db/explain { env, collection, query?, order?, limit? } (query/order as EJSON strings, like the SDK sends)
      method: 'POST',
      prefix: '/local/db/explain',
      async handler(req, res, _url, cloud) {
        const body = await readJson<Record<string, any>>(req)
        const env = String(body.env ?? cloud.options.defaultEnv)
        await catalog!.ensure(env)
        const now = new Date()
        const out = await explainFind(engine!, actions!.store, env, String(body.collection), {
          query: typeof body.query === 'string' ? decodeRequestValue(body.query, now) : body.query,
          sort: typeof body.order === 'string' ? decodeRequestValue(body.order, now) : body.order,
          limit: body.limit === undefined ? undefined : Number(body.limit),
        })
        sendJson(res, 200, out)
      },
    }],
    async start(options: LocalCloudOptions) {
      engine = await openEngine({ dataDir: options.dataDir, databaseUrl: options.databaseUrl })
      catalog = new EnvironmentCatalog(engine, loadManifest())
      actions = new DatabaseActions(engine, catalog)
      await catalog.ensure(options.defaultEnv)
    },
    async stop() {
      await actions?.closeAll()
      await engine?.close()
    },
    async dropEnvironment(envName: string) { await catalog!.drop(envName) },
    engineKind() { return engine!.kind },
  }
}
