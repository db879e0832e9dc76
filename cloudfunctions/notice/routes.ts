import { randomBytes } from 'node:crypto'
import {
  NOTICE_LABELS, noticeAnswerInput, noticeCorrectInput, noticeDraftInput, noticeFileInput, noticeGetInput, noticeIdInput, noticeLedgerInput,
  noticeListInput, noticeManageListInput, noticeObjectInput, noticeObjectionsInput, noticePendingObjectionsInput, noticePinInput, noticeReadersInput,
  noticeUpdateDraftInput, noticeWithdrawInput, type NoticeDetail, type NoticeExportOutput, type NoticeListItem, type NoticeListOutput, type NoticeManageItem,
  type NoticeReadersOutput,
} from '../../types/notice'
import { hasRole } from '../../types/role'
import { action, type ActionDef } from '../_shared/dispatch'
import { auditedUpdate, recordAudit, type DocWriter } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type NoticeDoc } from '../_shared/documents'
import { conflict } from '../_shared/errors'
import { iso } from '../_shared/query'
import { formatShanghai, publicityState, shanghaiDate } from '../_shared/time'
import { inState, noticeIn } from './access'
import { noticeDetail, noticeFile } from './detail'
import * as objections from './objections'
import { noticeReadSplit, readSplit, remindUnread } from './receipts'
import { searchPage } from './search'
import { BOARD_ORDER, LIST_FIELDS, namesOf, pageWithMore, readIdsOf, type ListedNotice } from './store'
import * as write from './write'

/** Reminders to the same notice's unread are at least this far apart. */
const REMIND_GAP_MS = 60 * 60 * 1000
const PAGE = 20
const labels = NOTICE_LABELS

/** Every notice action names its fields as the notice forms do (BAD_INPUT messages). */
const noticeAction: typeof action = (def) => action({ labels, ...def }) as never

