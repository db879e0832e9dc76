/**
 * The local cloud never closes a kept-alive connection that sits idle: the client decides when to
 * let it go. A server that closes idle sockets after N seconds races any client that reuses one at
 * that moment — on a loaded machine a test's fetch sent its request on a socket the server was
 * closing and failed with "other side closed". Here one raw connection makes a request, waits past
 * Node's default server idle time (5 s), and makes another on the same socket.
 */
import net from 'node:net'
import { localCloudUrl } from '../support/cloud'

/** Node's default http server keepAliveTimeout: what the local cloud used before. */
const NODE_DEFAULT_IDLE_MS = 5000

const request = (host: string) => `GET /local/health HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`

/** Reads one whole response (headers and a content-length body) from the socket, or null if it closes first. */
function nextResponse(socket: net.Socket): Promise<string | null> {
  return new Promise((resolve) => {
    let text = ''
    const done = (v: string | null) => { socket.off('data', onData); socket.off('close', onClose); resolve(v) }
    const onData = (d: Buffer) => {
      text += d.toString('utf8')
      const head = text.indexOf('\r\n\r\n')
      if (head < 0) return
      const length = Number(/content-length:\s*(\d+)/i.exec(text.slice(0, head))?.[1] ?? 0)
      if (Buffer.byteLength(text.slice(head + 4)) >= length) done(text)
    }
    const onClose = () => done(null)
    socket.on('data', onData)
    socket.on('close', onClose)
  })
}

describe('kept-alive connections', () => {
  it('answers a request sent on a connection left idle longer than a server would usually keep it', async () => {
    const url = new URL(localCloudUrl())
    const socket = net.connect(Number(url.port), url.hostname)
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('error', reject) })
    try {
      socket.write(request(url.host))
      expect((await nextResponse(socket))?.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 \d{3}/)
      await new Promise((resolve) => setTimeout(resolve, NODE_DEFAULT_IDLE_MS + 1500))
      expect(socket.destroyed).toBe(false)
      socket.write(request(url.host))
      expect((await nextResponse(socket))?.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 \d{3}/)
    } finally {
      socket.destroy()
    }
  }, 30_000)
})
