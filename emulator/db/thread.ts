/**
 * The database endpoint runs in a thread of its own (worker.ts). On the main thread it shared one
 * core with the HTTP server and the function runner: in a burst of 1,000 conditional increments
 * the main thread was busy 2.8 s of the 3.1 s, with PGlite about 40% of it, while the second core
 * waited. Now PGlite and the store work beside the runner. A request crosses threads once, as
 * the parsed body in and the answer out (~10 µs of CPU a round trip under load, measured).
 */
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { TcbError } from '../registry'
import type { DatabaseCall, DatabaseReply, DatabaseRequest } from './thread-protocol'

/** tsx's require hook, then the worker: the local cloud runs from its TypeScript sources. */
const BOOT = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'worker.ts'))})`

export class DatabaseThread {
  private readonly worker: Worker
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>()
  private nextId = 1
  private failure: Error | undefined

  constructor() {
    // The main thread's node flags (--cpu-prof for `npm run bench -- profile`) apply here too.
    this.worker = new Worker(BOOT, { eval: true })
    this.worker.on('message', (reply: DatabaseReply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (reply.ok) waiting.resolve(reply.value)
      else waiting.reject(reply.error.tcbCode ? new TcbError(reply.error.tcbCode, reply.error.message) : Object.assign(new Error(reply.error.message), { stack: reply.error.stack }))
    })
    // A thread that died takes every request with it, now and later, with the reason.
    const fail = (err: Error) => {
      this.failure ??= err
      for (const waiting of this.pending.values()) waiting.reject(this.failure)
      this.pending.clear()
    }
    this.worker.on('error', (err) => fail(new Error(`the database thread failed: ${err.message}`)))
    this.worker.on('exit', (code) => fail(new Error(`the database thread exited (${code})`)))
  }

  call<T = unknown>(request: DatabaseRequest): Promise<T> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...request, id } as DatabaseCall)
    })
  }

  async stop(): Promise<void> {
    if (!this.failure) await this.call({ op: 'stop' }).catch(() => undefined)
    await this.worker.terminate()
  }
}