/** A title as part of a file name: no path or reserved characters (control characters never reach here: the dispatcher refuses them), at most 40 characters. */
function fileTitle(title: string): string {
  return title.replace(/[\\/:*?"<>|]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 40) || '公告'
}

/**
 * Stores an export under a folder of its own with its real name as the last path segment, so the
 * temporary link ends in that name (a browser saves it under it) as well as the answer's fileName.
 */
async function uploadExport(ctx: Ctx, fileName: string, buffer: Buffer): Promise<string> {
  const fileId = await ctx.services.upload(`exports/notices/${randomBytes(8).toString('hex')}/${fileName}`, buffer)
  return (await ctx.services.tempUrls([fileId]))[fileId]
}

export const routes: Record<string, ActionDef<any, any>> = {
  /**
   * Published notices, pinned first then newest, 20 a page. Visitors and applicants see only
   * 对外 (public) notices; members see 内部 ones too, with unread markers. At most 3 database
   * requests: the caller, the page (one more than a page, instead of a count), the member's reads.
   */
  list: noticeAction({
    input: noticeListInput,
    role: 'visitor',
    async run(ctx, input): Promise<NoticeListOutput> {
      const isMember = hasRole(ctx.role, 'member')
      const where: Record<string, unknown> = { state: 'published' }
      if (!isMember) where.visibility = 'public'
      if (input.category) where.category = input.category
      const { total, items: found } = input.keyword
        ? await searchPage(ctx, where, input.keyword, input.page)
        : await pageWithMore<ListedNotice>(ctx, COLLECTIONS.notices, where, BOARD_ORDER, input.page, LIST_FIELDS)
      const readIds = isMember && ctx.member ? await readIdsOf(ctx, ctx.member._id, found.map((n) => n._id)) : new Set<string>()
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
      return { items, page: input.page, total }
    },
  }),

  /** One notice as this caller may see it (or an earlier version); a member's first open is recorded. */
  get: noticeAction({
    input: noticeGetInput,
    role: 'visitor',
    run: (ctx, input): Promise<NoticeDetail> => noticeDetail(ctx, input.id, input.version),
  }),

  /** A link to one attachment, handed out only while its bytes match the hash kept with the version. */
  file: noticeAction({
    input: noticeFileInput,
    role: 'visitor',
    run: (ctx, input) => noticeFile(ctx, input.id, input.index, input.version),
  }),

  /** 公告管理: drafts, published or withdrawn notices, most recently changed first. */
  manageList: noticeAction({
    input: noticeManageListInput,
    role: 'committee',
    async run(ctx, input) {
      const { total, items } = await pageWithMore<NoticeDoc>(ctx, COLLECTIONS.notices, { state: input.state }, [['updatedAt', 'desc']], input.page, {
        _id: true, title: true, category: true, visibility: true, state: true, version: true, updatedAt: true, createdBy: true,
      })
      const nameOf = await namesOf(ctx, items.map((n) => n.createdBy))
      return {
        items: items.map((n): NoticeManageItem => ({
          id: n._id, title: n.title, category: n.category, visibility: n.visibility, state: n.state, version: n.version,
          updatedAt: iso(n.updatedAt), authorName: nameOf.get(n.createdBy) ?? '',
        })),
        page: input.page, total,
      }
    },
  }),

  createDraft: noticeAction({ input: noticeDraftInput, role: 'committee', run: (ctx, input) => write.createDraft(ctx, input) }),
  updateDraft: noticeAction({ input: noticeUpdateDraftInput, role: 'committee', run: (ctx, input) => write.updateDraft(ctx, input) }),
  publish: noticeAction({ input: noticeIdInput, role: 'chair', run: (ctx, input) => write.publish(ctx, input.id) }),
  /** 更正: version n+1 with a required reason; every earlier version stays readable. */
  correct: noticeAction({ input: noticeCorrectInput, role: 'chair', run: (ctx, input) => write.correct(ctx, input) }),
  withdraw: noticeAction({ input: noticeWithdrawInput, role: 'chair', run: (ctx, input) => write.withdraw(ctx, input.id, input.reason) }),
  pin: noticeAction({ input: noticePinInput, role: 'chair', run: (ctx, input) => write.pin(ctx, input.id, input.pinned) }),

  /**
   * Read / unread counts over current members and a page of the unread (by name). 3 requests: the
   * caller, the notice with its reads (one aggregate) and the members, the last two at once.
   */
  readers: noticeAction({
    input: noticeReadersInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeReadersOutput> {
      const { notice, read, unread } = await noticeReadSplit(ctx, input.id)
      const n = inState(notice, ['published', 'withdrawn'], '草稿还没有发布，没有阅读记录')
      const start = (input.page - 1) * PAGE
      return {
        readCount: read.length, unreadCount: unread.length, memberCount: read.length + unread.length,
        unread: { items: unread.slice(start, start + PAGE).map((m) => ({ name: m.name, department: m.department })), page: input.page, total: unread.length },
        ...(n.lastRemindedAt ? { lastRemindedAt: iso(n.lastRemindedAt) } : {}),
      }
    },
  }),

  /** 提醒未读: a subscription message to every member who has not opened the notice. */
  remindUnread: noticeAction({
    input: noticeIdInput,
    role: 'chair',
    async run(ctx, input) {
      const n = await noticeIn(ctx, input.id, ['published'], '只能提醒已发布（未撤回）的公告')
      if (n.lastRemindedAt && ctx.now.getTime() - new Date(n.lastRemindedAt).getTime() < REMIND_GAP_MS) {
        throw conflict(`${formatShanghai(new Date(n.lastRemindedAt), 'HH:mm')} 已提醒过一次，请一小时后再提醒`)
      }
      const { unread } = await readSplit(ctx, n._id)
      if (unread.length === 0) return { sent: 0, failed: 0 }
      // Claim the reminder slot first (two taps at once send one round of messages), in one transaction with
      // its audit entry: no round goes out unlogged. The entry names how many were to be reminded; a message
      // WeChat refuses is logged on its own (notify.failed).
      const at = (d: unknown) => (d ? new Date(d as Date).getTime() : null)
      const { changed } = await auditedUpdate<NoticeDoc>(ctx, COLLECTIONS.notices, n._id, (now) => (!now || at(now.lastRemindedAt) !== at(n.lastRemindedAt) ? null : {
        data: { lastRemindedAt: ctx.now },
        entry: { action: 'notice.remindUnread', target: { kind: 'notice', id: n._id, label: n.title }, after: { unread: unread.length } },
      }))
      if (!changed) throw conflict('刚刚已经提醒过了')
      return remindUnread(ctx, n, unread)
    },
  }),

  /** 异议: a named objection during the 公示期 of a published notice (对内 or 对外). */
  object: noticeAction({
    input: noticeObjectInput,
    role: 'member',
    deniedMessage: '只有工会会员可以在公示期内提出异议，请先在"我的"页申请加入工会',
    run: (ctx, input) => objections.raise(ctx, input.id, input.text, input.requestId),
  }),
  objections: noticeAction({ input: noticeObjectionsInput, role: 'chair', run: (ctx, input) => objections.list(ctx, input.id, input.page) }),
  /** 待答复异议 across notices (the 工作台 opens this). */
  pendingObjections: noticeAction({ input: noticePendingObjectionsInput, role: 'chair', run: (ctx, input) => objections.pending(ctx, input.page) }),
  answerObjection: noticeAction({ input: noticeAnswerInput, role: 'chair', run: (ctx, input) => objections.answer(ctx, input.objectionId, input.answer) }),

  /** 备案 of one notice as a Word document (all versions, read statistics, objection log), named "<发布日期> <标题> 备案.docx". */
  exportFiling: noticeAction({
    input: noticeIdInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeExportOutput> {
      const n = await noticeIn(ctx, input.id, ['published', 'withdrawn'], '草稿还没有发布，不能备案')
      const { filingDocument } = await import('./filing') // docx loads only here, not at cold start
      const fileName = `${shanghaiDate(n.publishedAt!)} ${fileTitle(n.title)} 备案.docx`
      const url = await uploadExport(ctx, fileName, await filingDocument(ctx, n))
      await recordAudit(ctx.db as unknown as DocWriter, ctx, { action: 'notice.exportFiling', target: { kind: 'notice', id: n._id, label: n.title } })
      return { url, fileName }
    },
  }),

  /** Excel ledger of every notice published between two Shanghai days (inclusive). */
  exportLedger: noticeAction({
    input: noticeLedgerInput,
    role: 'chair',
    async run(ctx, input): Promise<NoticeExportOutput> {
      const { ledgerWorkbook } = await import('./ledger') // exceljs loads only here, not at cold start
      const { buffer, count } = await ledgerWorkbook(ctx, input.from, input.to)
      const fileName = `校务公开台账 ${input.from} 至 ${input.to}.xlsx`
      const url = await uploadExport(ctx, fileName, buffer)
      await recordAudit(ctx.db as unknown as DocWriter, ctx, { action: 'notice.exportLedger', target: { kind: 'notice_ledger', id: `${input.from}_${input.to}` }, note: `${count} 份` })
      return { url, fileName, count }
    },
  }),
}
