import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import { openEngine, type SqlEngine } from './engine'
import { loadManifest } from './manifest'
import { EnvironmentCatalog } from './schema'
import { DatabaseActions } from './actions'

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
