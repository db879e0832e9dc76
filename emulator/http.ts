import type { IncomingMessage, ServerResponse } from 'node:http'

/** Reads a whole request body; refuses bodies above `limitBytes` so one bad client cannot exhaust memory. */
export async function readBody(req: IncomingMessage, limitBytes = 50 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limitBytes) throw new Error(`request body larger than ${limitBytes} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export async function readJson<T = unknown>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req)
  return (body.length ? JSON.parse(body.toString('utf8')) : {}) as T
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value)
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
