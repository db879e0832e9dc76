import { Worker } from 'node:worker_threads'
import type { FunctionBundle } from './catalog'
import type { InvokeMessage, SerializedError, WorkerBoot, WorkerMessage } from './protocol'
import { workerSource } from './worker-source'

export type RunOutcome =
  | { ok: true; json: string }
  | { ok: false; kind: 'execute_fail' | 'timeout'; message: string }

export interface Invocation {
  event: unknown
  context: Record<string, unknown>
  env: Record<string, string>
}

/** Loading a bundle (wx-server-sdk included) gets its own allowance, apart from the function's timeout. */
const BOOT_TIMEOUT_MS = 30_000
/**
 * A runaway function fails alone instead of taking the local cloud's memory with it. The small
 * young generation keeps an idle instance near 25 MB instead of 31 MB (measured with wx-server-sdk
 * loaded), which matters with dozens of warm instances under the 1 GB budget.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 }

function describe(e: SerializedError): string {
  return e.stack ?? `${e.name}: ${e.message}`
}

/**
 * `LOCAL_CLOUD_PROFILE_INSTANCES=<folder>`: each instance writes a V8 CPU profile there when it
 * ends (npm run bench -- profile), so the SDK's share of an invocation can be seen beside the
 * endpoint's. Otherwise instances start with no flags (not the tsx loader the cloud runs under).
 */
function profileArgs(): string[] {
  const dir = process.env.LOCAL_CLOUD_PROFILE_INSTANCES
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

/** One warm instance of one function: a worker thread that runs one invocation at a time. */
export class FunctionInstance {
  busy = false
  lastUsed = Date.now()
  dead = false
  private readonly worker: Worker
  private readonly ready: Promise<SerializedError | undefined>
  private nextId = 1
  private current?: { id: number; finish: (o: RunOutcome) => void }
  private exitListeners: Array<() => void> = []

  constructor(readonly bundle: FunctionBundle, baseEnv: Record<string, string>) {
    const boot: WorkerBoot = { entry: bundle.entry, name: bundle.name }
    this.worker = new Worker(workerSource(), {
      eval: true,
      execArgv: profileArgs(),
      env: { ...baseEnv },
      workerData: boot,
      resourceLimits: RESOURCE_LIMITS,
    })
    this.ready = new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ name: 'Error', message: `${bundle.name} did not load within ${BOOT_TIMEOUT_MS / 1000} s` }), BOOT_TIMEOUT_MS)
      this.worker.once('message', (m: WorkerMessage) => {
        clearTimeout(timer)
        resolve(m.type === 'boot-error' ? m.error : undefined)
      })
      this.worker.once('exit', () => { clearTimeout(timer); resolve({ name: 'Error', message: `${bundle.name} exited while loading` }) })
    })
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.type !== 'done' || !this.current || m.id !== this.current.id) return
      this.current.finish(m.ok ? { ok: true, json: m.json } : { ok: false, kind: 'execute_fail', message: describe(m.error) })
    })
    this.worker.on('error', (err) => {
      this.current?.finish({ ok: false, kind: 'execute_fail', message: err.stack ?? String(err) })
    })
    this.worker.on('exit', () => {
      this.dead = true
      this.current?.finish({ ok: false, kind: 'execute_fail', message: `${bundle.name}: the instance exited before answering` })
      for (const l of this.exitListeners) l()
    })
  }

  onExit(listener: () => void): void {
    this.exitListeners.push(listener)
  }

  /** Runs one invocation; on timeout the worker is terminated, as WeChat kills the instance. */
  async run(invocation: Invocation): Promise<RunOutcome> {
    this.busy = true
    try {
      const bootError = await this.ready
      if (bootError) {
        void this.terminate()
        return { ok: false, kind: 'execute_fail', message: describe(bootError) }
      }
      return await new Promise<RunOutcome>((resolve) => {
        const id = this.nextId++
        const seconds = this.bundle.timeoutMs / 1000
        const timer = setTimeout(() => {
          finish({ ok: false, kind: 'timeout', message: `Invoking task timed out after ${seconds} seconds` })
          void this.terminate()
        }, this.bundle.timeoutMs)
        const finish = (o: RunOutcome) => {
          if (this.current?.id !== id) return
          clearTimeout(timer)
          this.current = undefined
          resolve(o)
        }
        this.current = { id, finish }
        const msg: InvokeMessage = { type: 'invoke', id, ...invocation }
        try {
          this.worker.postMessage(msg)
        } catch (err: any) {
          // An event the worker cannot be sent (not cloneable) fails this invocation, not the cloud.
          finish({ ok: false, kind: 'execute_fail', message: `the event could not be passed to the function: ${String(err?.message ?? err)}` })
        }
      })
    } finally {
      this.busy = false
      this.lastUsed = Date.now()
    }
  }

  async terminate(): Promise<void> {
    this.dead = true
    await this.worker.terminate()
  }
}
