import { getPersona } from '../dev/session'
import { TransportError, type CloudClient, type Transport } from './transport'

/**
 * Local build: functions run in the local cloud behind /gateway/call, acting as the
 * persona chosen in the dev sign-in (header), as WeChat would act as the signed-in user.
 */
const TIMEOUT_MS = 15000

export function initCloud(): void {}

export const transport: Transport = async ({ name, data }) => {
  const persona = getPersona()
  if (!persona) throw new TransportError('signin', 'no persona chosen')

  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  let res: Response
  try {
    res = await fetch('/gateway/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': persona.openid },
      body: JSON.stringify({ name, data }),
      signal: controller.signal,
    })
  } catch (err) {
    throw controller.signal.aborted
      ? new TransportError('timeout', `gateway timeout after ${TIMEOUT_MS} ms`)
      : new TransportError('network', String(err))
  } finally {
    clearTimeout(timer)
  }

  const body = (await res.json().catch(() => null)) as { result?: unknown; errCode?: number; errMsg?: string } | null
  if (!body) throw new TransportError(res.status >= 500 ? 'function' : 'network', `HTTP ${res.status} without JSON`)
  if (body.errCode !== undefined && body.errCode !== 0) {
    throw new TransportError('function', body.errMsg ?? `HTTP ${res.status}`, body.errCode)
  }
  if (!('result' in body)) throw new TransportError('function', `HTTP ${res.status} without result`)
  return body.result
}

export const client = { initCloud, transport } satisfies CloudClient
