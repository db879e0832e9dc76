import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import { DatabaseThread } from './thread'
import { readJson, sendJson } from '../http'

export interface DatabaseModule extends LocalCloudModule {
  /** Drops one environment's data (seed:reset, tests). */
  dropEnvironment(envName: string): Promise<void>
  engineKind(): 'pglite' | 'postgres'
}

/** The database endpoint: every request is answered in the database thread (thread.ts). */
export function databaseModule(): DatabaseModule {
  let thread: DatabaseThread | undefined
  let kind: 'pglite' | 'postgres' | undefined
  return {
    name: 'database',
    actions: [{ action: 'database.', handler: (req) => thread!.call({ op: 'handle', action: req.action, envName: req.envName, body: req.body }) }],
    routes: [{
      // POST /local/db/explain { env, collection, query?, order?, limit? } (query/order as EJSON strings, like the SDK sends)
      method: 'POST',
      prefix: '/local/db/explain',
      async handler(req, res, _url, cloud) {
        const body = await readJson<Record<string, any>>(req)
        const out = await thread!.call({
          op: 'explain', envName: String(body.env ?? cloud.options.defaultEnv), collection: String(body.collection),
          query: body.query, order: body.order, limit: body.limit === undefined ? undefined : Number(body.limit),
        })
        sendJson(res, 200, out)
      },
    }],
    async start(options: LocalCloudOptions) {
      thread = new DatabaseThread()
      kind = await thread.call({ op: 'start', dataDir: options.dataDir, databaseUrl: options.databaseUrl, defaultEnv: options.defaultEnv })
    },
    async stop() {
      await thread?.stop()
    },
    async dropEnvironment(envName: string) { await thread!.call({ op: 'drop', envName }) },
    engineKind() { return kind! },
  }
}
