/**
 * One function instance: a worker thread that loads one bundle and runs one invocation at a
 * time, as a WeChat instance does. getWXContext() and the SDK read process.env at call time, and
 * a worker thread's process.env is its own, so concurrent instances never see each other's caller.
 * Built into a string by worker-source.ts and started with `eval: true`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { assertLoopback } from '../sdk-env'
import { serializeError, type InvokeMessage, type WorkerBoot, type WorkerMessage } from './protocol'

const boot = workerData as WorkerBoot
const port = parentPort!
const post = (m: WorkerMessage) => port.postMessage(m)

// SCF keeps an instance alive after a stray rejection; so do we, and say where it came from.
process.on('unhandledRejection', (reason) => {
  const e = serializeError(reason)
  console.error(`[local-cloud] ${boot.name}: unhandled rejection: ${e.stack ?? e.message}`)
})

let main: (event: unknown, context: unknown) => unknown
try {
  assertLoopback(process.env)
  const mod = require(boot.entry)
  if (typeof mod.main !== 'function') throw new Error(`${boot.name}/index.js does not export main`)
  main = mod.main
  post({ type: 'ready' })
} catch (err) {
  post({ type: 'boot-error', error: serializeError(err) })
}

function applyEnv(env: Record<string, string>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v) process.env[k] = v
    else delete process.env[k]
  }
}

port.on('message', async (msg: InvokeMessage) => {
  if (msg.type !== 'invoke') return
  try {
    applyEnv(msg.env)
    // Checked per invocation too: the URL changes with every invocation's token.
    assertLoopback(process.env)
    const result = await main(msg.event, msg.context)
    post({ type: 'done', id: msg.id, ok: true, json: JSON.stringify(result === undefined ? null : result) })
  } catch (err) {
    post({ type: 'done', id: msg.id, ok: false, error: serializeError(err) })
  }
})
