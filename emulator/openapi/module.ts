import crypto from 'node:crypto'
import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import { TcbError, type RouteRegistration, type TcbHandler, type TcbRequest } from '../registry'
import { readJson, sendJson } from '../http'
import { runningInvocation } from '../functions/identity'
import { decodeCloudIdList, decodeCommApiData, encodeCommOpenApiResp, encodeOpenDataResp, pairsToParams } from './protobuf'
import { CloudIdIssuer } from './open-data'
import { msgSecCheck, SECCHECK_DOWN_MARKER, type WxResult } from './sec-check'
import { validateSend } from './subscribe-message'
import { Outbox } from './outbox'

/** wx-server-sdk's codes for an API the function may not call (config.json) and one that does not exist. */
const NO_PERMISSION = -604101
const API_NOT_FOUND = -604100

type OpenApi = (params: Record<string, unknown>, req: TcbRequest) => Promise<WxResult>

/** wx-server-sdk's cloud.getOpenData: a svrkit call that needs no config.json permission. */
const GET_OPEN_DATA = 'ApiGetOpenDataByCloudId'

export interface OpenapiModule extends LocalCloudModule {
  /** Issues cloudIDs for the local build's stand-ins of client open-data APIs (group entry). */
  readonly openData: CloudIdIssuer
}

function reply(result: WxResult): { raw: Buffer } {
  const respData = Buffer.from(JSON.stringify(result))
  return { raw: encodeCommOpenApiResp({ respData, contentType: 'application/json; charset=UTF-8', httpCode: 200 }) }
}

/**
 * The openapi stand-ins behind `cloud.openapi.*` (action wx.openApi, multipart with a protobuf
 * request and response): security.msgSecCheck against a local word list, subscribeMessage.send
 * into an outbox the local build can show. A function may call only the APIs its config.json lists.
 */
export function openapiModule(): OpenapiModule {
  const openData = new CloudIdIssuer()
  let outbox: Outbox
  let defaultEnv = ''
  /** environments where msgSecCheck is switched to "cannot be reached" */
  const secCheckDown = new Set<string>()

  const apis: Record<string, OpenApi> = {
    'security.msgSecCheck': async (params, req) => {
      if (secCheckDown.has(req.envName) || String(params.content ?? '').includes(SECCHECK_DOWN_MARKER)) {
        // What the SDK reports when WeChat's API does not answer in time: errCode -501002.
        throw new TcbError('SERVER_TIMEOUT', 'security.msgSecCheck did not answer (local cloud: content check switched off)')
      }
      return msgSecCheck(params)
    },
    'subscribeMessage.send': async (params, req) => {
      const checked = validateSend(params)
      if ('error' in checked) return checked.error
      const msgid = crypto.randomInt(1, 2 ** 48)
      await outbox.append({ msgid, env: req.envName, at: new Date().toISOString(), ...checked.message, sentBy: runningInvocation(req.caller)?.functionName })
      return { errcode: 0, errmsg: 'ok', msgid }
    },
  }

  const openApi: TcbHandler = async (req) => {
    const apiName = String(req.body.apiName ?? '')
    const raw = req.form?.requestData
    if (!Buffer.isBuffer(raw)) throw new TcbError('INVALID_PARAM', 'wx.openApi without requestData')
    const request = decodeCommApiData(raw)
    if (apiName === GET_OPEN_DATA) {
      // Resolved for the invocation's own user only: the SDK's URL token names the caller.
      const openid = req.caller?.openid ?? ''
      const items = decodeCloudIdList(request.svrkit?.reqData ?? Buffer.alloc(0))
        .map((cloudId) => ({ cloudId, json: JSON.stringify(openData.resolve(cloudId, openid)) }))
      return { raw: encodeCommOpenApiResp({ respData: encodeOpenDataResp(items), contentType: '' }) }
    }
    const running = runningInvocation(req.caller)
    if (running && !running.openapiPermissions.includes(apiName)) {
      return { raw: encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: NO_PERMISSION }) }
    }
    const api = apis[apiName]
    if (!api) return { raw: encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: API_NOT_FOUND }) }
    return reply(await api(pairsToParams(request.pairs), req))
  }

  const routes: RouteRegistration[] = [
    {
      method: 'GET',
      prefix: '/dev/outbox',
      handler: async (_req, res, url) => {
        const env = url.searchParams.get('env') || defaultEnv
        const limit = Math.min(Number(url.searchParams.get('limit')) || 50, 500)
        const messages = await outbox.recent(env, limit, url.searchParams.get('touser') ?? undefined)
        sendJson(res, 200, { env, messages })
      },
    },
    {
      method: 'POST',
      prefix: '/dev/seccheck',
      handler: async (req, res) => {
        const body = await readJson<{ env?: string; down?: boolean }>(req)
        const env = body.env || defaultEnv
        if (body.down) secCheckDown.add(env)
        else secCheckDown.delete(env)
        sendJson(res, 200, { env, down: secCheckDown.has(env) })
      },
    },
  ]

  return {
    name: 'openapi',
    openData,
    actions: [{ action: 'wx.openApi', handler: openApi }],
    routes,
    async start(options: LocalCloudOptions) {
      outbox = new Outbox(options.filesDir)
      defaultEnv = options.defaultEnv
    },
  }
}
