/**
 * Drafts (committee) and the published record (chair). A published version is never edited:
 * a correction appends version n+1 to notice_versions (with its reason) and moves the notice's
 * current pointer; withdrawal only changes state. Each write records its audit entry in the
 * same transaction as the change, and reads the notice once, inside that transaction.
 *
 * Files: new uploads are sealed (checked and copied to notice-files/<sha256>) before the
 * transaction; their staging copies are deleted only after it committed (files.ts).
 */
import type * as z from 'zod/mini'
import type { NoticeLinkInput, noticeCorrectInput, noticeDraftInput, noticeUpdateDraftInput } from '../../types/notice'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type NoticeDoc, type NoticeVersionDoc } from '../_shared/documents'
import { AppError, conflict, staleRevision } from '../_shared/errors'
import { createNoticeDraft, draftIdFor, noticeSearchTerms } from '../_shared/notice-drafts'
import { formatShanghai } from '../_shared/time'
import { inTransaction, type Tx } from '../_shared/transaction'
import { NOTICE_NOT_FOUND } from './access'
import { NOTICE_FILE_ALERTS } from './documents'
import { assemble, dropStaged, sealNew } from './files'
import { publicityPeriod } from './present'
import { activityFor, findNotice } from './store'
import { canonical } from '../_shared/canonical'

/**
 * Runs `fn` in a transaction that reads the notice, so two chairs cannot act on a stale copy.
 * A conflict (PostgreSQL-server engine, or the cloud) runs it again on the fresh copy, where the
 * handler's own checks refuse what is no longer valid (e.g. correcting a version already corrected).
 */
async function withNotice<T>(ctx: Ctx, id: string, fn: (t: Tx, n: NoticeDoc) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, async (t: Tx) => {
    let n: NoticeDoc | undefined
    try {
      n = ((await t.collection(COLLECTIONS.notices).doc(id).get()) as { data: NoticeDoc }).data
    } catch {
      n = undefined
    }
    if (!n) throw NOTICE_NOT_FOUND()
    return fn(t, n)
  }) as Promise<T>
}

/** The activity a notice announces, checked to exist (its title is kept for the 去报名 button). */
async function linkFor(ctx: Ctx, link: NoticeLinkInput | null | undefined): Promise<NoticeDoc['link'] | null> {
  if (!link) return null
  const activity = await activityFor(ctx, link.id)
  if (!activity || activity.state === 'cancelled') throw new AppError('BAD_INPUT', '关联的活动不存在或已取消，请重新选择')
  return { kind: 'activity', id: activity._id, title: activity.title }
}

/**
 * Idempotent by `requestId`: a retry after success answers with the same draft (its files are already
 * sealed). Reads the draft once; a second time only after a lost race with a double tap (below).
 */
export async function createDraft(ctx: Ctx, input: z.output<typeof noticeDraftInput>): Promise<{ id: string }> {
  const id = draftIdFor(ctx.openid, input.requestId)
  if (await findNotice(ctx, id)) return { id }
  const period = publicityPeriod(input.publicity)
  const link = await linkFor(ctx, input.link)
  let files: Awaited<ReturnType<typeof sealNew>>
  try {
    files = await sealNew(ctx, input.attachments, input.body)
  } catch (err) {
    // A file refused for what it is (type, bytes, size) would have refused a double tap's call too,
    // so no draft can have appeared since the read above: refuse without reading again.
    if (err instanceof AppError && err.code === 'BAD_INPUT') throw err
    // Otherwise — most often the staging file is gone — the other call of a double tap may have
    // created the draft and deleted the staging files meanwhile: a lost race, so read again.
    if (await findNotice(ctx, id)) return { id }
    throw err
  }
  const { attachments, body } = assemble(input.attachments, input.body, files)
  const out = await createNoticeDraft(ctx, {
    title: input.title, category: input.category, visibility: input.visibility, pinned: input.pinned, body, attachments, ...period,
    ...(link ? { link } : {}), requestId: input.requestId,
  })
  await dropStaged(ctx, files.staged)
  return out
}

export async function updateDraft(ctx: Ctx, input: z.output<typeof noticeUpdateDraftInput>): Promise<{ id: string }> {
  const period = publicityPeriod(input.publicity)
  const link = await linkFor(ctx, input.link)
  const files = await sealNew(ctx, input.attachments, input.body)
  const _ = ctx.db.command
  const out = await withNotice(ctx, input.id, async (t, old) => {
    if (old.state !== 'draft') throw conflict(old.state === 'published' ? '这份草稿已经发布，不能再修改；已发布的公告请由主席“更正”' : '已撤回的公告不能再修改')
    if ((old.revision ?? 0) !== input.revision) throw staleRevision()
    const { attachments, body } = assemble(input.attachments, input.body, files, old)
    await t.collection(COLLECTIONS.notices).doc(input.id).update({
      data: {
        title: input.title, category: input.category, visibility: input.visibility, pinned: input.pinned, body, attachments,
        publicityStart: period.publicityStart ?? _.remove(), publicityEnd: period.publicityEnd ?? _.remove(), link: link ?? _.remove(),
        searchTerms: noticeSearchTerms(input.title), revision: input.revision + 1, updatedAt: ctx.now,
      },
    })
    await recordAudit(t, ctx, {
      action: 'notice.updateDraft',
      target: { kind: 'notice', id: input.id, label: input.title },
      before: { title: old.title, category: old.category, visibility: old.visibility, pinned: old.pinned, attachments: old.attachments.length },
      after: { title: input.title, category: input.category, visibility: input.visibility, pinned: input.pinned, attachments: attachments.length },
    })
    return { id: input.id }
  })
  await dropStaged(ctx, files.staged)
  return out
}

