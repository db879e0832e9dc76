/**
 * An adopted plan becomes a 校务公开 notice: the draft is written with the shared notice-draft code
 * (create-once: its request id is derived from the plan and its revision, so a retry finds the same
 * draft), then published by calling the notice function — the chair's own identity passes through
 * (WeChat keeps the caller's OPENID across callFunction), so notice.publish checks and audits the
 * chair as it would from the app. Resumable: a retry after any step lands on the same notice.
 */
import type { NoticeBlock } from '../../types/notice'
import { itemStatusLabels, type PlanItemView } from '../../types/plan'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { createNoticeDraft } from '../_shared/notice-drafts'
import type { PlanDoc } from './documents'
import { noticeState } from './linked-notices'

type Caller = (name: string, data: Record<string, unknown>) => Promise<unknown>
let callFunction: Caller | null = null

/** Set once by index.ts with the SDK's cloud.callFunction. */
export function setCallFunction(fn: Caller): void {
  callFunction = fn
}

export function planNoticeBody(plan: PlanDoc, items: PlanItemView[]): NoticeBlock[] {
  const body: NoticeBlock[] = []
  if (plan.guidance.length) body.push({ type: 'heading', text: '一、指导思想' }, ...plan.guidance)
  if (plan.focus.length) body.push({ type: 'heading', text: `${plan.guidance.length ? '二' : '一'}、重点工作` }, ...plan.focus)
  body.push({ type: 'heading', text: '具体工作安排' })
  body.push({
    type: 'table', header: ['月份', '日期', '工作内容', '负责人', '状态'],
    rows: items.slice(0, 100).map((i) => [`${i.month}月`, i.date ?? '', i.title, i.ownerName, itemStatusLabels[i.status]]),
  })
  return body
}

export async function publishPlanNotice(ctx: Ctx, plan: PlanDoc, items: PlanItemView[]): Promise<string> {
  const { id } = await createNoticeDraft(ctx, {
    title: `${plan.year}年工会工作计划`, category: '校务', visibility: 'internal', body: planNoticeBody(plan, items), requestId: `plan${plan.year}r${plan.revision}adopt`,
  })
  if ((await noticeState(ctx.db, id)) === 'published') return id
  if (!callFunction) throw new AppError('MISCONFIGURED', '云函数缺少平台能力，请联系工会管理员检查部署。')
  const res = (await callFunction('notice', { action: 'publish', id })) as { result?: { ok: boolean; message?: string } }
  if (!res?.result?.ok && (await noticeState(ctx.db, id)) !== 'published') {
    throw new AppError('CONFLICT', `计划公告已起草，但发布没有成功：${res?.result?.message ?? '请稍后重试'}`)
  }
  return id
}
