import type { database } from 'wx-server-sdk'
import type { Role } from '../../types/role'
import { COLLECTIONS, type MemberDoc } from './documents'
import type { ServerEnv } from './env'
import { AppError } from './errors'
import type { Services } from './services'

export type Database = ReturnType<typeof database>

/**
 * What every handler receives. Built only by createContext — from the WeChat-verified openid,
 * never from anything in the request — so a test builds exactly what a real call builds.
 */
export interface Ctx {
  /** '' when the call carries no WeChat identity (timers); such a caller is a visitor */
  readonly openid: string
  readonly now: Date
  readonly db: Database
  readonly env: ServerEnv
  readonly role: Role
  /** the caller's member record when approved or pending; null for visitors */
  readonly member: MemberDoc | null
  /** storage, msgSecCheck, subscription messages */
  readonly services: Services
}

export interface ContextInput {
  openid: string
  now: Date
  db: Database
  env?: ServerEnv
  services?: Services
}

/** For contexts built without platform services (unit tests of pure handlers). */
const NO_SERVICES: Services = new Proxy({} as Services, {
  get: () => () => { throw new AppError('MISCONFIGURED', '云函数缺少平台能力，请联系工会管理员检查部署。') },
})

/**
 * Role from the members collection: approved → its role; pending → applicant; removed,
 * rejected or absent → visitor (access ends the moment a member is removed).
 */
export function roleOf(member: MemberDoc | null): { role: Role; member: MemberDoc | null } {
  if (!member) return { role: 'visitor', member: null }
  if (member.membership === 'approved') return { role: member.role, member }
  if (member.membership === 'pending') return { role: 'applicant', member }
  return { role: 'visitor', member: null }
}

export async function findMemberByOpenid(db: Database, openid: string): Promise<MemberDoc | null> {
  if (!openid) return null
  const res = (await db.collection(COLLECTIONS.members).where({ openid }).limit(1).get()) as { data: unknown[] }
  return (res.data[0] as MemberDoc | undefined) ?? null
}

export async function createContext(input: ContextInput): Promise<Ctx> {
  const found = await findMemberByOpenid(input.db, input.openid)
  const { role, member } = roleOf(found)
  return { openid: input.openid, now: input.now, db: input.db, env: input.env ?? {}, role, member, services: input.services ?? NO_SERVICES }
}

/** The caller's member record, for actions whose role guarantees one (member and above). */
export function requireMember(ctx: Ctx): MemberDoc {
  if (!ctx.member) throw new Error('requireMember on a caller without a member record')
  return ctx.member
}
