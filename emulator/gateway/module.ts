import type { LocalCloudModule } from '../modules'
import type { LocalCloudOptions } from '../server'
import type { RouteRegistration } from '../registry'
import { readJson, sendJson } from '../http'
import type { FunctionsModule } from '../functions/module'
import { personas } from '../seed/personas'
import { serveStatic } from './static'

/** The caller when the h5 user has not picked a persona. */
export const ANONYMOUS_OPENID = 'o_dev_anonymous_visitor'
/** The header carrying the dev persona the h5 user picked (local cloud only). */
export const PERSONA_HEADER = 'x-local-openid'
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

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
        const body = await readJson<{ name?: unknown; data?: unknown }>(req).catch(() => undefined)
        if (!body || typeof body.name !== 'string' || !body.name) {
          return sendJson(res, 400, { errCode: -501007, errMsg: 'cloud.callFunction:fail parameter.name should be String instead of Undefined;' })
        }
        const header = req.headers[PERSONA_HEADER]
        const openid = typeof header === 'string' && OPENID.test(header) ? header : ANONYMOUS_OPENID
        const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data as Record<string, unknown> : {}
        const outcome = await cloud.module<FunctionsModule>('functions').invoke({
          env: options.defaultEnv, name: body.name, data, openid, source: 'wx_client',
        })
        sendJson(res, 200, outcome.ok ? { result: outcome.result } : { errCode: outcome.errCode, errMsg: outcome.errMsg })
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
