import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Busboy from 'busboy'
import { ADMIN_MAX_BYTES, parseJsonBounded, PayloadError, readBody, sendJson } from './http'
import { TcbError, type InvocationIdentity, type TcbHandler, type RouteRegistration } from './registry'
import { loadModules, type LocalCloudModule } from './modules'
import { noteSlowRequest, watchEventLoop } from './stall-log'

export interface LocalCloudOptions {
  /** 0 picks a free port. The server only ever listens on 127.0.0.1. */
  port: number
  /** PGlite data folder (ignored when databaseUrl is set). */
  dataDir: string
  /** postgres://… of a PostgreSQL server; when absent the embedded PGlite engine is used. */
  databaseUrl?: string
  /** environment used by the gateway and `npm start` */
  defaultEnv: string
  /** folders holding built (deployable) function bundles, one sub-folder per function; the first match wins */
  functionsDirs: string[]
  /** the h5 build to serve at `/`, when present */
  h5Dir?: string
  /** fire timer triggers on their schedule (off in tests: they fire them on demand) */
  timers: boolean
  /** setup code that makes the first person who enters it chair (printed at start) */
  setupCode: string
  /** the functions' APP_SECRET (HMAC key for receipt codes, rate-limit keys, check-in tokens) */
  appSecret: string
  /** where storage files and the outbox live */
  filesDir: string
}

export interface LocalCloud {
  readonly options: LocalCloudOptions
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** the URL wx-server-sdk must be pointed at (TCB_CONTEXT_CNFG) */
  readonly adminUrl: string
  /** modules by name, for cross-module calls (e.g. the gateway asks the function runner) */
  module<T extends LocalCloudModule>(name: string): T
  close(): Promise<void>
}

/** Admin URLs may carry an invocation token: /admin/i/<token>. The runner registers what it means. */
const invocationIdentities = new Map<string, InvocationIdentity>()
export function registerInvocationToken(token: string, identity: InvocationIdentity | undefined): void {
  if (identity) invocationIdentities.set(token, identity)
  else invocationIdentities.delete(token)
}

/** A download link answered 404: the invocations given that link lost a race (functions/usage.ts `fileGone`). */
export function noteFileGone(path: string): void {
  for (const running of invocationIdentities.values()) running.usage?.fileGone(path)
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const modules = await loadModules()
  const actions = new Map<string, TcbHandler>()
  const prefixActions: Array<[string, TcbHandler]> = []
  const routes: RouteRegistration[] = []
  for (const m of modules) {
    for (const a of m.actions ?? []) {
      if (a.action.endsWith('.')) prefixActions.push([a.action, a.handler])
      else actions.set(a.action, a.handler)
    }
    routes.push(...(m.routes ?? []))
  }
  const byName = new Map(modules.map((m) => [m.name, m]))

  // eslint-disable-next-line prefer-const -- assigned once the server listens; handlers run only after that
  let cloud!: LocalCloud
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) res.destroy()
      else if (err instanceof PayloadError) sendPayloadError(req, res, err)
      else sendJson(res, 500, { code: 'INTERNAL_ERROR', message: String(err?.message ?? err) })
    })
  })
  // The server never closes an idle kept-alive connection; the client does, on its own timer. A server
  // that closes idle sockets races every client that reuses one at that moment: under load a test's
  // fetch found its socket closed ("other side closed") when the server's 5 s ran out just as the
  // client, whose own timer was late, sent a request on it. 0 turns the server's idle timer off.
  server.keepAliveTimeout = 0

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return handleAdmin(req, res, url)
    for (const r of routes) {
      if ((r.method === '*' || r.method === req.method) && url.pathname.startsWith(r.prefix)) {
        return r.handler(req, res, url, cloud)
      }
    }
    sendJson(res, 404, { message: 'not found' })
  }

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const token = url.pathname.startsWith('/admin/i/') ? url.pathname.slice('/admin/i/'.length) : undefined
    const caller = token ? invocationIdentities.get(token) : undefined
    const contentType = String(req.headers['content-type'] ?? '')
    let body: Record<string, any>
    let form: Record<string, string | Buffer> | undefined
    try {
      if (contentType.startsWith('multipart/form-data')) {
        form = await readMultipart(req)
        body = { ...form }
      } else {
        const raw = await readBody(req)
        body = raw.length ? parseJsonBounded(raw.toString('utf8'), 'request body') : {}
      }
    } catch (err) {
      // As the TCB service answers a request it refuses: HTTP 200 with { code, message }.
      if (err instanceof PayloadError) return sendJson(res, 200, { code: err.code, message: err.message })
      throw err
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request body must be a JSON object' })
    const action = String(body.action ?? '')
    const envName = String(body.envName ?? url.searchParams.get('env') ?? caller?.envName ?? options.defaultEnv)
    caller?.usage?.record(action, body)
    const handler = actions.get(action) ?? prefixActions.find(([p]) => action.startsWith(p))?.[1]
    const requestId = `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    if (!handler) {
      sendJson(res, 200, { code: 'INVALID_ACTION', message: `local cloud does not support action ${action}`, requestId })
      return
    }
    const startedAt = Date.now()
    try {
      const out = await handler({ action, envName, body, form, caller, cloud })
      caller?.usage?.answered(action, out)
      if (Buffer.isBuffer(out.raw)) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': out.raw.length })
        res.end(out.raw)
        return
      }
      sendJson(res, 200, { requestId, ...out })
    } catch (err: any) {
      if (err instanceof TcbError) {
        caller?.usage?.answered(action, { code: err.code, message: err.message })
        sendJson(res, 200, { code: err.code, message: err.message, requestId })
      } else sendJson(res, 200, { code: 'SYS_ERR', message: String(err?.message ?? err), requestId })
    } finally {
      noteSlowRequest(action, envName, startedAt)
    }
  }

  for (const m of modules) await m.start?.(options)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const stopWatching = watchEventLoop()
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  cloud = {
    options,
    url: base,
    adminUrl: `${base}/admin`,
    module<T extends LocalCloudModule>(name: string): T {
      const m = byName.get(name)
      if (!m) throw new Error(`local cloud module ${name} is not loaded`)
      return m as T
    },
    async close() {
      stopWatching()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      for (const m of [...modules].reverse()) await m.stop?.()
    },
  }
  for (const m of modules) await m.attach?.(cloud)
  return cloud
}

/** A refused body, in the shape its route answers errors: callFunction's for the app's gateway, { code, message } elsewhere. */
function sendPayloadError(req: http.IncomingMessage, res: http.ServerResponse, err: PayloadError): void {
  const path = req.url ?? ''
  if (path.startsWith('/gateway/')) sendJson(res, err.status, { errCode: -1, errMsg: `${err.code}: ${err.message}` })
  else sendJson(res, err.status, { ok: false, code: err.code, message: err.message })
}

function readMultipart(req: http.IncomingMessage): Promise<Record<string, string | Buffer>> {
  return new Promise((resolve, reject) => {
    const out: Record<string, string | Buffer> = {}
    const bb = Busboy({ headers: req.headers, limits: { fileSize: ADMIN_MAX_BYTES, fields: 64, fieldSize: ADMIN_MAX_BYTES } })
    bb.on('field', (name, value) => { out[name] = value })
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => reject(new PayloadError(413, 'EXCEED_MAX_PAYLOAD_SIZE', `multipart file larger than ${ADMIN_MAX_BYTES} bytes`)))
      stream.on('end', () => { out[name] = Buffer.concat(chunks) })
    })
    bb.on('close', () => resolve(out))
    bb.on('error', reject)
    req.pipe(bb)
  })
}
