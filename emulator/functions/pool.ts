import { findBundle, type FunctionBundle } from './catalog'
import { FunctionInstance, type Invocation, type RunOutcome } from './instance'

export interface PoolLimits {
  /** warm instances one function may have at once (WeChat allows more; memory here is finite) */
  perFunction: number
  /** instances across all functions; an idle instance of another function is evicted to make room */
  total: number
  /** nested calls (a function calling a function) may go past the limits up to this, so a caller
   *  holding an instance never waits for an instance only it could free */
  hardTotal: number
  /** an instance idle this long is stopped */
  idleMs: number
}

export const DEFAULT_LIMITS: PoolLimits = { perFunction: 4, total: 12, hardTotal: 48, idleMs: 60_000 }

interface Waiter {
  bundle: FunctionBundle
  invocation: Invocation
  nested: boolean
  resolve: (o: RunOutcome) => void
}

/**
 * The function runner's instance pool: per function, up to `perFunction` worker threads, each
 * running one invocation at a time; further invocations queue in arrival order.
 */
export class InstancePool {
  private instances: FunctionInstance[] = []
  private queues = new Map<string, Waiter[]>()
  private readonly reaper: NodeJS.Timeout

  constructor(private readonly dirs: string[], private readonly baseEnv: Record<string, string>, private readonly limits: PoolLimits = DEFAULT_LIMITS) {
    this.reaper = setInterval(() => this.reapIdle(), Math.min(10_000, limits.idleMs))
    this.reaper.unref()
  }

  /** The bundle as currently built, or undefined when no functions folder has it. */
  resolve(name: string): FunctionBundle | undefined {
    return findBundle(this.dirs, name)
  }

  run(bundle: FunctionBundle, invocation: Invocation, nested: boolean): Promise<RunOutcome> {
    this.retireOutdated(bundle)
    return new Promise((resolve) => {
      const queue = this.queues.get(bundle.name) ?? []
      queue.push({ bundle, invocation, nested, resolve })
      this.queues.set(bundle.name, queue)
      this.pump()
    })
  }

  /** counts for tests and the benchmark */
  stats(): { instances: number; busy: number; queued: number } {
    let queued = 0
    for (const q of this.queues.values()) queued += q.length
    return { instances: this.instances.length, busy: this.instances.filter((i) => i.busy).length, queued }
  }

  async close(): Promise<void> {
    clearInterval(this.reaper)
    await Promise.all(this.instances.map((i) => i.terminate()))
    this.instances = []
  }

  private pump(): void {
    for (const [name, queue] of this.queues) {
      while (queue.length) {
        const instance = this.acquire(name, queue[0])
        if (!instance) break
        const waiter = queue.shift()!
        void this.dispatch(instance, waiter)
      }
      if (!queue.length) this.queues.delete(name)
    }
  }

  private async dispatch(instance: FunctionInstance, waiter: Waiter): Promise<void> {
    instance.busy = true
    let outcome: RunOutcome
    try {
      outcome = await instance.run(waiter.invocation)
    } catch (err: any) {
      outcome = { ok: false, kind: 'execute_fail', message: String(err?.stack ?? err) }
    }
    waiter.resolve(outcome)
    this.pump()
  }

  private acquire(name: string, next: Waiter): FunctionInstance | undefined {
    const live = this.instances.filter((i) => !i.dead && i.bundle.name === name && i.bundle.version === next.bundle.version)
    const idle = live.find((i) => !i.busy)
    if (idle) return idle
    const total = this.instances.length
    const mayGrow = next.nested
      ? total < this.limits.hardTotal
      : live.length < this.limits.perFunction && (total < this.limits.total || this.evictIdleOther(name))
    return mayGrow ? this.spawn(next.bundle) : undefined
  }

  private spawn(bundle: FunctionBundle): FunctionInstance {
    const instance = new FunctionInstance(bundle, this.baseEnv)
    instance.busy = true
    this.instances.push(instance)
    instance.onExit(() => {
      this.instances = this.instances.filter((i) => i !== instance)
      this.pump()
    })
    return instance
  }

  private evictIdleOther(name: string): boolean {
    const victim = this.instances
      .filter((i) => !i.busy && !i.dead && i.bundle.name !== name)
      .sort((a, b) => a.lastUsed - b.lastUsed)[0]
    if (!victim) return false
    this.drop(victim)
    return true
  }

  private drop(instance: FunctionInstance): void {
    this.instances = this.instances.filter((i) => i !== instance)
    void instance.terminate()
  }

  /** A rebuilt bundle takes over: idle instances of older builds stop now, busy ones when they finish. */
  private retireOutdated(bundle: FunctionBundle): void {
    for (const i of this.instances) {
      if (i.bundle.name === bundle.name && i.bundle.version !== bundle.version && !i.busy) this.drop(i)
    }
  }

  private reapIdle(): void {
    const now = Date.now()
    for (const i of [...this.instances]) {
      if (!i.busy && (i.dead || now - i.lastUsed > this.limits.idleMs)) this.drop(i)
    }
  }
}
