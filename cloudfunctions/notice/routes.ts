import {
  noticeAnswerInput, noticeCorrectInput, noticeDraftInput, noticeGetInput, noticeIdInput, noticeLedgerInput, noticeListInput,
  noticeManageListInput, noticeObjectInput, noticeObjectionsInput, noticePinInput, noticeReadersInput, noticeUpdateDraftInput,
  noticeWithdrawInput, type NoticeDetail, type NoticeExportOutput, type NoticeListItem, type NoticeListOutput, type NoticeManageItem,
  type NoticeReadersOutput,
} from '../../types/notice'
import { hasRole } from '../../types/role'
import { action } from '../_shared/dispatch'
import { recordAudit, type DocWriter } from '../_shared/audit'
import { COLLECTIONS, MAX_QUERY, type MemberDoc, type NoticeDoc, type NoticeReadDoc } from '../_shared/documents'
import { conflict } from '../_shared/errors'
import { docs, escapeRegExp, iso, pageOf, pageWindow } from '../_shared/query'
import { formatShanghai, publicityState } from '../_shared/time'
import { noticeIn } from './access'
import { noticeDetail } from './detail'
import { filingDocument } from './filing'
import { ledgerWorkbook } from './ledger'
import * as objections from './objections'
import { readSplit, remindUnread } from './receipts'
import * as write from './write'

