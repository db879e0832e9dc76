import type * as z from 'zod/mini'
import { hasRole, type Role } from '../../types/role'
import type { Result } from '../../types/result'
import { createContext, type Ctx, type Database } from './context'
import { AppError } from './errors'
import { parseServerEnv, type ServerEnv } from './env'
import { formatIssues, label, type FieldLabels } from './input-issues'
import { findTextProblem } from './input-text'
import { servicesFrom, type CloudServicesLike, type Services } from './services'

/** One action of a function: its input schema, the least role that may call it, the handler. */
export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, O = unknown> {
  input: S
  /** the least role that may call it; 'timer' = only the platform's timer trigger (no WeChat user) */
  role: Role | 'timer'
  /** Chinese refusal for callers below `role` (a default per role is used otherwise) */
  deniedMessage?: string
  /** field names as this action's form shows them, where they differ from the shared list (input-issues.ts) */
  labels?: FieldLabels
  run(ctx: Ctx, input: z.output<S>): Promise<O>
}

/** Declares an action with its input type inferred from the schema. */
export function action<S extends z.ZodMiniType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def
}

export type Routes = Record<string, ActionDef<any, any>>

export interface DispatchDeps {
  /** from cloud.getWXContext().OPENID — the only source of identity */
  openid: string
  db: Database
  now: Date
  env?: ServerEnv
  /** storage, content security and subscription messages (real SDK in production and locally) */
  services?: Services
}

const DENIED: Record<Role, (actual: Role) => string> = {
  visitor: () => '暂时无法使用此功能',
  applicant: () => '请先在"我的"页提交入会申请',
  member: (actual) => (actual === 'applicant' ? '入会申请正在审核，通过后即可使用此功能' : '此功能仅对工会会员开放，请先在"我的"页申请加入工会'),
  committee: () => '只有工会委员和主席可以进行此操作',
  chair: () => '只有工会主席可以进行此操作',
}

/** Fields the platform or a client may put on the event that are never input: identity is not taken from the request. */
const NOT_INPUT = new Set(['action', 'userInfo', 'Type', 'TriggerName', 'Time'])

function fail(code: 'BAD_INPUT' | 'UNKNOWN_ACTION' | 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, code, message }
}

/**
 * parse → resolve caller → check role → run. Bad input never reaches a handler (so nothing is
 * written); refusals and failures come back as a stable code with a Chinese message, never a
 * stack. The event itself is never logged (anonymity promise).
 */
export async function dispatch(routes: Routes, event: unknown, deps: DispatchDeps): Promise<Result<unknown>> {
  const ev = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
  // A timer trigger calls the action named like the trigger in config.json.
  const isTimer = ev.Type === 'Timer' && typeof ev.TriggerName === 'string'
  const name = isTimer ? ev.TriggerName : ev.action
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(routes, name)) {
    return fail('UNKNOWN_ACTION', typeof name === 'string' ? '不支持这个操作，请更新小程序后重试' : '请求缺少操作名（action），请更新小程序后重试')
  }
  const def = routes[name]
  const raw = Object.fromEntries(Object.entries(ev).filter(([k]) => !NOT_INPUT.has(k)))
  try {
    // Role first: a caller without the right learns nothing, not even what input is expected.
    const ctx = await createContext({ openid: deps.openid, now: deps.now, db: deps.db, env: deps.env, services: deps.services })
    if (def.role === 'timer') {
      // Timers carry no WeChat user; any call with an openid came from a client.
      if (deps.openid !== '') return fail('FORBIDDEN', '此操作只由系统定时任务执行')
    } else if (!hasRole(ctx.role, def.role)) {
      return fail('FORBIDDEN', def.deniedMessage ?? DENIED[def.role](ctx.role))
    }
    // Characters no database stores and no screen shows are refused before the schema (and
    // before anything is counted or written), naming the field they were typed into.
    const bad = findTextProblem(raw)
    if (bad) {
      const what = label(bad.path, def.labels)
      const message = bad.kind === 'depth' ? '提交的内容层次过深，请更新小程序后重试' : `${what}中有无法识别的字符，请删除后重新输入`
      return { ok: false, code: 'BAD_INPUT', message: `输入有误：${message}。`, issues: [{ path: bad.path, message }] }
    }
    const parsed = def.input.safeParse(raw, { reportInput: true })
    if (!parsed.success) {
      const { message, issues } = formatIssues(parsed.error.issues as any, def.labels)
      return { ok: false, code: 'BAD_INPUT', message, issues }
    }
    const data = await def.run(ctx, parsed.data)
    return { ok: true, data }
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, message: err.message }
    const e = err instanceof Error ? err : new Error(String(err))
    // Only the action name and the error: never the event, its data or the caller.
    console.error(`[${name}] unexpected error: ${e.name}: ${e.message}\n${e.stack ?? ''}`)
    return fail('INTERNAL', '服务暂时出了问题，请稍后重试；如果一直这样，请联系工会。')
  }
}

/** The subset of wx-server-sdk a function entry needs (kept structural so tests need no SDK). */
export interface CloudLike extends CloudServicesLike {
  getWXContext(): { OPENID?: string }
  database(): Database
}

/**
 * The `main` of a cloud function. The environment is parsed once, at cold start; a bad
 * variable makes every call answer MISCONFIGURED (naming the variable, never its value).
 */
export function makeMain(cloud: CloudLike, routes: Routes, source: Record<string, string | undefined> = process.env) {
  const env = parseServerEnv(source)
  if (!env.ok) console.error(`function environment variables invalid: ${env.badNames.join(', ')}`)
  let db: Database | undefined
  const services = servicesFrom(cloud)
  return async function main(event: unknown): Promise<Result<unknown>> {
    if (!env.ok) return { ok: false, code: 'MISCONFIGURED', message: '云函数配置有误，请联系工会管理员检查环境变量。' }
    db ??= cloud.database()
    const openid = cloud.getWXContext().OPENID ?? ''
    return dispatch(routes, event, { openid, db, now: new Date(), env: env.env, services })
  }
}
