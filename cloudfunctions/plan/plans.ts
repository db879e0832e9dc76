/**
 * The year's plan: 指导思想 and 重点工作 (safe blocks) and its items. One plan per year (`plan_<year>`).
 *  - save: creates the plan, or edits it at the revision shown (stale revisions are refused).
 *  - copy: starts this year's plan from another year's — text and items, every date moved into
 *    this year (29 Feb becomes 28 Feb), links, cancellations and 已完成 marks dropped. The plan and
 *    all its items are written in one transaction, so a copy is all or nothing and a repeat finds the plan.
 *  - adopt: the chair adopts the plan and it is published as a 校务公开 notice (notice-publish.ts).
 */
import * as z from 'zod/mini'
import { isRealDate } from '../../types/common'
import { planIdOf, type planSaveInput, type PlanItemView, type PlanView } from '../../types/plan'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { AppError, conflict, notFound, staleRevision } from '../_shared/errors'
import { iso } from '../_shared/query'
import { inTransaction } from '../_shared/transaction'
import type { PlanDoc, PlanItemDoc } from './documents'
import { PLAN_COLLECTIONS as C, getDoc, itemsOfYear, loadPlan, planYears } from './store'
import { itemViews } from './status'
import { addHistory } from './items'
import { correctPlanNotice, planNoticeState, publishPlanNotice, type KnownNotice } from './notice-publish'

export async function planView(ctx: Ctx, year: number): Promise<PlanView> {
  const [plan, items, years] = await Promise.all([loadPlan(ctx.db, year), itemsOfYear(ctx.db, year), planYears(ctx.db)])
  return planPage(ctx, year, plan, await itemViews(ctx.db, items, ctx.now), { years })
}

/**
 * The plan page from what the caller already holds — the plan as read or as its transaction wrote it,
 * its items' views, and (after publishing) the notice as published — so an action reads none of them twice.
 */
async function planPage(ctx: Ctx, year: number, plan: PlanDoc | null, views: PlanItemView[], has: { years?: number[]; notice?: KnownNotice } = {}): Promise<PlanView> {
  const [years, notice] = await Promise.all([
    has.years ?? planYears(ctx.db), plan?.state === 'adopted' ? planNoticeState(ctx, plan, views, has.notice) : undefined,
  ])
  return {
    year, exists: !!plan, state: plan?.state ?? 'none', guidance: plan?.guidance ?? [], focus: plan?.focus ?? [], revision: plan?.revision ?? 0,
    ...(plan?.noticeId ? { noticeId: plan.noticeId } : {}), ...(notice ? { notice } : {}), ...(plan?.adoptedAt ? { adoptedAt: iso(plan.adoptedAt) } : {}),
    items: views, years,
  }
}

