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

/**
 * Current members split into read (with the first-read time) / unread for one notice, sorted by
 * name. Counts are over current members, so read + unread = members now.
 */
export async function readSplit(ctx: Ctx, noticeId: string): Promise<{ read: Array<Person & { firstReadAt: Date }>; unread: Person[] }> {
  const [members, reads] = await Promise.all([
    collectAll<Person>(ctx, COLLECTIONS.members, { membership: 'approved' }, ['name', 'asc'], { _id: true, name: true, department: true, openid: true }),
    collectAll<Pick<NoticeReadDoc, 'memberId' | 'firstReadAt'>>(ctx, COLLECTIONS.noticeReads, { noticeId }, ['memberId', 'asc'], { memberId: true, firstReadAt: true }),
  ])
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
