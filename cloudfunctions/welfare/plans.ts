/**
 * Holiday plans: a visit list built from roster filters (all retirees, staff marked 困难,
 * departments), created as planned visits in one step, ticked off one by one (welfare.complete).
 */
import {
  MAX_PLAN_PEOPLE, welfarePlanCloseInput, welfarePlanCreateInput, welfarePlanPreviewInput, welfarePlansInput,
  type PlanFilter, type WelfarePerson, type WelfarePlanItem,
} from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc, type WelfareVisitDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { audit } from './log'
import { docs, iso, pageOf, total } from '../_shared/query'
import { WELFARE_COLLECTIONS, type WelfarePlanDoc } from './documents'
import { hardshipIds, membersByIds, personOf, visitorsOf } from './people'

const DENIED = '只有工会委员和主席可以安排慰问计划'
const FIELDS = { _id: true, name: true, department: true, status: true, role: true, membership: true }

/** Approved members matching any ticked group, by department then name. */
async function peopleFor(ctx: Ctx, filter: Required<PlanFilter>): Promise<{ people: WelfarePerson[]; hardship: Set<string> }> {
  const hardship = await hardshipIds(ctx)
  const _ = ctx.db.command
  const members = ctx.db.collection(COLLECTIONS.members)
  const found = new Map<string, MemberDoc>()
  const collect = async (where: Record<string, unknown>) => {
    for (let skip = 0; ; skip += MAX_QUERY) {
      const page = await docs<MemberDoc>(members.where({ membership: 'approved', ...where }).orderBy('name', 'asc').skip(skip).limit(MAX_QUERY).field(FIELDS))
      for (const m of page) found.set(m._id, m)
      if (found.size > MAX_PLAN_PEOPLE) throw new AppError('BAD_INPUT', `名单超过 ${MAX_PLAN_PEOPLE} 人，请缩小范围（分部门建几个计划）`)
      if (page.length < MAX_QUERY) return
    }
  }
  if (filter.retirees) await collect({ status: '离退休' })
  if (filter.departments.length) await collect({ department: _.in(filter.departments) })
  if (filter.hardship && hardship.size) for (const m of (await membersByIds(ctx, [...hardship])).values()) found.set(m._id, m)
  const people = [...found.values()]
    .sort((a, b) => a.department.localeCompare(b.department, 'zh') || a.name.localeCompare(b.name, 'zh'))
    .map((m) => personOf(m, hardship))
  return { people, hardship }
}

async function departments(ctx: Ctx): Promise<string[]> {
  const res = (await ctx.db.collection(COLLECTIONS.members).aggregate().match({ membership: 'approved' }).group({ _id: '$department' }).limit(MAX_QUERY).end()) as { list: Array<{ _id: string }> }
  return res.list.map((d) => d._id).filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh'))
}

function filterLabel(f: WelfarePlanDoc['filter']): string {
  const parts = [f.retirees ? '全体离退休' : '', f.hardship ? '困难职工' : '', f.departments.length ? f.departments.join('、') : ''].filter(Boolean)
  return parts.join(' + ') || '—'
}

async function planItem(ctx: Ctx, p: WelfarePlanDoc): Promise<WelfarePlanItem> {
  const coll = ctx.db.collection(COLLECTIONS.welfareVisits)
  const [done, cancelled] = await Promise.all([total(coll.where({ planId: p._id, state: 'done' })), total(coll.where({ planId: p._id, state: 'cancelled' }))])
  return {
    id: p._id, title: p.title, reason: p.reason, plannedDate: p.plannedDate, state: p.state, filterLabel: filterLabel(p.filter),
    total: p.total, done, cancelled, cashFenEach: p.cashFenEach, createdAt: iso(p.createdAt),
  }
}

