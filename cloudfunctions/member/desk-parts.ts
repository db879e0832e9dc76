/**
 * Every domain's 工作台 lines as reads (`DeskPart`s, each in its domain's desk.ts), so the whole desk is
 * answered in two requests (`answerParts`: the first reads of every domain in one aggregate, the reads
 * that need ids found by them in a second) instead of one to four requests per domain. A domain joins
 * the desk by exporting `deskPart(ctx)` from cloudfunctions/<domain>/desk.ts and adding one line here.
 */
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import type { DeskPart } from '../_shared/desk'
import { countIn, countRead } from '../_shared/query'
import { addShanghaiDays } from '../_shared/time'
import { deskPart as activityPart } from '../activity/desk'
import { deskPart as congressPart } from '../congress/desk'
import { deskPart as noticePart } from '../notice/desk'
import { deskPart as opinionPart } from '../opinion/desk'
import { deskPart as planPart } from '../plan/desk'
import { deskPart as pollPart } from '../poll/desk'

/** An application older than this is late: shown in the warning colour. */
const QUEUE_LATE_DAYS = 7

/** 入会审核 (urgent once an application has waited a week) and, for the chair, 资料变更申请 (member/desk.ts). */
function memberPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const isChair = ctx.role === 'chair'
  return {
    first: {
      waiting: countRead(COLLECTIONS.members, { membership: 'pending' }),
      late: countRead(COLLECTIONS.members, { membership: 'pending', createdAt: _.lt(addShanghaiDays(ctx.now, -QUEUE_LATE_DAYS)) }),
      ...(isChair ? { changes: countRead(COLLECTIONS.memberChanges, { state: 'pending' }) } : {}),
    },
    answer: (r) => [
      { key: 'member.queue', title: '入会审核', count: countIn(r.waiting), url: '/packages/member/pages/queue/index', urgent: countIn(r.late) > 0 },
      ...(isChair ? [{ key: 'member.changes', title: '资料变更申请', count: countIn(r.changes), url: '/packages/member/pages/queue/index?tab=changes', urgent: false }] : []),
    ],
  }
}

/**
 * The desk's domains in the order it shows them. 慰问 has no part of its own: its lines come from the
 * 待办 (welfare/desk.ts), which 我的 shows too, so it is read once for both.
 */
export const DESK_PARTS: Array<[domain: string, part: ((ctx: Ctx) => DeskPart) | 'todo']> = [
  ['member', memberPart],
  ['notice', noticePart],
  ['opinion', opinionPart],
  ['activity', activityPart],
  ['poll', pollPart],
  ['welfare', 'todo'],
  ['plan', planPart],
  ['congress', congressPart],
]
