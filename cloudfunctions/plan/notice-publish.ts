/**
 * Plan records that become 校务公开 notices: the adopted plan (and its later corrections) and a
 * meeting's published summary. A draft is written with the shared notice-draft code (create-once:
 * its request id is derived from the record and its revision, so a retry finds the same draft), then
 * published — or a published one corrected — by calling the notice function: the chair's own identity
 * passes through (WeChat keeps the caller's OPENID across callFunction), so the notice function checks
 * and audits the chair as it would from the app. Resumable: a retry after any step lands on the same notice.
 */
import { noticeBody, type NoticeBlock } from '../../types/notice'
import type { PlanItemView } from '../../types/plan'
import { canonical } from '../_shared/canonical'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { callAction } from './call-function'
import { createNoticeDraft } from '../_shared/notice-drafts'
import type { PlanDoc } from './documents'
import { noticeContent, type NoticeContent } from './linked-notices'

export const planNoticeTitle = (year: number) => `${year}年工会工作计划`

/**
 * The notice text of a plan. Only what the plan decides — dates, work, owners, cancellations — never
 * the day-to-day progress, so the notice changes when the plan changes, not when work gets done.
 */
export function planNoticeBody(plan: PlanDoc, items: PlanItemView[]): NoticeBlock[] {
  const body: NoticeBlock[] = []
  if (plan.guidance.length) body.push({ type: 'heading', text: '一、指导思想' }, ...plan.guidance)
  if (plan.focus.length) body.push({ type: 'heading', text: `${plan.guidance.length ? '二' : '一'}、重点工作` }, ...plan.focus)
  body.push({ type: 'heading', text: '具体工作安排' })
  body.push({
    type: 'table', header: ['月份', '日期', '工作内容', '负责人', '备注'],
    rows: items.slice(0, 100).map((i) => [`${i.month}月`, i.date ?? '', i.title, i.ownerName, i.status === 'cancelled' ? `已取消：${i.cancelReason ?? ''}` : i.note]),
  })
  return body
}

const callNotice = <T = unknown>(data: Record<string, unknown>) => callAction<T>('notice', data)

/** A notice this call published or corrected, as it stands after (null: gone). */
export interface KnownNotice {
  id: string
  notice: NoticeContent | null
}

/**
 * Drafts (once per `requestId`) and publishes an internal notice as the caller. The notice is read once,
 * after the notice function answered: as published by this call or — publishing refused — by an earlier
 * try or a tap at the same time (then it is the answer if it is published).
 */
export async function publishAsNotice(ctx: Ctx, notice: { title: string; body: NoticeBlock[]; requestId: string }): Promise<KnownNotice> {
  const { id } = await createNoticeDraft(ctx, { ...notice, category: '校务', visibility: 'internal' })
  const res = await callNotice({ action: 'publish', id })
  const now = await noticeContent(ctx.db, id)
  if (!res.ok && now?.state !== 'published') throw new AppError('CONFLICT', `公告已起草，但发布没有成功：${res.message ?? '请稍后重试'}`)
  return { id, notice: now }
}

export const publishPlanNotice = (ctx: Ctx, plan: PlanDoc, items: PlanItemView[]) =>
  publishAsNotice(ctx, { title: planNoticeTitle(plan.year), body: planNoticeBody(plan, items), requestId: `plan${plan.year}r${plan.revision}adopt` })

/**
 * Whether the published notice still says what the plan says now. `known` is a notice this call already
 * has (just published or corrected): used when it is the plan's notice, else the notice is read.
 */
export async function planNoticeState(ctx: Ctx, plan: PlanDoc, items: PlanItemView[], known?: KnownNotice): Promise<{ id: string; version: number; behind: boolean } | undefined> {
  if (!plan.noticeId) return undefined
  const notice = known?.id === plan.noticeId ? known.notice : await noticeContent(ctx.db, plan.noticeId)
  if (!notice || notice.state !== 'published') return undefined
  // Compared as the notice function stores it: parsed by the notice schema, keys in any order.
  const behind = notice.title !== planNoticeTitle(plan.year) || canonical(notice.body) !== canonical(noticeBody.parse(planNoticeBody(plan, items)))
  return { id: notice._id, version: notice.version, behind }
}

/**
 * Publishes the plan's changes as a correction of its notice (a new version with the reason, as any
 * correction). `version` is the notice version the chair saw: the notice function refuses a stale one.
 * Answers the notice as corrected: the title and text sent (stored as the notice schema parses them;
 * a plan's notice has no images or attachments to seal) at the version the notice function answers.
 */
export async function correctPlanNotice(ctx: Ctx, plan: PlanDoc, items: PlanItemView[], version: number): Promise<KnownNotice> {
  const state = await planNoticeState(ctx, plan, items)
  if (!state) throw new AppError('CONFLICT', '这份计划没有已发布的公告，无法更新')
  if (state.version !== version) throw new AppError('CONFLICT', '已被他人修改，请刷新后重试')
  if (!state.behind) throw new AppError('BAD_INPUT', '公告内容已与计划一致，无需更新')
  const title = planNoticeTitle(plan.year)
  const body = planNoticeBody(plan, items)
  const res = await callNotice<{ version: number }>({ action: 'correct', id: state.id, version, title, body, reason: '工作计划调整，更新具体工作安排' })
  if (!res.ok || !res.data) throw new AppError('CONFLICT', `公告没有更新：${res.message ?? '请稍后重试'}`)
  return { id: state.id, notice: { _id: state.id, state: 'published', version: res.data.version, title, body: noticeBody.parse(body) as NoticeBlock[] } }
}
