/** notice.get — one notice as its reader may see it, recording a member's first read. */
import type { NoticeDetail } from '../../types/notice'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type NoticeDoc, type NoticeObjectionDoc, type NoticeVersionDoc } from '../_shared/documents'
import { notFound } from '../_shared/errors'
import { docs, iso, total } from '../_shared/query'
import { publicityState } from '../_shared/time'
import { readableNotice } from './access'
import { attachmentsOut, blocksOut, publicityDays, urlsFor } from './present'
import { recordFirstRead } from './receipts'

type Shown = Pick<NoticeVersionDoc, 'version' | 'title' | 'body' | 'attachments' | 'reason'> & { publishedAt?: Date }

export async function noticeDetail(ctx: Ctx, id: string, wanted?: number): Promise<NoticeDetail> {
  const n = await readableNotice(ctx, id)
  const isMember = hasRole(ctx.role, 'member') && ctx.member !== null
  const isChair = hasRole(ctx.role, 'chair')
  const published = n.state !== 'draft'
  const _ = ctx.db.command

  const versions = published
    ? await docs<Pick<NoticeVersionDoc, 'version' | 'publishedAt' | 'reason'>>(ctx.db.collection(COLLECTIONS.noticeVersions)
      .where({ noticeId: id }).orderBy('version', 'desc').limit(100).field({ version: true, publishedAt: true, reason: true }))
    : []
  let shown: Shown = { version: n.version, title: n.title, body: n.body, attachments: n.attachments, publishedAt: n.publishedAt }
  if (published && wanted !== undefined && wanted !== n.version) {
    const [v] = await docs<NoticeVersionDoc>(ctx.db.collection(COLLECTIONS.noticeVersions).where({ noticeId: id, version: wanted }).limit(1))
    if (!v) throw notFound(`第 ${wanted} 版`)
    shown = v
  } else if (published) {
    shown.reason = versions.find((v) => v.version === n.version)?.reason
    shown.publishedAt = versions.find((v) => v.version === n.version)?.publishedAt ?? n.publishedAt
  }

  if (isMember && n.state === 'published') await recordFirstRead(ctx, n, ctx.member!)

  const state = publicityState(n.publicityStart, n.publicityEnd, ctx.now)
  const objections = ctx.db.collection(COLLECTIONS.noticeObjections)
  const [mine, summary, readCount, urls] = await Promise.all([
    isMember && n.publicityStart
      ? docs<NoticeObjectionDoc>(objections.where({ noticeId: id, memberId: ctx.member!._id }).orderBy('raisedAt', 'asc').limit(10))
      : Promise.resolve([]),
    state === 'ended' && n.visibility === 'internal'
      ? Promise.all([total(objections.where({ noticeId: id })), total(objections.where({ noticeId: id, answer: _.exists(true) }))])
      : Promise.resolve(null),
    isChair && published ? total(ctx.db.collection(COLLECTIONS.noticeReads).where({ noticeId: id })) : Promise.resolve(undefined),
    urlsFor(ctx, shown.body, shown.attachments),
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
    body: blocksOut(shown.body, urls),
    attachments: attachmentsOut(shown.attachments, urls),
    ...(shown.publishedAt ? { publishedAt: iso(shown.publishedAt) } : {}),
    ...(shown.reason ? { reason: shown.reason } : {}),
    ...(n.state === 'withdrawn' && n.withdrawnAt ? { withdrawnAt: iso(n.withdrawnAt), withdrawReason: n.withdrawReason ?? '' } : {}),
    ...(n.publicityStart && n.publicityEnd ? { publicityStart: iso(n.publicityStart), publicityEnd: iso(n.publicityEnd) } : {}),
    publicityState: state,
    versions: versions.map((v) => ({ version: v.version, publishedAt: iso(v.publishedAt), ...(v.reason ? { reason: v.reason } : {}) })),
    ...(summary ? { objectionSummary: { raised: summary[0], answered: summary[1] } } : {}),
    canObject: isMember && n.state === 'published' && n.visibility === 'internal' && state === 'active',
    myObjections: mine.map((o) => ({
      id: o._id, text: o.text, raisedAt: iso(o.raisedAt),
      ...(o.answer ? { answer: o.answer, answeredAt: iso(o.answeredAt!) } : {}),
    })),
    ...(readCount === undefined ? {} : { readCount }),
    ...((n.state === 'draft' && hasRole(ctx.role, 'committee')) || (n.state === 'published' && isChair && shown.version === n.version) ? { source: sourceOf(n) } : {}),
  }
}

/** What the editor needs: the stored blocks and files (fileIDs), only for those who may change them. */
function sourceOf(n: NoticeDoc): NonNullable<NoticeDetail['source']> {
  const publicity = publicityDays(n.publicityStart, n.publicityEnd)
  return { body: n.body, attachments: n.attachments, ...(publicity ? { publicity } : {}) }
}
