/**
 * The environment variables that point an unmodified wx-server-sdk at the local cloud. Without
 * TCB_CONTEXT_CNFG the SDK silently calls Tencent's real cloud, so every runner checks
 * `assertLoopback` before it runs anything.
 */
export function sdkEnvironment(adminUrl: string, envName: string, identity?: { openid?: string; appid?: string; unionid?: string; source?: string }): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    TCB_ENV: envName,
    SCF_NAMESPACE: envName,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,TCB_SOURCE,TCB_ENV',
    WX_OPENID: identity?.openid ?? '',
    WX_APPID: identity?.appid ?? 'wx-local-app',
    WX_UNIONID: identity?.unionid ?? '',
    TCB_SOURCE: identity?.source ?? 'wx_client',
  }
}

/**
 * The real wx-server-sdk in this process, pointed at a local cloud and bound to one environment
 * (scripts, seeding, tests and benchmarks). Returns the SDK and that environment's database.
 */
export function connectLocalSdk(adminUrl: string, envName: string): { cloud: any; db: any } {
  Object.assign(process.env, sdkEnvironment(adminUrl, envName))
  const cloud = require('wx-server-sdk')
  cloud.init({ env: envName })
  return { cloud, db: cloud.database({ env: envName }) }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Throws unless the SDK's endpoint (TCB_CONTEXT_CNFG) is on this machine. */
export function assertLoopback(env: NodeJS.ProcessEnv | Record<string, string | undefined>): void {
  const raw = env.TCB_CONTEXT_CNFG
  if (!raw) throw new Error('拒绝运行：未设置 TCB_CONTEXT_CNFG，wx-server-sdk 会直接访问腾讯云。')
  let url: URL
  try {
    url = new URL(JSON.parse(raw).URL)
  } catch {
    throw new Error(`拒绝运行：TCB_CONTEXT_CNFG 无法解析（${raw}）`)
  }
  if (!LOOPBACK.has(url.hostname)) throw new Error(`拒绝运行：TCB_CONTEXT_CNFG 指向 ${url.hostname}，只允许本机地址。`)
}