export const planRoutes = {
  /** Who a plan with these filters would visit (before anything is created). */
  planPreview: action({
    input: welfarePlanPreviewInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<{ people: WelfarePerson[]; departments: string[] }> {
      const [{ people }, depts] = await Promise.all([peopleFor(ctx, input.filter), departments(ctx)])
      return { people, departments: depts }
    },
  }),

  /** Creates the plan and one planned visit per person, in one step. Entry ids are plan+member, so a retry adds no duplicates. */
  planCreate: action({
    input: welfarePlanCreateInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfarePlanItem> {
      const exclude = new Set(input.excludeIds)
      const people = (await peopleFor(ctx, input.filter)).people.filter((p) => !exclude.has(p.id))
      if (people.length === 0) throw new AppError('BAD_INPUT', '名单是空的：请至少勾选一类人员（离退休、困难职工或部门）')
      const visitors = await visitorsOf(ctx, input.visitorIds)
      const gifts = input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan }))
      const giftFen = gifts.reduce((s, g) => s + g.valueFen, 0)
      const plan: Omit<WelfarePlanDoc, '_id'> = {
        title: input.title, reason: input.reason, plannedDate: input.plannedDate, filter: input.filter, cashFenEach: input.cashYuan,
        gifts, fund: input.fund, state: 'active', total: people.length, createdBy: ctx.member!._id, createdAt: ctx.now, updatedAt: ctx.now,
      }
      const { _id: planId } = (await ctx.db.collection(WELFARE_COLLECTIONS.plans).add({ data: plan })) as { _id: string }
      const visits = ctx.db.collection(COLLECTIONS.welfareVisits)
      for (let i = 0; i < people.length; i += 10) {
        await Promise.all(people.slice(i, i + 10).map(async (p) => {
          const doc: WelfareVisitDoc = {
            _id: `${planId}_${p.id}`, recipient: { kind: 'member', memberId: p.id, name: p.name, department: p.department },
            reason: input.reason, visitDate: input.plannedDate, month: input.plannedDate.slice(0, 7), visitors, cashFen: input.cashYuan,
            gifts, giftFen, fund: input.fund, notes: '', photos: [], state: 'planned', planId, revision: 1,
            createdBy: ctx.member!._id, createdAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.member!._id,
          }
          try {
            await visits.add({ data: doc })
          } catch (err) {
            if (!/E11000|duplicate/i.test(String((err as { errMsg?: string }).errMsg ?? err))) throw err
          }
        }))
      }
      await audit(ctx, {
        action: 'welfare.planCreate', target: { kind: 'welfarePlan', id: planId, label: input.title },
        after: { ...plan, people: people.map((p) => p.name) },
      })
      return planItem(ctx, { ...plan, _id: planId })
    },
  }),

  /** Plans, newest first, with progress. */
  plans: action({
    input: welfarePlansInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    async run(ctx, input): Promise<{ items: WelfarePlanItem[]; page: number; total: number }> {
      const _ = ctx.db.command
      const { total: count, items } = await pageOf<WelfarePlanDoc>(ctx.db.collection(WELFARE_COLLECTIONS.plans), { state: _.in(['active', 'closed']) }, {
        orderBy: [['state', 'asc'], ['createdAt', 'desc']], page: input.page,
      })
      return { items: await Promise.all(items.map((p) => planItem(ctx, p))), page: input.page, total: count }
    },
  }),

  /** Closes a plan: its unvisited entries stay as they are but leave the 待办 list. */
  planClose: action({
    input: welfarePlanCloseInput,
    role: 'committee',
    deniedMessage: DENIED,
    async run(ctx, input): Promise<WelfarePlanItem> {
      const found = await docs<WelfarePlanDoc>(ctx.db.collection(WELFARE_COLLECTIONS.plans).where({ _id: input.id }).limit(1))
      const p = found[0]
      if (!p) throw notFound('这个慰问计划')
      if (p.state === 'closed') return planItem(ctx, p)
      await ctx.db.collection(WELFARE_COLLECTIONS.plans).where({ _id: p._id, state: 'active' }).update({ data: { state: 'closed', updatedAt: ctx.now } })
      await audit(ctx, { action: 'welfare.planClose', target: { kind: 'welfarePlan', id: p._id, label: p.title }, before: { state: 'active' }, after: { state: 'closed' } })
      return planItem(ctx, { ...p, state: 'closed' })
    },
  }),
}
