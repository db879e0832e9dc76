/**
 * Who may see which notice. One rule everywhere (detail, versions, attachments, exports): a
 * caller who may not read a notice gets the same NOT_FOUND as for a notice that does not exist,
 * so an internal notice's existence is not revealed to visitors.
 */
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import type { NoticeDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { findNotice } from './store'

export const NOTICE_NOT_FOUND = () => notFound('这份公告')

/** May this caller read this notice at all? Drafts: committee and chair; internal: members. */
export function mayRead(ctx: Ctx, notice: NoticeDoc): boolean {
  if (notice.state === 'draft') return hasRole(ctx.role, 'committee')
  if (notice.visibility === 'internal') return hasRole(ctx.role, 'member')
  return true
}

export async function readableNotice(ctx: Ctx, id: string): Promise<NoticeDoc> {
  const notice = await findNotice(ctx, id)
  if (!notice || !mayRead(ctx, notice)) throw NOTICE_NOT_FOUND()
  return notice
}

/** For chair/committee actions: the notice must exist and be in one of `states`. */
export async function noticeIn(ctx: Ctx, id: string, states: NoticeDoc['state'][], refusal: string): Promise<NoticeDoc> {
  return inState(await findNotice(ctx, id), states, refusal)
}

/** The check of `noticeIn` on a notice read some other way (null: not found). */
export function inState<T extends Pick<NoticeDoc, 'state'>>(notice: T | null | undefined, states: NoticeDoc['state'][], refusal: string): T {
  if (!notice) throw NOTICE_NOT_FOUND()
  if (!states.includes(notice.state)) throw new AppError('CONFLICT', refusal)
  return notice
}
