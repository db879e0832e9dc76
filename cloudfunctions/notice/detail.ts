/**
 * notice.get — one notice as its reader may see it, recording a member's first read — and
 * notice.file, the link to one attachment.
 *
 * At most 4 database requests (the caller's member record included): the notice (its version
 * list and objection counts travel on it), an earlier version when one is asked for, then at once
 * the member's first read, the member's own objections and the chair's read count — each only
 * where it is shown. Body images and attachments are hashed before a link is handed out (files.ts).
 */
import type { NoticeDetail } from '../../types/notice'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import type { NoticeDoc, NoticeObjectionDoc, NoticeVersionDoc } from '../_shared/documents'
import { AppError, notFound } from '../_shared/errors'
import { iso } from '../_shared/query'
import { readableNotice } from './access'
import { imagesOf, kindOf, verifiedUrls } from './files'
import { attachmentsOut, blocksOut, publicityDays, publicityOf } from './present'
import { recordFirstRead } from './receipts'
import { objectionsBy, readCount, versionDoc } from './store'

/** How many objections one member may raise on one notice (a guard against repeats, not a quota on dissent). */
export const OBJECTIONS_PER_MEMBER = 3

type Shown = Pick<NoticeVersionDoc, 'version' | 'title' | 'body' | 'attachments' | 'reason'> & { publishedAt?: Date }

/** The version a caller asked for: the current one, or an earlier one read from notice_versions. */
async function shownVersion(ctx: Ctx, n: NoticeDoc, wanted?: number): Promise<Shown> {
  if (n.state !== 'draft' && wanted !== undefined && wanted !== n.version) {
    const v = await versionDoc(ctx, n._id, wanted)
    if (!v) throw notFound(`第 ${wanted} 版`)
    return v
  }
  const logged = (n.versionLog ?? []).find((v) => v.version === n.version)
  return { version: n.version, title: n.title, body: n.body, attachments: n.attachments, publishedAt: logged?.publishedAt ?? n.publishedAt, reason: logged?.reason }
}

export async function noticeDetail(ctx: Ctx, id: string, wanted?: number): Promise<NoticeDetail> {
  const n = await readableNotice(ctx, id)
  const isMember = hasRole(ctx.role, 'member') && ctx.member !== null
  const isChair = hasRole(ctx.role, 'chair')
  const published = n.state !== 'draft'
  const shown = await shownVersion(ctx, n, wanted)
  const current = shown.version === n.version
  const state = publicityOf(n, ctx.now)

  const reading = isMember && current && n.state === 'published' ? recordFirstRead(ctx, n, ctx.member!) : Promise.resolve()
  const [, mine, reads, images] = await Promise.all([
    reading,
    isMember && !isChair && current && n.publicityStart ? objectionsBy(ctx, id, ctx.member!._id) : Promise.resolve([] as NoticeObjectionDoc[]),
    // The chair's count includes the chair's own read: counted after it is recorded (counted beside
    // it, a server engine could answer before the read landed).
    isChair && published ? reading.then(() => readCount(ctx, id)) : Promise.resolve(undefined),
    verifiedUrls(ctx, n, shown.version, imagesOf(shown.body)),
  ])

  return {
    id: n._id,
    title: shown.title,
    category: n.category,
    visibility: n.visibility,
    pinned: n.pinned,
    state: n.state,
    version: shown.version,
    currentVersion: n.version,
    correctionCount: n.correctionCount ?? 0,
    body: blocksOut(shown.body, images.urls, images.damaged),
    attachments: attachmentsOut(shown.attachments),
    ...(published && shown.publishedAt ? { publishedAt: iso(shown.publishedAt) } : {}),
    ...(shown.reason ? { reason: shown.reason } : {}),
    ...(n.state === 'withdrawn' && n.withdrawnAt ? { withdrawnAt: iso(n.withdrawnAt), withdrawReason: n.withdrawReason ?? '' } : {}),
    ...(n.publicityStart && n.publicityEnd ? { publicityStart: iso(n.publicityStart), publicityEnd: iso(n.publicityEnd) } : {}),
    publicityState: state,
    versions: published ? [...(n.versionLog ?? [])].reverse().map((v) => ({ version: v.version, publishedAt: iso(v.publishedAt), ...(v.reason ? { reason: v.reason } : {}) })) : [],
    ...(n.link ? { link: n.link } : {}),
    ...(state === 'ended' ? { objectionSummary: { raised: n.objectionCount ?? 0, answered: n.answeredCount ?? 0 } } : {}),
    canObject: isMember && !isChair && n.state === 'published' && state === 'active' && mine.length < OBJECTIONS_PER_MEMBER,
    myObjections: mine.map((o) => ({
      id: o._id, text: o.text, raisedAt: iso(o.raisedAt),
      ...(o.answer ? { answer: o.answer, answeredAt: iso(o.answeredAt!) } : {}),
    })),
    ...(reads === undefined ? {} : { readCount: reads }),
    ...((n.state === 'draft' && hasRole(ctx.role, 'committee')) || (n.state === 'published' && isChair && current) ? { source: sourceOf(n) } : {}),
  }
}

/** What the editor needs: the stored blocks and files (fileIDs), only for those who may change them. */
function sourceOf(n: NoticeDoc): NonNullable<NoticeDetail['source']> {
  const publicity = publicityDays(n.publicityStart, n.publicityEnd)
  return {
    body: n.body, attachments: n.attachments.map((a) => ({ fileId: a.fileId, name: a.name, size: a.size })),
    ...(publicity ? { publicity } : {}), ...(n.link ? { link: n.link } : {}), revision: n.revision ?? 0,
  }
}

/**
 * notice.file — a temporary link to attachment `index` of the shown version, for a caller who may
 * read the notice, only while the file's bytes match the hash recorded with the version.
 */
export async function noticeFile(ctx: Ctx, id: string, index: number, wanted?: number): Promise<{ url: string; name: string; kind: string }> {
  const n = await readableNotice(ctx, id)
  const shown = await shownVersion(ctx, n, wanted)
  const a = shown.attachments[index]
  if (!a) throw notFound('这个附件')
  const { urls } = await verifiedUrls(ctx, n, shown.version, [{ fileId: a.fileId, sha256: a.sha256 ?? null, name: a.name }])
  const url = urls[a.fileId]
  if (!url) throw new AppError('CONFLICT', `附件“${a.name}”已损坏，无法打开；已报告工会主席，请等待重新上传`)
  return { url, name: a.name, kind: kindOf(a.name) ?? 'file' }
}
