/**
 * Putting a draft on the notice board. Used by notice.createDraft and by other domains that
 * prepare a disclosure for the chair (e.g. 经费公开 from the welfare ledger): a draft is only a
 * proposal — it becomes visible when the chair publishes it through notice.publish.
 *
 * Guarantees: with a `requestId` the draft is created once (its `_id` is derived from the caller
 * and the request, create-once.ts); the draft and its audit entry are written in one transaction;
 * the title's search terms are stored with it, so title search finds it from an index.
 */
import { noticeBody, noticeCategory, noticeTitle, noticeVisibility, type NoticeBlock, type NoticeCategory, type NoticeVisibility } from '../../types/notice'
import { hasRole } from '../../types/role'
import { recordAudit, type AuditEntry } from './audit'
import { requireMember, type Ctx } from './context'
import { createdId, isDuplicateKey } from './create-once'
import { COLLECTIONS, type Attachment, type NoticeDoc } from './documents'
import { AppError, forbidden } from './errors'
import { searchTerms } from './search-terms'
import { inTransaction } from './transaction'

export interface NoticeDraftFields {
  title: string
  category: NoticeCategory
  visibility: NoticeVisibility
  body: NoticeBlock[]
  /** already checked and sealed by the caller (notice.createDraft copies each file to notice-files/) */
  attachments?: Attachment[]
  pinned?: boolean
  /** 公示期 instants, both or neither */
  publicityStart?: Date
  publicityEnd?: Date
  /** checked by the caller: the activity exists */
  link?: NoticeDoc['link']
  /** the form's request id: a retry or a second tap answers with the same draft */
  requestId?: string
}

/** The title's index terms (title search: `searchTerms: _.all(queryTerms(q))`). */
export const noticeSearchTerms = (title: string): string[] => searchTerms([title])

/** The `_id` a draft made with `requestId` gets (the same for every retry of that request). */
export const draftIdFor = (openid: string, requestId: string) => createdId(openid, 'notice.draft', requestId)

/** Thrown inside the transaction when the request's draft already exists (not retried). */
const ALREADY_CREATED = 'notice draft already created'

/**
 * Inserts a draft (state 'draft', version 1, created by the caller) with its audit entry.
 * Throws AppError BAD_INPUT (Chinese message) when the title or body is not a valid notice, and
 * FORBIDDEN when the caller is not committee or chair.
 */
export async function createNoticeDraft(
  ctx: Ctx,
  input: { title: string; category: NoticeCategory; visibility: NoticeVisibility; body: NoticeBlock[] } & Partial<NoticeDraftFields>,
  /** the caller's own entry for the action that drafts it (e.g. welfare.disclosureDraft), written in the same transaction */
  also?: (id: string) => AuditEntry,
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
    revision: 0,
    correctionCount: 0,
    ...(input.publicityStart && input.publicityEnd ? { publicityStart: input.publicityStart, publicityEnd: input.publicityEnd } : {}),
    ...(input.link ? { link: input.link } : {}),
    searchTerms: noticeSearchTerms(title.data),
    versionLog: [],
    objectionCount: 0,
    answeredCount: 0,
    createdBy: author._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const fixedId = input.requestId ? draftIdFor(ctx.openid, input.requestId) : undefined
  try {
    return await inTransaction(ctx.db, async (t) => {
      let id: string
      try {
        id = ((await t.collection(COLLECTIONS.notices).add({ data: fixedId ? { _id: fixedId, ...doc } : doc })) as { _id: string })._id
      } catch (err) {
        if (fixedId && isDuplicateKey(err)) throw new AppError('CONFLICT', ALREADY_CREATED)
        throw err
      }
      await recordAudit(t, ctx, {
        action: 'notice.createDraft',
        target: { kind: 'notice', id, label: doc.title },
        after: { title: doc.title, category: doc.category, visibility: doc.visibility, state: 'draft' },
      })
      if (also) await recordAudit(t, ctx, also(id))
      return { id }
    })
  } catch (err) {
    if (fixedId && err instanceof AppError && err.message === ALREADY_CREATED) return { id: fixedId }
    throw err
  }
}
