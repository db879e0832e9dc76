/**
 * The h5 build's way into the local cloud, standing in for wx.cloud.callFunction:
 *   POST /gateway/call { name, data }  →  { result }  or  { errCode, errMsg }
 * The caller's identity is the dev persona the h5 user picked (header x-local-openid); it is a
 * local-only convenience, never part of the weapp build. Also serves the h5 build at `/` and the
 * persona list at GET /dev/personas.
 */
import type { LocalCloudModule } from '../modules'
import type { FunctionsModule } from '../functions/module'
import { readJson, sendJson } from '../http'
import { serveStatic } from './static-files'

/** Someone who opened the app without choosing a persona: a visitor with no member record. */
export const ANONYMOUS_VISITOR_OPENID = 'o_dev_anonymous_visitor'

export function gatewayModule(): LocalCloudModule {
  return {
    name: 'gateway',
    routes: [
      {
        method: 'POST',
        prefix: '/gateway/call',
        async handler(req, res, _url, cloud) {
          const body = await readJson<{ name?: string; data?: Record<string, unknown> }>(req)
          if (!body.name) return sendJson(res, 200, { errCode: -1, errMsg: 'cloud.callFunction:fail 缺少函数名 name' })
          const header = req.headers['x-local-openid']
          const openid = typeof header === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(header) ? header : ANONYMOUS_VISITOR_OPENID
          const outcome = await cloud.module<FunctionsModule>('functions').invoke({ name: body.name, data: body.data ?? {}, openid, source: 'wx_client' })
          if (outcome.ok) sendJson(res, 200, { result: outcome.result, errMsg: 'cloud.callFunction:ok' })
          else sendJson(res, 200, { errCode: outcome.errCode, errMsg: outcome.errMsg })
        },
      },
      {
        method: 'GET',
        prefix: '/dev/personas',
        async handler(_req, res) {
          const { personas } = await import('../seed/personas')
          sendJson(res, 200, personas)
        },
      },
      {
        // Last: everything else is the h5 build (hash routing, so only real files exist).
        method: 'GET',
        prefix: '/',
        async handler(_req, res, url, cloud) {
          const dir = cloud.options.h5Dir
          if (dir && serveStatic(dir, url.pathname, res)) return
          sendJson(res, 404, { message: dir ? 'not found' : 'h5 未构建：先运行 npm run build:h5' })
        },
      },
    ],
  }
}