/** Reminders to the same notice's unread are at least this far apart. */
const REMIND_GAP_MS = 60 * 60 * 1000
const PAGE = 20

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
      const { total: count, items: found } = input.keyword
        ? await searchPage(ctx.db.collection(COLLECTIONS.notices), where, input.page)
        : await pageOf<ListedNotice>(ctx.db.collection(COLLECTIONS.notices), where, {
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

  /** One notice as this caller may see it (or an earlier version); a member's first open is recorded. */
  get: action({
    input: noticeGetInput,
    role: 'visitor',
    run: (ctx, input): Promise<NoticeDetail> => noticeDetail(ctx, input.id, input.version),
  }),

  /** 公告管理: drafts, published or withdrawn notices, most recently changed first. */
  manageList: action({
    input: noticeManageListInput,
    role: 'committee',
    async run(ctx, input) {
      const { total: count, items } = await pageOf<NoticeDoc>(ctx.db.collection(COLLECTIONS.notices), { state: input.state }, {
        orderBy: [['updatedAt', 'desc']], page: input.page,
        fields: { _id: true, title: true, category: true, visibility: true, state: true, version: true, updatedAt: true, createdBy: true },
      })
      const _ = ctx.db.command
      const authors = items.length
        ? await docs<Pick<MemberDoc, '_id' | 'name'>>(ctx.db.collection(COLLECTIONS.members).where({ _id: _.in([...new Set(items.map((n) => n.createdBy))]) }).limit(PAGE).field({ _id: true, name: true }))
        : []
      const nameOf = new Map(authors.map((m) => [m._id, m.name]))
      return {
        items: items.map((n): NoticeManageItem => ({
          id: n._id, title: n.title, category: n.category, visibility: n.visibility, state: n.state, version: n.version,
          updatedAt: iso(n.updatedAt), authorName: nameOf.get(n.createdBy) ?? '',
        })),
        page: input.page, total: count,
      }
    },
  }),

  createDraft: action({ input: noticeDraftInput, role: 'committee', run: (ctx, input) => write.createDraft(ctx, input) }),
  updateDraft: action({ input: noticeUpdateDraftInput, role: 'committee', run: (ctx, input) => write.updateDraft(ctx, input) }),
  publish: action({ input: noticeIdInput, role: 'chair', run: (ctx, input) => write.publish(ctx, input.id) }),
  /** 更正: version n+1 with a required reason; every earlier version stays readable. */
  correct: action({ input: noticeCorrectInput, role: 'chair', run: (ctx, input) => write.correct(ctx, input) }),
  withdraw: action({ input: noticeWithdrawInput, role: 'chair', run: (ctx, input) => write.withdraw(ctx, input.id, input.reason) }),
  pin: action({ input: noticePinInput, role: 'chair', run: (ctx, input) => write.pin(ctx, input.id, input.pinned) }),

  /** Read / unread counts over current members and a page of the unread (by name). */
  readers: action({
    input: noticeReadersInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeReadersOutput> {
      const n = await noticeIn(ctx, input.id, ['published', 'withdrawn'], '草稿还没有发布，没有阅读记录')
      const { read, unread } = await readSplit(ctx, n._id)
      const start = (input.page - 1) * PAGE
      return {
        readCount: read.length, unreadCount: unread.length, memberCount: read.length + unread.length,
        unread: { items: unread.slice(start, start + PAGE).map((m) => ({ name: m.name, department: m.department })), page: input.page, total: unread.length },
        ...(n.lastRemindedAt ? { lastRemindedAt: iso(n.lastRemindedAt) } : {}),
      }
    },
  }),

  /** 提醒未读: a subscription message to every member who has not opened the notice. */
  remindUnread: action({
    input: noticeIdInput,
    role: 'chair',
    async run(ctx, input) {
      const n = await noticeIn(ctx, input.id, ['published'], '只能提醒已发布（未撤回）的公告')
      if (n.lastRemindedAt && ctx.now.getTime() - new Date(n.lastRemindedAt).getTime() < REMIND_GAP_MS) {
        throw conflict(`${formatShanghai(new Date(n.lastRemindedAt), 'HH:mm')} 已提醒过一次，请一小时后再提醒`)
      }
      const { unread } = await readSplit(ctx, n._id)
      if (unread.length === 0) return { sent: 0, failed: 0 }
      const _ = ctx.db.command
      // Claim the reminder slot first: two taps at once send one round of messages.
      const claim = (await ctx.db.collection(COLLECTIONS.notices)
        .where({ _id: n._id, lastRemindedAt: n.lastRemindedAt ? _.eq(n.lastRemindedAt) : _.exists(false) })
        .update({ data: { lastRemindedAt: ctx.now } })) as { stats: { updated: number } }
      if (claim.stats.updated !== 1) throw conflict('刚刚已经提醒过了')
      const out = await remindUnread(ctx, n, unread)
      await recordAudit(ctx.db as unknown as DocWriter, ctx, { action: 'notice.remindUnread', target: { kind: 'notice', id: n._id, label: n.title }, after: out })
      return out
    },
  }),

  /** 异议: a named objection during the 公示期 of an internal notice. */
  object: action({
    input: noticeObjectInput,
    role: 'member',
    deniedMessage: '只有工会会员可以在公示期内提出异议，请先在"我的"页申请加入工会',
    run: (ctx, input) => objections.raise(ctx, input.id, input.text),
  }),
  objections: action({ input: noticeObjectionsInput, role: 'chair', run: (ctx, input) => objections.list(ctx, input.id, input.page) }),
  answerObjection: action({ input: noticeAnswerInput, role: 'chair', run: (ctx, input) => objections.answer(ctx, input.objectionId, input.answer) }),

  /** 备案 of one notice as a Word document (all versions, read statistics, objection log). */
  exportFiling: action({
    input: noticeIdInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeExportOutput> {
      const n = await noticeIn(ctx, input.id, ['published', 'withdrawn'], '草稿还没有发布，不能备案')
      const buffer = await filingDocument(ctx, n)
      const fileId = await ctx.services.upload(`exports/notices/${n._id}-${ctx.now.getTime()}.docx`, buffer)
      const url = (await ctx.services.tempUrls([fileId]))[fileId]
      await recordAudit(ctx.db as unknown as DocWriter, ctx, { action: 'notice.exportFiling', target: { kind: 'notice', id: n._id, label: n.title } })
      return { url, fileName: `${safeName(n.title)}-备案.docx` }
    },
  }),

  /** Excel ledger of every notice published between two Shanghai days (inclusive). */
  exportLedger: action({
    input: noticeLedgerInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeExportOutput> {
      const { buffer, count } = await ledgerWorkbook(ctx, input.from, input.to)
      const fileId = await ctx.services.upload(`exports/notices/ledger-${input.from}-${input.to}-${ctx.now.getTime()}.xlsx`, buffer)
      const url = (await ctx.services.tempUrls([fileId]))[fileId]
      await recordAudit(ctx.db as unknown as DocWriter, ctx, { action: 'notice.exportLedger', target: { kind: 'notice_ledger', id: `${input.from}_${input.to}` }, note: `${count} 份` })
      return { url, fileName: `校务公开台账-${input.from}至${input.to}.xlsx`, count }
    },
  }),
}

/**
 * A title search cannot use an index (it is a substring match), so it is answered in the way
 * that scans least: one unordered query for up to 100 matches; when fewer come back, that is
 * every match, ordered and paged here. Only a search matching 100 or more pages through the
 * ordered index, where matches are dense enough to fill a page quickly.
 */
async function searchPage(collection: any, where: Record<string, unknown>, page: number): Promise<{ total: number; items: ListedNotice[] }> {
  const found = await docs<ListedNotice>(collection.where(where).limit(MAX_QUERY).field(LIST_FIELDS))
  if (found.length >= MAX_QUERY) {
    return pageOf<ListedNotice>(collection, where, { orderBy: [['pinned', 'desc'], ['publishedAt', 'desc']], page, fields: LIST_FIELDS })
  }
  found.sort((a, b) => Number(b.pinned) - Number(a.pinned) || new Date(b.publishedAt!).getTime() - new Date(a.publishedAt!).getTime())
  const { skip, limit } = pageWindow(page)
  return { total: found.length, items: found.slice(skip, skip + limit) }
}

/** A title as a file name: no path or reserved characters, at most 40 characters. */
function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '公告'
}
