/**
 * Putting a draft on the notice board. Used by notice.createDraft and by other domains that
 * prepare a disclosure for the chair (e.g. 经费公开 from the welfare ledger): a draft is only a
 * proposal — it becomes visible when the chair publishes it through notice.publish.
 */
import { noticeBody, noticeCategory, noticeTitle, noticeVisibility, type NoticeBlock, type NoticeCategory, type NoticeVisibility } from '../../types/notice'
import { hasRole } from '../../types/role'
import { recordAudit, type DocWriter } from './audit'
import { requireMember, type Ctx } from './context'
import { COLLECTIONS, type Attachment, type NoticeDoc } from './documents'
import { AppError, forbidden } from './errors'

export interface NoticeDraftFields {
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  body: NoticeBlock[]
  /** already checked by the caller (notice.createDraft downloads and checks each file) */
  attachments?: Attachment[]
  pinned?: boolean
  /** 公示期 instants, both or neither */
  publicityStart?: Date
  publicityEnd?: Date
}

/**
 * Inserts a draft (state 'draft', version 1, created by the caller) and records the audit entry.
 * Throws AppError BAD_INPUT (Chinese message) when the title or body is not a valid notice, and
 * FORBIDDEN when the caller is not committee or chair.
 */
export async function createNoticeDraft(
  ctx: Ctx,
  input: { title: string; category: NoticeCategory; visibility: NoticeVisibility; body: NoticeBlock[] } & Partial<NoticeDraftFields>,
): Promise<{ id: string }> {
  if (!hasRole(ctx.role, 'committee')) throw forbidden('只有工会委员和主席可以起草公告')
  const author = requireMember(ctx)
  const title = noticeTitle.safeParse(input.title)
  const body = noticeBody.safeParse(input.body)
  if (!title.success) throw new AppError('BAD_INPUT', `公告标题：${title.error.issues[0]?.message ?? '格式不对'}`)
  if (!body.success) throw new AppError('BAD_INPUT', `公告正文：${body.error.issues[0]?.message ?? '格式不对'}`)
  if (!noticeCategory.safeParse(input.category).success) throw new AppError('BAD_INPUT', '公告分类不对')
  if (!noticeVisibility.safeParse(input.visibility).success) throw new AppError('BAD_INPUT', '公开范围不对')
  const doc: Omit<NoticeDoc, '_id'> = {
    title: title.data,
    category: input.category,
    visibility: input.visibility,
    pinned: input.pinned ?? false,
    state: 'draft',
    body: body.data as NoticeBlock[],
    attachments: input.attachments ?? [],
    version: 1,
    correctionCount: 0,
    ...(input.publicityStart && input.publicityEnd ? { publicityStart: input.publicityStart, publicityEnd: input.publicityEnd } : {}),
    createdBy: author._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const res = (await ctx.db.collection(COLLECTIONS.notices).add({ data: doc })) as { _id: string }
  await recordAudit(ctx.db as unknown as DocWriter, ctx, {
    action: 'notice.createDraft',
    target: { kind: 'notice', id: res._id, label: doc.title },
    after: { title: doc.title, category: doc.category, visibility: doc.visibility, state: 'draft' },
  })
  return { id: res._id }
}
