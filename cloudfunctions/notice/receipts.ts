/**
 * Read receipts. The first open by a member inserts `${noticeId}_${memberId}`; the key is unique,
 * so re-reading or opening on two phones at once leaves the one first record untouched.
 */
import { TEMPLATES } from '../../types/templates'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc, type NoticeDoc, type NoticeReadDoc } from '../_shared/documents'
import { formatShanghai } from '../_shared/time'
import { isDuplicateKey } from '../_shared/create-once'
import { collectAll } from './collect'

export async function recordFirstRead(ctx: Ctx, notice: NoticeDoc, member: MemberDoc): Promise<void> {
  const doc: NoticeReadDoc = { _id: `${notice._id}_${member._id}`, noticeId: notice._id, memberId: member._id, firstReadAt: ctx.now }
  try {
    await ctx.db.collection(COLLECTIONS.noticeReads).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err // duplicate = already read: nothing changes
  }
}

export type Person = Pick<MemberDoc, '_id' | 'name' | 'department' | 'openid'>

type Read = Pick<NoticeReadDoc, 'memberId' | 'firstReadAt'>
type Split = { read: Array<Person & { firstReadAt: Date }>; unread: Person[] }

/** Current (approved) members by name, at most 5000 (one request per 1000). */
const currentMembers = (ctx: Ctx) =>
  collectAll<Person>(ctx, COLLECTIONS.members, { membership: 'approved' }, ['name', 'asc'], { _id: true, name: true, department: true, openid: true })

/**
 * Current members split into read (with the first-read time) / unread for one notice, sorted by
 * name. Counts are over current members, so read + unread = members now.
 */
export async function readSplit(ctx: Ctx, noticeId: string): Promise<Split> {
  const [members, reads] = await Promise.all([
    currentMembers(ctx),
    collectAll<Read>(ctx, COLLECTIONS.noticeReads, { noticeId }, ['memberId', 'asc'], { memberId: true, firstReadAt: true }),
  ])
  return splitBy(members, reads)
}

/**
 * The notice (only what the statistics show) and `readSplit` of it in two requests instead of three:
 * the notice and its reads come from one aggregate anchored on the notice (a lookup on the indexed
 * `noticeId`), the members from their own read, both at once. `notice` is null when there is no such notice.
 */
export async function noticeReadSplit(ctx: Ctx, id: string): Promise<{ notice: Pick<NoticeDoc, '_id' | 'state' | 'lastRemindedAt'> | null } & Split> {
  const [found, members] = await Promise.all([
    ctx.db.collection(COLLECTIONS.notices).aggregate().match({ _id: id }).project({ state: true, lastRemindedAt: true })
      .lookup({ from: COLLECTIONS.noticeReads, localField: '_id', foreignField: 'noticeId', as: 'reads' })
      .end() as Promise<{ list: Array<Pick<NoticeDoc, '_id' | 'state' | 'lastRemindedAt'> & { reads: Read[] }> }>,
    currentMembers(ctx),
  ])
  const row = found.list[0]
  if (!row) return { notice: null, read: [], unread: [] }
  const { reads, ...notice } = row
  return { notice, ...splitBy(members, reads) }
}

function splitBy(members: Person[], reads: Read[]): Split {
  const readAt = new Map(reads.map((r) => [r.memberId, r.firstReadAt]))
  return {
    read: members.filter((m) => readAt.has(m._id)).map((m) => ({ ...m, firstReadAt: new Date(readAt.get(m._id)!) })),
    unread: members.filter((m) => !readAt.has(m._id)),
  }
}

/** 提醒未读: one subscription message per unread member (openid read from members, never from a request). */
export async function remindUnread(ctx: Ctx, notice: NoticeDoc, unread: Person[]): Promise<{ sent: number; failed: number }> {
  let sent = 0
  for (let i = 0; i < unread.length; i += 20) {
    const results = await Promise.all(unread.slice(i, i + 20).map((m) => ctx.services.notify({
      touser: m.openid,
      templateId: TEMPLATES.noticeUnread,
      page: `packages/notice/pages/detail/index?id=${notice._id}`,
      data: {
        thing1: { value: notice.title.length > 20 ? `${notice.title.slice(0, 19)}…` : notice.title },
        time2: { value: formatShanghai(notice.publishedAt ?? ctx.now) },
        thing3: { value: '您还未阅读这份公告，请及时查看' },
      },
    })))
    sent += results.filter(Boolean).length
  }
  return { sent, failed: unread.length - sent }
}
