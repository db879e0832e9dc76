/**
 * Holiday plans: a visit list built from roster filters (all retirees, staff marked 困难,
 * departments), created as planned visits (exactly once, never half: plan-create.ts), ticked off
 * one by one (welfare.complete).
 */
import {
  MAX_PLAN_PEOPLE, welfarePlanCloseInput, welfarePlanCreateInput, welfarePlanPreviewInput, welfarePlansInput,
  type PlanFilter, type WelfarePerson, type WelfarePlanItem,
} from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { callerAnchor } from '../_shared/desk'
import { answerParts, countIn, countRead, docs, iso, pageWindow, type Part, type Read } from '../_shared/query'
import { inTransaction } from '../_shared/transaction'
import type { WelfarePlanDoc } from './documents'
import { welfareLabels } from './labels'
import { audit } from './log'
import { hardshipIds, membersByIds, personOf, visitorsOf } from './people'
import { abandonedWhere, finishPlan, finishThese, insertHead, planIdFor } from './plan-create'
import { PLANS, VISITS, getDoc, loadPlan } from './store'

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

type Progress = Map<string, { done: number; cancelled: number }>

type ProgressRow = { _id: { planId: string; state: 'done' | 'cancelled' }; n: number }

/** Done and cancelled visits of each plan, for a whole page of plans in one $group (not two counts per plan). */
function progressRead(ctx: Ctx, planIds: string[]): Read {
  const _ = ctx.db.command
  return {
    from: VISITS,
    stages: (p) => p.match({ planId: _.in(planIds), state: _.in(['done', 'cancelled']) })
      .group({ _id: { planId: '$planId', state: '$state' }, n: _.aggregate.sum(1) }).limit(planIds.length * 2),
  }
}

function progressFrom(planIds: string[], rows: ProgressRow[]): Progress {
  const out: Progress = new Map(planIds.map((id) => [id, { done: 0, cancelled: 0 }]))
  for (const row of rows) out.get(row._id.planId)![row._id.state] = row.n
  return out
}

/** Progress of some plans in one request (the read's stages on the collection's own aggregate). */
async function progressOf(ctx: Ctx, planIds: string[]): Promise<Progress> {
  if (!planIds.length) return progressFrom(planIds, [])
  const read = progressRead(ctx, planIds)
  const res = (await read.stages(ctx.db.collection(read.from).aggregate()).end()) as { list: ProgressRow[] }
  return progressFrom(planIds, res.list)
}

function planItem(p: WelfarePlanDoc, progress: Progress): WelfarePlanItem {
  const { done, cancelled } = progress.get(p._id) ?? { done: 0, cancelled: 0 }
  return {
    id: p._id, title: p.title, reason: p.reason, plannedDate: p.plannedDate, state: p.state === 'closed' ? 'closed' : 'active', filterLabel: filterLabel(p.filter),
    total: p.total, done, cancelled, cashFenEach: p.cashFenEach, createdAt: iso(p.createdAt),
  }
}

/** Plans left half-made, a page of plans (active first, newest first) with its count, then their progress. */
function plansPart(ctx: Ctx, page: number): Part<{ stale: WelfarePlanDoc[]; page: { items: WelfarePlanItem[]; page: number; total: number } }> {
  const _ = ctx.db.command
  const { skip, limit } = pageWindow(page)
  const listed = { state: _.in(['active', 'closed']) }
  return {
    first: {
      stale: { from: PLANS, stages: (p) => p.match(abandonedWhere(ctx)).limit(3) },
      items: { from: PLANS, stages: (p) => p.match(listed).sort({ state: 1, createdAt: -1, _id: 1 }).skip(skip).limit(limit) },
      total: countRead(PLANS, listed),
    },
    second: (r): Record<string, Read> => (r.items.length ? { progress: progressRead(ctx, r.items.map((p: WelfarePlanDoc) => p._id)) } : {}),
    answer(r, more) {
      const progress = progressFrom(r.items.map((p: WelfarePlanDoc) => p._id), more.progress ?? [])
      return { stale: r.stale, page: { items: (r.items as WelfarePlanDoc[]).map((p) => planItem(p, progress)), page, total: countIn(r.total) } }
    },
  }
}

export const planRoutes = {
  /** Who a plan with these filters would visit (before anything is created). */
  planPreview: action({
    input: welfarePlanPreviewInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels(),
    async run(ctx, input): Promise<{ people: WelfarePerson[]; departments: string[] }> {
      const [{ people }, depts] = await Promise.all([peopleFor(ctx, input.filter), departments(ctx)])
      return { people, departments: depts }
    },
  }),

  /** The plan and one planned visit per person, once per form (see plan-create.ts). */
  planCreate: action({
    input: welfarePlanCreateInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels({ title: '计划名称' }),
    async run(ctx, input): Promise<WelfarePlanItem> {
      const planId = planIdFor(ctx, input)
      let plan = await getDoc<WelfarePlanDoc>(ctx.db, PLANS, planId)
      if (!plan) {
        const exclude = new Set(input.excludeIds)
        const people = (await peopleFor(ctx, input.filter)).people.filter((p) => !exclude.has(p.id))
        if (people.length === 0) throw new AppError('BAD_INPUT', '名单是空的：请至少勾选一类人员（离退休、困难职工或部门）')
        const visitors = await visitorsOf(ctx, input.visitorIds)
        plan = await insertHead(ctx, planId, {
          title: input.title, reason: input.reason, plannedDate: input.plannedDate, filter: input.filter, cashFenEach: input.cashYuan,
          gifts: input.gifts.map((g) => ({ name: g.name, valueFen: g.valueYuan })), fund: input.fund,
        }, people.map((p) => ({ memberId: p.id, name: p.name, department: p.department })), visitors)
      }
      const finished = await finishPlan(ctx, plan)
      return planItem(finished, await progressOf(ctx, [finished._id]))
    },
  }),

  /**
   * Plans, newest first, with progress, in two requests after the caller: plans left half-made, the
   * page and its count in one; every listed plan's done and cancelled visits in one $group. A plan
   * left half-made (rare: the app closed mid-way) is finished first and the page read again.
   */
  plans: action({
    input: welfarePlansInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    labels: welfareLabels(),
    async run(ctx, input): Promise<{ items: WelfarePlanItem[]; page: number; total: number }> {
      const read = () => answerParts(ctx.db, callerAnchor(ctx), { plans: plansPart(ctx, input.page) })
      let { plans } = await read()
      if (plans.stale.length) {
        await finishThese(ctx, plans.stale)
        ;({ plans } = await read())
      }
      return plans.page
    },
  }),

  /** Closes a plan: its unvisited entries stay as they are but leave the 待办 list. */
  planClose: action({
    input: welfarePlanCloseInput,
    role: 'committee',
    deniedMessage: DENIED,
    labels: welfareLabels({ id: '慰问计划' }),
    async run(ctx, input): Promise<WelfarePlanItem> {
      const closed = await inTransaction(ctx.db, async (t) => {
        const p = await loadPlan(t, input.id)
        if (p.state === 'creating') throw notFound('这个慰问计划')
        if (p.state === 'closed') return p
        await t.collection(PLANS).doc(p._id).update({ data: { state: 'closed', updatedAt: ctx.now } })
        await audit(ctx, { action: 'welfare.planClose', target: { kind: 'welfarePlan', id: p._id, label: p.title }, before: { state: 'active' }, after: { state: 'closed' } }, t)
        return { ...p, state: 'closed' as const }
      })
      return planItem(closed, await progressOf(ctx, [closed._id]))
    },
  }),
}
