import crypto from 'node:crypto'
import { registerInvocationToken } from '../server'
import { sdkEnvironment } from '../sdk-env'
import type { InvocationIdentity } from '../registry'
import { invocationEnv, type RunningInvocation } from './identity'
import { notFound, type InvokeFailure } from './errors'
import { InstancePool, DEFAULT_LIMITS, type PoolLimits } from './pool'
import { InvocationUsage, type UsageSummary } from './usage'

export interface RunRequest {
  name: string
  event: unknown
  identity: InvocationIdentity
  /** called by another function: may exceed the pool's limits rather than wait on its caller */
  nested?: boolean
}

export type RunResult = ({ ok: true; result: unknown } | { ok: false; failure: InvokeFailure }) & { usage: UsageSummary }

/** Only what a function needs from the host: no secrets or local-cloud settings leak into it. */
function baseEnvironment(adminUrl: string, defaultEnv: string, functionEnv: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_ENV', 'SYSTEMROOT', 'TMPDIR', 'TEMP']
  const env: Record<string, string> = {}
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!
  // WeChat's own key list: getWXContext() then shows OPENID, APPID, UNIONID, CLIENTIP(V6), ENV and
  // SOURCE, and not the TCB_* variables a script's sdkEnvironment() also lists.
  return { ...env, ...functionEnv, ...sdkEnvironment(adminUrl, defaultEnv), WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6' }
}

function limitsFromEnv(): PoolLimits {
  const n = (name: string, fallback: number) => {
    const v = Number(process.env[name])
    return Number.isInteger(v) && v > 0 ? v : fallback
  }
  return {
    perFunction: n('LOCAL_CLOUD_INSTANCES_PER_FUNCTION', DEFAULT_LIMITS.perFunction),
    total: n('LOCAL_CLOUD_INSTANCES_TOTAL', DEFAULT_LIMITS.total),
    hardTotal: n('LOCAL_CLOUD_INSTANCES_HARD_TOTAL', DEFAULT_LIMITS.hardTotal),
    idleMs: n('LOCAL_CLOUD_INSTANCE_IDLE_MS', DEFAULT_LIMITS.idleMs),
  }
}

/**
 * Runs built function bundles with a caller's identity. Each invocation gets a token; the SDK's
 * URL carries it (`/admin/i/<token>`), so a call the function makes back to the local cloud
 * (callFunction, storage, openapi) is known to come from this invocation.
 */
export class FunctionRunner {
  readonly pool: InstancePool

  /** `functionEnv`: the variables set in the cloud console for every function (SETUP_CODE, APP_SECRET) */
  constructor(functionsDirs: string[], private readonly adminUrl: string, defaultEnv: string, functionEnv: Record<string, string> = {}) {
    this.pool = new InstancePool(functionsDirs, baseEnvironment(adminUrl, defaultEnv, functionEnv), limitsFromEnv())
  }

  async run(req: RunRequest): Promise<RunResult> {
    const bundle = this.pool.resolve(req.name)
    const usage = new InvocationUsage()
    if (!bundle) return { ok: false, failure: notFound(req.name), usage: usage.summary() }
    const token = crypto.randomBytes(12).toString('hex')
    const env = invocationEnv(this.adminUrl, token, req.identity)
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: bundle.timeoutMs,
      request_id: crypto.randomUUID(),
      function_version: '$LATEST',
      function_name: bundle.name,
      namespace: req.identity.envName,
      environment: JSON.stringify(env),
    }
    const running: RunningInvocation = { ...req.identity, functionName: bundle.name, openapiPermissions: bundle.openapiPermissions, usage }
    registerInvocationToken(token, running)
    try {
      const outcome = await this.pool.run(bundle, { event: req.event, context, env }, !!req.nested)
      const summary = usage.summary()
      this.noteRepeatedReads(`${bundle.name}.${String((req.event as any)?.action)}`, summary.repeatedReads)
      if (!outcome.ok) return { ok: false, failure: { kind: outcome.kind, message: outcome.message }, usage: summary }
      return { ok: true, result: JSON.parse(outcome.json), usage: summary }
    } finally {
      registerInvocationToken(token, undefined)
    }
  }

  /**
   * Invocations that read a document twice, by `function.action` since the local cloud started: the
   * test run's teardown fails on any (#18), so one run of the cloud layer guards every action.
   */
  readonly repeatedReadsByAction = new Map<string, number>()

  private noteRepeatedReads(action: string, repeats: string[]): void {
    if (repeats.length === 0) return
    this.repeatedReadsByAction.set(action, (this.repeatedReadsByAction.get(action) ?? 0) + 1)
    if (process.env.LOCAL_CLOUD_LOG_REPEATED_READS) console.error(`REPEATED-READ ${action} ${repeats.join(' ')}`)
  }

  close(): Promise<void> {
    return this.pool.close()
  }
}
