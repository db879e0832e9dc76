/** Serves the h5 build read-only from one folder (no directory traversal). */
import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.map': 'application/json',
}

export function serveStatic(dir: string, urlPath: string, res: ServerResponse): boolean {
  const rel = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  const file = path.resolve(dir, '.' + rel)
  if (!file.startsWith(path.resolve(dir) + path.sep)) return false
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return false
  const body = fs.readFileSync(file)
  const immutable = /\.[0-9a-f]{8}\./.test(path.basename(file))
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  res.end(body)
  return true
}
