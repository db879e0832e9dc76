/**
 * Calling another of our functions as the caller: WeChat keeps the caller's OPENID across
 * callFunction, so the other function checks and audits the chair as it would from the app. Used to
 * publish through the notice function and to file the poll and 教代会 reports in the 台帐 — their
 * code stays in their own function.
 */
import { AppError } from '../_shared/errors'

type Caller = (name: string, data: Record<string, unknown>) => Promise<unknown>
let callFunction: Caller | null = null

/** Set once by index.ts with the SDK's cloud.callFunction. */
export function setCallFunction(fn: Caller): void {
  callFunction = fn
}

/** The other function's answer envelope (`{ ok, data }` or `{ ok: false, code, message }`). */
export async function callAction<T = unknown>(name: string, data: Record<string, unknown>): Promise<{ ok: boolean; message?: string; data?: T }> {
  if (!callFunction) throw new AppError('MISCONFIGURED', '云函数缺少平台能力，请联系工会管理员检查部署。')
  const res = (await callFunction(name, data)) as { result?: { ok: boolean; message?: string; data?: T } }
  return res?.result ?? { ok: false }
}
