import Taro from '@tarojs/taro'
import { TransportError, type CloudClient, type Transport } from './transport'

/** WeChat: the only place that knows functions are reached through wx.cloud. */
export function initCloud(): void {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: false })
}

export const transport: Transport = async ({ name, data }) => {
  try {
    const res = await Taro.cloud.callFunction({ name, data })
    return res.result
  } catch (err) {
    throw toTransportError(err)
  }
}

/** wx.cloud rejects with { errCode, errMsg }; errMsg says whether the request left the phone. */
export function toTransportError(err: unknown): TransportError {
  const e = (err ?? {}) as { errCode?: number; errMsg?: string; message?: string }
  const msg = String(e.errMsg ?? e.message ?? err)
  if (/timeout|time out/i.test(msg)) return new TransportError('timeout', msg, e.errCode)
  if (/request:fail|network|ERR_NAME|offline/i.test(msg)) return new TransportError('network', msg, e.errCode)
  return new TransportError('function', msg, e.errCode)
}

export const client = { initCloud, transport } satisfies CloudClient
