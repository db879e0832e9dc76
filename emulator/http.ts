import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Request bodies are bounded before anything parses them: in size (per route) and in nesting
 * depth, so that no body can exhaust memory or overflow a stack further in (structured clone to a
 * worker, EJSON revival, the evaluator). MongoDB refuses documents nested deeper than 100 levels;
 * the local cloud refuses any JSON body, query or document deeper than that.
 */
export const MAX_JSON_DEPTH = 100
/** A function invocation's event (/gateway/call, /local/invoke, callFunction): SCF's synchronous limit. */
export const EVENT_MAX_BYTES = 6 * 1024 * 1024
/** The database/storage protocol (/admin): batch writes of many documents. */
export const ADMIN_MAX_BYTES = 50 * 1024 * 1024
/** Small local routes (cloud-id, seed, dev switches). */
export const SMALL_MAX_BYTES = 64 * 1024

/** A body refused before parsing; the server renders it in the route's own error shape. */
export class PayloadError extends Error {
  constructor(readonly status: 400 | 413, readonly code: 'EXCEED_MAX_PAYLOAD_SIZE' | 'INVALID_PARAM', message: string) {
    super(message)
  }
}

/**
 * True when JSON text nests arrays/objects deeper than `limit`. One pass over the characters,
 * no recursion, stops at the first level past the limit.
 */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) { if (++depth > limit) return true }
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** JSON.parse after the depth check; malformed or too deep text is a 400 PayloadError naming `what`. */
export function parseJsonBounded<T = unknown>(text: string, what: string): T {
  if (jsonTooDeep(text)) throw new PayloadError(400, 'INVALID_PARAM', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(text) as T
  } catch {
    throw new PayloadError(400, 'INVALID_PARAM', `${what} is not valid JSON`)
  }
}

/**
 * Reads a whole request body, refusing one above `limitBytes` (by its declared length at once, or
 * as it streams). The rest of a refused body is read and discarded rather than stored, so the
 * answer still reaches the client; one that keeps sending far past the limit is cut off.
 */
export function readBody(req: IncomingMessage, limitBytes = ADMIN_MAX_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = Number(req.headers['content-length'] ?? 0) > limitBytes
    const refuse = () => reject(new PayloadError(413, 'EXCEED_MAX_PAYLOAD_SIZE', `request body larger than ${limitBytes} bytes`))
    if (refused) refuse()
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (refused) {
        if (size > limitBytes * 4) req.destroy()
        return
      }
      if (size > limitBytes) {
        refused = true
        chunks.length = 0
        refuse()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => { if (!refused) resolve(Buffer.concat(chunks)) })
    req.on('error', (err) => { if (!refused) reject(err) })
  })
}

export async function readJson<T = unknown>(req: IncomingMessage, limitBytes = SMALL_MAX_BYTES): Promise<T> {
  const body = await readBody(req, limitBytes)
  return (body.length ? parseJsonBounded(body.toString('utf8'), 'request body') : {}) as T
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value)
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
