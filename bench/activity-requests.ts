/**
 * Database requests per activity action, counted where they leave the function: the actions run
 * in this process through the real dispatcher and the real wx-server-sdk, whose endpoint is a
 * counting proxy in front of the local cloud. Every `database.*` request counts — the caller's
 * member look-up, transaction start and commit included. Sequential round trips (what a member
 * waits for when requests run in parallel) are counted too: requests that overlap in time count once.
 */
import http from 'node:http'
import { connectLocalSdk } from '../emulator/sdk-env'
import { dispatch } from '../cloudfunctions/_shared/dispatch'
import { servicesFrom } from '../cloudfunctions/_shared/services'
import { routes } from '../cloudfunctions/activity/routes'

export interface Counted {
  requests: number
  /** longest chain of requests that did not overlap */
  roundTrips: number
  result: any
}

/** A proxy that forwards to `target` and records each database request's start and end. */
async function countingProxy(target: string): Promise<{ url: string; log: Array<{ start: number; end: number }>; close(): void }> {
  const log: Array<{ start: number; end: number }> = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', async () => {
      const body = Buffer.concat(chunks)
      const start = performance.now()
      const isDb = /"action":"database\./.test(body.toString())
      const upstream = await fetch(new URL(req.url!, target), { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body })
      const out = Buffer.from(await upstream.arrayBuffer())
      if (isDb) log.push({ start, end: performance.now() })
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
      res.end(out)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const path = new URL(target).pathname
  return { url: `http://127.0.0.1:${port}${path}`, log, close: () => server.close() }
}

function chainLength(spans: Array<{ start: number; end: number }>): number {
  let chain = 0
  let lastEnd = -Infinity
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start >= lastEnd) chain += 1
    lastEnd = Math.max(lastEnd, s.end)
  }
  return chain
}

/** An activity function the bench calls in-process, counting what each call sends to the database. */
export async function countingActivity(adminUrl: string, env: string) {
  const proxy = await countingProxy(adminUrl)
  const { cloud, db } = connectLocalSdk(proxy.url, env)
  const services = servicesFrom(cloud)
  return {
    db,
    async call(openid: string, event: Record<string, unknown>): Promise<Counted> {
      const from = proxy.log.length
      const result = await dispatch(routes, event, { openid, db, now: new Date(), env: { APP_SECRET: 'bench-secret-0123456789' }, services })
      const spans = proxy.log.slice(from)
      return { requests: spans.length, roundTrips: chainLength(spans), result }
    },
    close: proxy.close,
  }
}
