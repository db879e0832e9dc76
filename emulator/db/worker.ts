/**
 * The database endpoint's own thread: the engine (PGlite or a server's pool), the catalog and the
 * actions run here, and the main thread (HTTP, the function runner) only passes requests in and
 * answers out (thread.ts says why). Loaded through tsx's require hook, like the rest of the local
 * cloud.
 */
import { parentPort } from 'node:worker_threads'
import { openEngine, type SqlEngine } from './engine'
import { loadManifest } from './manifest'
import { EnvironmentCatalog } from './schema'
import { DatabaseActions } from './actions'
import { explainFind } from './explain'
import { decodeRequestValue } from './values'
import { TcbError } from '../registry'
import type { DatabaseCall, DatabaseReply } from './thread-protocol'

let engine: SqlEngine | undefined
let catalog: EnvironmentCatalog | undefined
let actions: DatabaseActions | undefined

async function answer(call: DatabaseCall): Promise<unknown> {
  switch (call.op) {
    case 'start': {
      engine = await openEngine({ dataDir: call.dataDir, databaseUrl: call.databaseUrl })
      catalog = new EnvironmentCatalog(engine, loadManifest())
      actions = new DatabaseActions(engine, catalog)
      await catalog.ensure(call.defaultEnv)
      return engine.kind
    }
    case 'handle':
      return actions!.handle(call)
    case 'explain': {
      await catalog!.ensure(call.envName)
      const now = new Date()
      return explainFind(engine!, actions!.store, call.envName, call.collection, {
        query: typeof call.query === 'string' ? decodeRequestValue(call.query, now) : call.query,
        sort: typeof call.order === 'string' ? decodeRequestValue(call.order, now) : call.order,
        limit: call.limit,
      })
    }
    case 'drop':
      await catalog!.drop(call.envName)
      return null
    case 'stop':
      await actions?.closeAll()
      await engine?.close()
      return null
  }
}

parentPort!.on('message', (call: DatabaseCall) => {
  answer(call).then(
    (value) => parentPort!.postMessage({ id: call.id, ok: true, value } satisfies DatabaseReply),
    (err: any) => parentPort!.postMessage({
      id: call.id,
      ok: false,
      error: { tcbCode: err instanceof TcbError ? err.code : undefined, message: String(err?.message ?? err), stack: err?.stack },
    } satisfies DatabaseReply),
  )
})
