import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentTypeFor } from '../storage/content-type'

/** The file under `root` a request path names, or undefined when it would leave `root`. */
export function resolveStatic(root: string, pathname: string): string | undefined {
  let decoded: string
  try { decoded = decodeURIComponent(pathname) } catch { return undefined }
  if (decoded.includes('\0')) return undefined
  const base = path.resolve(root)
  const full = path.resolve(base, '.' + path.posix.normalize('/' + decoded))
  const rel = path.relative(base, full)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return full
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** Serves the h5 build: `/` is index.html; a folder serves its index.html; nothing outside `root`. */
export async function serveStatic(root: string | undefined, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
  if (!root || !fs.existsSync(root)) return send(res, 404, 'h5 版本还没有构建：先运行 npm run build:h5')
  let file = resolveStatic(root, url.pathname)
  if (!file) return send(res, 404, 'not found')
  let stat = await fs.promises.stat(file).catch(() => undefined)
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html')
    stat = await fs.promises.stat(file).catch(() => undefined)
  }
  if (!stat?.isFile()) return send(res, 404, 'not found')
  // Content-hashed build files never change under their name; everything else is revalidated.
  const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file))
  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-length': stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') return void res.end()
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(file!).on('error', reject).pipe(res).on('finish', resolve).on('error', reject)
  })
}
