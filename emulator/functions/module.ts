import type { LocalCloudModule } from '../modules'
import type { LocalCloud, LocalCloudOptions } from '../server'
import { TcbError, type InvocationIdentity, type RouteRegistration, type TcbHandler } from '../registry'
import { EVENT_MAX_BYTES, jsonTooDeep, MAX_JSON_DEPTH, readJson, sendJson } from '../http'
import { listBundles, type FunctionBundle, type TimerTrigger } from './catalog'
import { calleeIdentity, LOCAL_APPID, timerIdentity } from './identity'
import { toClientError, toTcbError, type ClientError } from './errors'
import { FunctionRunner, type RunResult } from './runner'
import { scheduleTimers, timerEvent } from './timers'
import { InvocationUsage, type UsageSummary } from './usage'

/** A call as the app makes it (wx.cloud.callFunction), with the caller named explicitly. */
export interface InvokeRequest {
  /** environment; the local cloud's default when absent */
  env?: string
  name: string
  data?: Record<string, unknown>
  openid?: string
  appid?: string
  unionid?: string
  /** getWXContext().SOURCE; `wx_client` when absent */
  source?: string
}

/** callFunction's result or failure, and what the invocation asked of the database (see usage.ts). */
export type InvokeOutcome = ({ ok: true; result: unknown } | ({ ok: false } & ClientError)) & { usage: UsageSummary }

export interface TriggerRequest {
  env?: string
  name: string
  /** the trigger's name in config.json; the function's first trigger when absent */
  trigger?: string
}

export interface FunctionsModule extends LocalCloudModule {
  /** Runs a function as if the app called it; resolves with callFunction's result or its failure. */
  invoke(req: InvokeRequest): Promise<InvokeOutcome>
  /** Fires a timer trigger now, with the event and (absent) identity WeChat's timer gives. */
  trigger(req: TriggerRequest): Promise<InvokeOutcome>
}

function toOutcome(r: RunResult): InvokeOutcome {
  return r.ok ? { ok: true, result: r.result, usage: r.usage } : { ok: false, ...toClientError(r.failure), usage: r.usage }
}

function parseRequestData(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return {}
  if (Buffer.byteLength(raw) > EVENT_MAX_BYTES) throw new TcbError('EXCEED_MAX_PAYLOAD_SIZE', `callFunction data larger than ${EVENT_MAX_BYTES} bytes`)
  if (jsonTooDeep(raw)) throw new TcbError('INVALID_PARAM', `callFunction data nested deeper than ${MAX_JSON_DEPTH} levels`)
  try { return JSON.parse(raw) } catch { return raw }
}

export function functionsModule(): FunctionsModule {
  let options: LocalCloudOptions
  let runner: FunctionRunner | undefined
  let stopTimers = () => {}

  const need = (): FunctionRunner => {
    if (!runner) throw new Error('the function runner is not attached yet')
    return runner
  }

  async function invoke(req: InvokeRequest): Promise<InvokeOutcome> {
    const identity: InvocationIdentity = {
      openid: req.openid ?? '',
      appid: req.appid ?? LOCAL_APPID,
      unionid: req.unionid ?? '',
      envName: req.env ?? options.defaultEnv,
      source: req.source ?? 'wx_client',
    }
    const data = req.data && typeof req.data === 'object' && !Array.isArray(req.data) ? req.data : {}
    // WeChat adds the caller to the event of a call that comes from the app.
    const event = { ...data, userInfo: { appId: identity.appid, openId: identity.openid } }
    return toOutcome(await need().run({ name: req.name, event, identity }))
  }

  async function fire(bundle: FunctionBundle, trigger: TimerTrigger, env: string): Promise<InvokeOutcome> {
    return toOutcome(await need().run({ name: bundle.name, event: timerEvent(trigger), identity: timerIdentity(env) }))
  }

  async function trigger(req: TriggerRequest): Promise<InvokeOutcome> {
    const bundle = need().pool.resolve(req.name)
    if (!bundle) return toOutcome(await need().run({ name: req.name, event: {}, identity: timerIdentity(req.env ?? options.defaultEnv) }))
    const t = req.trigger ? bundle.triggers.find((x) => x.name === req.trigger) : bundle.triggers[0]
    if (!t) {
      const known = bundle.triggers.map((x) => x.name).join(', ') || 'none'
      const wanted = req.trigger ? `a timer trigger named ${req.trigger}` : 'a timer trigger'
      return { ok: false, errCode: -501007, errMsg: `${req.name} has no ${wanted} (config.json triggers: ${known})`, usage: new InvocationUsage().summary() }
    }
    return fire(bundle, t, req.env ?? options.defaultEnv)
  }

  const invokeFunction: TcbHandler = async ({ body, envName, caller }) => {
    const result = await need().run({
      name: String(body.function_name ?? ''),
      event: parseRequestData(body.request_data),
      identity: calleeIdentity(caller, envName),
      nested: !!caller,
    })
    if (caller?.usage instanceof InvocationUsage) caller.usage.addNested(result.usage)
    if (!result.ok) throw toTcbError(result.failure)
    return { data: { response_data: JSON.stringify(result.result) } }
  }

  const routes: RouteRegistration[] = [
    {
      method: 'POST',
      prefix: '/local/invoke',
      handler: async (req, res) => {
        const body = await readJson<InvokeRequest>(req, EVENT_MAX_BYTES)
        if (!body || typeof body.name !== 'string') return sendJson(res, 400, { ok: false, errCode: -501007, errMsg: 'name is required' })
        sendJson(res, 200, await invoke(body))
      },
    },
    {
      // For the test run's teardown: which actions read a document twice (runner.ts).
      method: 'GET',
      prefix: '/local/repeated-reads',
      handler: async (_req, res) => sendJson(res, 200, Object.fromEntries(need().repeatedReadsByAction)),
    },
    {
      method: 'POST',
      prefix: '/local/trigger',
      handler: async (req, res) => {
        const body = await readJson<TriggerRequest>(req)
        if (!body || typeof body.name !== 'string') return sendJson(res, 400, { ok: false, errCode: -501007, errMsg: 'name is required' })
        sendJson(res, 200, await trigger(body))
      },
    },
  ]

  return {
    name: 'functions',
    actions: [{ action: 'functions.invokeFunction', handler: invokeFunction }],
    routes,
    invoke,
    trigger,
    async start(o: LocalCloudOptions) {
      options = o
    },
    async attach(cloud: LocalCloud) {
      runner = new FunctionRunner(options.functionsDirs, cloud.adminUrl, options.defaultEnv, { SETUP_CODE: options.setupCode, APP_SECRET: options.appSecret })
      if (options.timers) {
        stopTimers = scheduleTimers(listBundles(options.functionsDirs), (bundle, t) => {
          void fire(bundle, t, options.defaultEnv).then((o) => {
            if (!o.ok) console.error(`[local-cloud] timer ${bundle.name}/${t.name} failed: ${o.errMsg}`)
          })
        })
      }
    },
    async stop() {
      stopTimers()
      await runner?.close()
    },
  }
}
