import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import type { RouteRegistration } from '../registry'
import { EVENT_MAX_BYTES, readJson, sendJson } from '../http'
import type { FunctionsModule } from '../functions/module'
import type { OpenapiModule } from '../openapi/module'
import { LOCAL_APPID } from '../functions/identity'
import { personas } from '../seed/personas'
import { serveStatic } from './static'
import { callerOpenid } from './persona'

/** WeChat group ids (openGId) are url-safe strings; the local build accepts the same alphabet. */
const OPEN_GID = /^[A-Za-z0-9_-]{1,128}$/
/** Database requests made by a /gateway/call invocation (its own and those of functions it called). */
export const DB_REQUESTS_HEADER = 'x-local-db-requests'

/**
 * The h5 build's way into the cloud: POST /gateway/call { name, data } runs the function as
 * wx.cloud.callFunction would from the app, with the caller named by the x-local-openid header.
 * Answers { result } or { errCode, errMsg } exactly as callFunction succeeds or fails.
 * Dev sign-in exists only here, in the local cloud; the weapp build never has it.
 * Serves the h5 build at `/`: this module's catch-all GET route must stay after every other
 * module's GET routes (modules.ts lists it near the end).
 */
export function gatewayModule(): LocalCloudModule {
  let options: LocalCloudOptions

  const routes: RouteRegistration[] = [
    {
      method: 'POST',
      prefix: '/gateway/call',
      handler: async (req, res, _url, cloud) => {
        const body = await readJson<{ name?: unknown; data?: unknown }>(req, EVENT_MAX_BYTES)
        if (!body || typeof body !== 'object' || typeof body.name !== 'string' || !body.name) {
          return sendJson(res, 400, { errCode: -501007, errMsg: 'cloud.callFunction:fail parameter.name should be String instead of Undefined;' })
        }
        const openid = callerOpenid(req)
        const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data as Record<string, unknown> : {}
        const outcome = await cloud.module<FunctionsModule>('functions').invoke({
          env: options.defaultEnv, name: body.name, data, openid, source: 'wx_client',
        })
        // The body is exactly callFunction's; the database requests the call made ride in a header.
        const usage = { [DB_REQUESTS_HEADER]: String(outcome.usage.dbRequests + outcome.usage.nested.dbRequests) }
        sendJson(res, 200, outcome.ok ? { result: outcome.result } : { errCode: outcome.errCode, errMsg: outcome.errMsg }, usage)
      },
    },
    {
      // The local build's stand-in for opening the app from a group card (wx.getGroupEnterInfo):
      // POST { openGId } as the signed-in persona → { cloudID }, which a function resolves with
      // cloud.getOpenData({ list: [cloudID] }) within five minutes, for this persona only.
      method: 'POST',
      prefix: '/gateway/cloud-id',
      handler: async (req, res, _url, cloud) => {
        const body = await readJson<{ openGId?: unknown }>(req)
        const openGId = body?.openGId
        if (typeof openGId !== 'string' || !OPEN_GID.test(openGId)) {
          return sendJson(res, 400, { errCode: -601002, errMsg: 'getGroupEnterInfo:fail openGId must be 1–128 characters of A-Z a-z 0-9 _ -' })
        }
        const cloudID = cloud.module<OpenapiModule>('openapi').openData.mint(callerOpenid(req), LOCAL_APPID, { openGId })
        sendJson(res, 200, { cloudID })
      },
    },
    {
      method: 'GET',
      prefix: '/dev/personas',
      handler: async (_req, res) => sendJson(res, 200, personas),
    },
    {
      method: 'GET',
      prefix: '/',
      handler: (req, res, url) => serveStatic(options.h5Dir, req, res, url),
    },
  ]

  return {
    name: 'gateway',
    routes,
    async start(o: LocalCloudOptions) {
      options = o
    },
  }
}
