import { noticeListInput, type NoticeListItem, type NoticeListOutput } from '../../types/notice'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type NoticeDoc, type NoticeReadDoc } from '../_shared/documents'
import { docs, escapeRegExp, iso, pageOf } from '../_shared/query'
import { publicityState } from '../_shared/time'

const LIST_FIELDS = {
  _id: true, title: true, category: true, visibility: true, pinned: true, publishedAt: true,
  publicityStart: true, publicityEnd: true, correctionCount: true,
}

type ListedNotice = Pick<NoticeDoc, '_id' | 'title' | 'category' | 'visibility' | 'pinned' | 'publishedAt' | 'publicityStart' | 'publicityEnd' | 'correctionCount'>

export const routes = {
  /**
   * Published notices, pinned first then newest, 20 a page. Visitors and applicants see only
   * 对外 (public) notices; members see 内部 ones too. Index: state, visibility, category, pinned, publishedAt.
   */
  list: action({
    input: noticeListInput,
    role: 'visitor',
    async run(ctx, input): Promise<NoticeListOutput> {
      const isMember = hasRole(ctx.role, 'member')
      const where: Record<string, unknown> = { state: 'published' }
      if (!isMember) where.visibility = 'public'
      if (input.category) where.category = input.category
      if (input.keyword) where.title = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' })
      const { total: count, items: found } = await pageOf<ListedNotice>(ctx.db.collection(COLLECTIONS.notices), where, {
        orderBy: [['pinned', 'desc'], ['publishedAt', 'desc']], page: input.page, fields: LIST_FIELDS,
      })
      const readIds = new Set<string>()
      if (isMember && ctx.member && found.length) {
        const _ = ctx.db.command
        const reads = await docs<Pick<NoticeReadDoc, 'noticeId'>>(
          ctx.db.collection(COLLECTIONS.noticeReads)
            .where({ memberId: ctx.member._id, noticeId: _.in(found.map((n) => n._id)) })
            .limit(found.length)
            .field({ noticeId: true }),
        )
        for (const r of reads) readIds.add(r.noticeId)
      }
      const items = found.map((n): NoticeListItem => ({
        id: n._id,
        title: n.title,
        category: n.category,
        visibility: n.visibility,
        pinned: n.pinned,
        publishedAt: iso(n.publishedAt!),
        ...(n.publicityStart && n.publicityEnd ? { publicityStart: iso(n.publicityStart), publicityEnd: iso(n.publicityEnd) } : {}),
        publicityState: publicityState(n.publicityStart, n.publicityEnd, ctx.now),
        correctionCount: n.correctionCount ?? 0,
        read: readIds.has(n._id),
      }))
      return { items, page: input.page, total: count }
    },
  }),
}