export async function publish(ctx: Ctx, id: string): Promise<{ id: string; version: number }> {
  const chair = requireMember(ctx)
  return withNotice(ctx, id, async (t, n) => {
    if (n.state !== 'draft') throw conflict(n.state === 'published' ? '这份公告已经发布了' : '已撤回的公告不能再发布')
    if (n.publicityEnd && n.publicityEnd.getTime() <= ctx.now.getTime()) {
      throw new AppError('BAD_INPUT', `公示期已于 ${formatShanghai(n.publicityEnd, 'YYYY-MM-DD')} 结束，请先修改草稿的公示期`)
    }
    const version: NoticeVersionDoc = {
      _id: `${id}_v1`, noticeId: id, version: 1, title: n.title, body: n.body, attachments: n.attachments, publishedAt: ctx.now, publishedBy: chair._id,
    }
    await t.collection(COLLECTIONS.noticeVersions).add({ data: version })
    await t.collection(COLLECTIONS.notices).doc(id).update({
      data: {
        state: 'published', version: 1, correctionCount: 0, publishedAt: ctx.now, updatedAt: ctx.now,
        versionLog: [{ version: 1, publishedAt: ctx.now }], searchTerms: noticeSearchTerms(n.title),
      },
    })
    await recordAudit(t, ctx, { action: 'notice.publish', target: { kind: 'notice', id, label: n.title }, before: { state: 'draft' }, after: { state: 'published', version: 1 } })
    return { id, version: 1 }
  })
}

const sameContent = (n: NoticeDoc, next: Pick<NoticeDoc, 'title' | 'body' | 'attachments'>) =>
  n.title === next.title && canonical(n.body) === canonical(next.body) && canonical(n.attachments) === canonical(next.attachments)

export async function correct(ctx: Ctx, input: z.output<typeof noticeCorrectInput>): Promise<{ id: string; version: number }> {
  const chair = requireMember(ctx)
  const files = await sealNew(ctx, input.attachments, input.body)
  const out = await withNotice(ctx, input.id, async (t, n) => {
    if (n.state !== 'published') throw conflict('只能更正已发布（未撤回）的公告')
    if (n.version !== input.version) throw conflict(`这份公告已更新到第 ${n.version} 版，请刷新后在最新版本上更正`)
    const { attachments, body } = assemble(input.attachments, input.body, files, n)
    if (sameContent(n, { title: input.title, body, attachments })) throw new AppError('BAD_INPUT', '更正后的内容与当前版本相同，请修改标题、正文或附件')
    const next = n.version + 1
    const version: NoticeVersionDoc = {
      _id: `${n._id}_v${next}`, noticeId: n._id, version: next, title: input.title, body, attachments, reason: input.reason, publishedAt: ctx.now, publishedBy: chair._id,
    }
    // The version's _id is unique: a second concurrent correction of the same version fails here.
    await t.collection(COLLECTIONS.noticeVersions).add({ data: version })
    await t.collection(COLLECTIONS.notices).doc(n._id).update({
      data: {
        title: input.title, body, attachments, version: next, correctionCount: next - 1, updatedAt: ctx.now,
        versionLog: [...(n.versionLog ?? []), { version: next, publishedAt: ctx.now, reason: input.reason }], searchTerms: noticeSearchTerms(input.title),
      },
    })
    await recordAudit(t, ctx, {
      action: 'notice.correct', target: { kind: 'notice', id: n._id, label: input.title },
      before: { version: n.version, title: n.title }, after: { version: next, title: input.title }, note: input.reason,
    })
    return { id: n._id, version: next }
  })
  await dropStaged(ctx, files.staged)
  // A newer version replaces damaged files the readers saw: earlier alerts are answered by it.
  await ctx.db.collection(NOTICE_FILE_ALERTS).where({ noticeId: out.id, resolved: false }).update({ data: { resolved: true } })
  return out
}

export async function withdraw(ctx: Ctx, id: string, reason: string): Promise<{ id: string }> {
  return withNotice(ctx, id, async (t, n) => {
    if (n.state !== 'published') throw conflict(n.state === 'withdrawn' ? '这份公告已经撤回了' : '草稿还没有发布，无需撤回')
    await t.collection(COLLECTIONS.notices).doc(id).update({ data: { state: 'withdrawn', withdrawnAt: ctx.now, withdrawReason: reason, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'notice.withdraw', target: { kind: 'notice', id, label: n.title }, before: { state: 'published' }, after: { state: 'withdrawn' }, note: reason })
    return { id }
  })
}

export async function pin(ctx: Ctx, id: string, pinned: boolean): Promise<{ id: string }> {
  return withNotice(ctx, id, async (t, n) => {
    if (n.state !== 'published') throw conflict('只能置顶已发布的公告')
    if (n.pinned === pinned) return { id }
    await t.collection(COLLECTIONS.notices).doc(id).update({ data: { pinned, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'notice.pin', target: { kind: 'notice', id, label: n.title }, before: { pinned: n.pinned }, after: { pinned } })
    return { id }
  })
}