export async function savePlan(ctx: Ctx, input: z.output<typeof planSaveInput>): Promise<PlanView> {
  const me = requireMember(ctx)
  const id = planIdOf(input.year)
  await inTransaction(ctx.db, async (t) => {
    const plan = await getDoc<PlanDoc>(t, C.plans, id)
    if (!plan) {
      const doc: PlanDoc = { _id: id, year: input.year, state: 'draft', guidance: input.guidance as PlanDoc['guidance'], focus: input.focus as PlanDoc['focus'], revision: 1, createdBy: me._id, createdAt: ctx.now, updatedAt: ctx.now }
      await t.collection(C.plans).add({ data: doc })
      await recordAudit(t, ctx, { action: 'plan.save', target: { kind: 'plan', id, label: `${input.year}年工会工作计划` }, after: { state: 'draft' } })
      return
    }
    if (input.revision === undefined) throw conflict(`${input.year} 年的计划已经存在，请刷新后在其上修改`)
    if (plan.revision !== input.revision) throw staleRevision()
    await t.collection(C.plans).doc(id).update({ data: { guidance: input.guidance, focus: input.focus, revision: plan.revision + 1, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'plan.save', target: { kind: 'plan', id, label: `${input.year}年工会工作计划` }, note: '修改了指导思想或重点工作' })
  })
  return planView(ctx, input.year)
}

/** `date` moved into `year` (same month and day; 29 Feb → 28 Feb). */
export function redate(date: string, year: number): string {
  const moved = `${year}${date.slice(4)}`
  return isRealDate(moved) ? moved : `${year}-02-28`
}

export async function copyPlan(ctx: Ctx, year: number, fromYear: number): Promise<PlanView> {
  if (year === fromYear) throw new AppError('BAD_INPUT', '输入有误：请选择另一年的计划来复制。')
  const me = requireMember(ctx)
  const source = await loadPlan(ctx.db, fromYear)
  if (!source) throw notFound(`${fromYear} 年的计划`)
  const items = await itemsOfYear(ctx.db, fromYear)
  if (items.length > 300) throw new AppError('BAD_INPUT', '上一年的计划事项超过 300 项，请先整理后再复制')
  const id = planIdOf(year)
  try {
    await inTransaction(ctx.db, async (t) => {
      if (await getDoc<PlanDoc>(t, C.plans, id)) throw conflict(`${year} 年的计划已经存在，不能再复制`)
      const plan: PlanDoc = { _id: id, year, state: 'draft', guidance: source.guidance, focus: source.focus, revision: 1, copiedFrom: fromYear, createdBy: me._id, createdAt: ctx.now, updatedAt: ctx.now }
      await t.collection(C.plans).add({ data: plan })
      for (const s of items) {
        const copy: PlanItemDoc = {
          _id: `${id}_${s._id}`.slice(0, 128), planId: id, year, month: s.month, ...(s.date ? { date: redate(s.date, year) } : {}), title: s.title, category: s.category,
          ownerId: s.ownerId, ownerName: s.ownerName, note: s.note, public: s.public, state: 'active', revision: 1, createdBy: me._id, createdAt: ctx.now, updatedAt: ctx.now,
        }
        await t.collection(C.items).add({ data: copy })
        await addHistory(t, ctx, copy._id, 1, `从 ${fromYear} 年计划复制`)
      }
      await recordAudit(t, ctx, { action: 'plan.copy', target: { kind: 'plan', id, label: `${year}年工会工作计划` }, after: { copiedFrom: fromYear, items: items.length } })
    })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    throw conflict(`${year} 年的计划已经存在，不能再复制`)
  }
  return planView(ctx, year)
}

export async function adoptPlan(ctx: Ctx, year: number, revision: number): Promise<PlanView> {
  const plan = await loadPlan(ctx.db, year)
  if (!plan) throw notFound(`${year} 年的计划`)
  if (plan.state === 'adopted') throw conflict('这份计划已经通过并公布了')
  if (plan.revision !== revision) throw staleRevision()
  const items = await itemsOfYear(ctx.db, year)
  if (items.length === 0) throw new AppError('BAD_INPUT', '计划里还没有具体工作安排，请先添加事项')
  const views = await itemViews(ctx.db, items, ctx.now)
  const notice = await publishPlanNotice(ctx, plan, views)
  // The answer is the plan as this transaction found or wrote it, with the items and the notice this call holds.
  const adopted = await inTransaction(ctx.db, async (t) => {
    const now = await getDoc<PlanDoc>(t, C.plans, plan._id)
    if (!now || now.state === 'adopted') return now
    const patch = { state: 'adopted' as const, noticeId: notice.id, adoptedAt: ctx.now, revision: now.revision + 1, updatedAt: ctx.now }
    await t.collection(C.plans).doc(plan._id).update({ data: patch })
    await recordAudit(t, ctx, { action: 'plan.adopt', target: { kind: 'plan', id: plan._id, label: `${year}年工会工作计划` }, after: { state: 'adopted' } })
    return { ...now, ...patch }
  })
  return planPage(ctx, year, adopted, views, { notice })
}

/** The adopted plan's changes (items added, re-dated, cancelled; text edited) published as a correction of its notice. */
export async function updatePlanNotice(ctx: Ctx, year: number, noticeVersion: number): Promise<PlanView> {
  const plan = await loadPlan(ctx.db, year)
  if (!plan || plan.state !== 'adopted') throw conflict('计划还没有通过并公布，请先公布')
  const views = await itemViews(ctx.db, await itemsOfYear(ctx.db, year), ctx.now)
  // The plan is not written here: the page is the plan and items as read, with the notice as corrected.
  return planPage(ctx, year, plan, views, { notice: await correctPlanNotice(ctx, plan, views, noticeVersion) })
}
