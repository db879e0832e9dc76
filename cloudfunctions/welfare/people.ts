/**
 * People for the welfare forms: recipients from the roster, visitors from the committee, and
 * the 困难 (hardship) flag the committee keeps in welfare_people (audited; never disclosed).
 */
import type { WelfarePerson } from '../../types/welfare'
import { welfarePeopleInput, welfareSetHardshipInput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, escapeRegExp, getDoc } from '../_shared/query'
import { inTransaction } from '../_shared/transaction'
import { welfareLabels } from './labels'
import { audit } from './log'
import { WELFARE_COLLECTIONS, type WelfarePersonDoc } from './documents'

const MEMBER_FIELDS = { _id: true, name: true, department: true, status: true, role: true, membership: true }

export function personOf(m: MemberDoc, hardship: Set<string>): WelfarePerson {
  return { id: m._id, name: m.name, department: m.department, status: m.status, hardship: hardship.has(m._id) }
}

/** Ids of members flagged 困难 (there are few; paged by MAX_QUERY). */
export async function hardshipIds(ctx: Ctx): Promise<Set<string>> {
  const out = new Set<string>()
  for (let skip = 0; ; skip += MAX_QUERY) {
    const found = await docs<WelfarePersonDoc>(ctx.db.collection(WELFARE_COLLECTIONS.people).where({ hardship: true }).orderBy('_id', 'asc').skip(skip).limit(MAX_QUERY).field({ _id: true }))
    for (const p of found) out.add(p._id)
    if (found.length < MAX_QUERY) return out
  }
}

/** Approved members by id (any number, fetched MAX_QUERY at a time). */
export async function membersByIds(ctx: Ctx, ids: string[]): Promise<Map<string, MemberDoc>> {
  const _ = ctx.db.command
  const unique = [...new Set(ids)]
  const out = new Map<string, MemberDoc>()
  for (let i = 0; i < unique.length; i += MAX_QUERY) {
    const found = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where({ _id: _.in(unique.slice(i, i + MAX_QUERY)), membership: 'approved' }).limit(MAX_QUERY).field(MEMBER_FIELDS))
    for (const m of found) out.set(m._id, m)
  }
  return out
}

/** A recipient from the roster: must be an approved member. */
export async function recipientMember(ctx: Ctx, memberId: string): Promise<MemberDoc> {
  const m = (await membersByIds(ctx, [memberId])).get(memberId)
  if (!m) throw new AppError('NOT_FOUND', '名单里没有这位会员，请重新选择受慰问人')
  return m
}

/** Visitors must be committee members or the chair; names are copied in as they are today. */
export async function visitorsOf(ctx: Ctx, ids: string[]): Promise<Array<{ memberId: string; name: string }>> {
  if (ids.length === 0) return []
  const found = await membersByIds(ctx, ids)
  return [...new Set(ids)].map((id) => {
    const m = found.get(id)
    if (!m || (m.role !== 'committee' && m.role !== 'chair')) throw new AppError('BAD_INPUT', '看望人只能是工会委员或主席，请重新选择')
    return { memberId: m._id, name: m.name }
  })
}

export const peopleRoutes = {
  /** Roster search for the forms: recipients (approved members) or visitors (committee and chair). */
  people: action({
    input: welfarePeopleInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    labels: welfareLabels(),
    async run(ctx, input): Promise<{ items: WelfarePerson[] }> {
      const _ = ctx.db.command
      const hardship = await hardshipIds(ctx)
      const where: Record<string, unknown> = { membership: 'approved' }
      if (input.kind === 'visitor') where.role = _.in(['committee', 'chair'])
      if (input.kind === 'hardship') where._id = _.in([...hardship].slice(0, MAX_QUERY))
      if (input.keyword) where.name = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: '' })
      const found = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where(where).orderBy('name', 'asc').limit(50).field(MEMBER_FIELDS))
      return { items: found.map((m) => personOf(m, hardship)) }
    },
  }),

  /** Marks or unmarks a member as 困难 (staff in difficulty) for holiday plans. Audited. */
  setHardship: action({
    input: welfareSetHardshipInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以标记困难职工',
    labels: welfareLabels(),
    async run(ctx, input): Promise<{ memberId: string; hardship: boolean }> {
      const m = await recipientMember(ctx, input.memberId)
      // the mark and its audit entry in one transaction: both or neither
      const hardship = await inTransaction(ctx.db, async (t) => {
        const before = await getDoc<WelfarePersonDoc>(t, WELFARE_COLLECTIONS.people, m._id)
        const was = before?.hardship ?? false
        if (was === input.hardship && (before?.note ?? '') === input.note) return was
        await t.collection(WELFARE_COLLECTIONS.people).doc(m._id).set({ data: { hardship: input.hardship, note: input.note, updatedAt: ctx.now, updatedBy: ctx.member!._id } })
        await audit(ctx, {
          action: 'welfare.setHardship',
          target: { kind: 'member', id: m._id, label: m.name },
          before: { hardship: was, note: before?.note ?? '' },
          after: { hardship: input.hardship, note: input.note },
        }, t)
        return input.hardship
      })
      return { memberId: m._id, hardship }
    },
  }),
}
