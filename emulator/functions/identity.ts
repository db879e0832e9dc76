import type { InvocationIdentity } from '../registry'

/** The AppID the local cloud plays; sdkEnvironment() gives scripts the same one. */
export const LOCAL_APPID = 'wx-local-app'

/**
 * The process.env entries one invocation owns. getWXContext() and the SDK's request URL read
 * these at call time, so the worker rewrites them before every invocation; an empty value is
 * removed, so getWXContext() leaves the field out as WeChat does (e.g. no OPENID for a timer).
 */
export function invocationEnv(adminUrl: string, token: string, who: InvocationIdentity): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${adminUrl}/i/${token}` }),
    TCB_ENV: who.envName,
    SCF_NAMESPACE: who.envName,
    WX_OPENID: who.openid,
    WX_APPID: who.appid,
    WX_UNIONID: who.unionid,
    TCB_SOURCE: who.source,
  }
}

/** SOURCE follows the call chain: a function called by a function called from the app sees `wx_client,scf`. */
export function calleeIdentity(caller: InvocationIdentity | undefined, envName: string): InvocationIdentity {
  if (!caller) return { openid: '', appid: '', unionid: '', envName, source: 'scf' }
  const { openid, appid, unionid, source } = caller
  return { openid, appid, unionid, envName, source: source ? `${source},scf` : 'scf' }
}

/** Timer invocations carry no user: WeChat gives them only ENV and SOURCE `wx_trigger`. */
export function timerIdentity(envName: string): InvocationIdentity {
  return { openid: '', appid: '', unionid: '', envName, source: 'wx_trigger' }
}

/**
 * What the runner registers for an invocation's token: the caller, plus which function is running
 * and the openapi permissions its config.json grants (the openapi stand-in enforces them).
 */
export interface RunningInvocation extends InvocationIdentity {
  functionName: string
  openapiPermissions: string[]
}

export function runningInvocation(caller: InvocationIdentity | undefined): RunningInvocation | undefined {
  return caller && 'functionName' in caller ? (caller as RunningInvocation) : undefined
}
