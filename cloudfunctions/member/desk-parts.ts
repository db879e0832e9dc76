/**
 * Every domain's 工作台 lines as reads (`Part`s), so the whole desk is answered in two requests
 * (`answerParts`: the first reads of every domain in one aggregate, the reads that need ids found by
 * them in a second) instead of one to four requests per domain. Each part counts exactly what the
 * domain's own desk.ts counts (cloudfunctions/<domain>/desk.ts, which its tests still call); counts
 * are separate lookups with the domain's query, so a condition reads as the query always read it.
 */
import type { DeskItem } from '../../types/desk'
import { meets } from '../../types/poll'
import { hasRole } from '../../types/role'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type ActivityDoc } from '../_shared/documents'
import { countIn, countRead, type Part, type Read } from '../_shared/query'
import { addDays, addShanghaiDays, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { CONGRESS_COLLECTIONS } from '../congress/documents'
import { NOTICE_FILE_ALERTS } from '../notice/documents'
import { PLAN_COLLECTIONS } from '../plan/documents'
import { activityStatus } from '../plan/linked-activities'
import { collectionStatus } from '../plan/linked-congress'
import { noticeStatus } from '../plan/linked-notices'
import { pollStatus } from '../plan/linked-polls'
import type { Linked } from '../plan/linked-types'
import { welfarePlanStatus } from '../plan/linked-welfare'
import { dueDay, itemView } from '../plan/status'
import type { PlanItemDoc } from '../plan/documents'
import type { PollDoc } from '../poll/documents'
import { POLL_COLLECTIONS } from '../poll/store'

export type DeskPart = Part<DeskItem[]>

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

/** 未答复异议 and 附件损坏 (chair), 待发布草稿 (notice/desk.ts). */
function noticePart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const isChair = hasRole(ctx.role, 'chair')
  return {
    first: {
      drafts: countRead(COLLECTIONS.notices, { state: 'draft' }),
      ...(isChair ? {
        unanswered: countRead(COLLECTIONS.noticeObjections, { answered: false }),
        overdue: countRead(COLLECTIONS.noticeObjections, { answered: false, publicityEnd: _.lte(ctx.now) }),
        damaged: countRead(NOTICE_FILE_ALERTS, { resolved: false }),
      } : {}),
    },
    answer: (r) => [
      ...(isChair ? [{ key: 'notice.objections', title: '未答复异议', count: countIn(r.unanswered), url: '/packages/notice/pages/objections/index', urgent: countIn(r.overdue) > 0 }] : []),
      { key: 'notice.drafts', title: '待发布草稿', count: countIn(r.drafts), url: '/packages/notice/pages/manage/index', urgent: false },
      ...(isChair && countIn(r.damaged) > 0 ? [{ key: 'notice.damagedFiles', title: '附件损坏', count: countIn(r.damaged), url: '/packages/notice/pages/manage/index?state=published', urgent: true }] : []),
    ],
  }
}

const INBOX = '/packages/opinion/pages/inbox/index'

/** Released opinions only: 待受理 / 待我答复 and 逾期意见 (opinion/desk.ts). */
function opinionPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const isChair = ctx.role === 'chair'
  const open = { state: _.in(['pending', 'processing']), visibleOn: _.lte(today), ...(isChair ? {} : { assigneeId: requireMember(ctx)._id }) }
  return {
    first: {
      waiting: countRead(COLLECTIONS.opinions, { ...open, state: isChair ? 'pending' : 'processing' }),
      overdue: countRead(COLLECTIONS.opinions, { ...open, dueOn: _.lt(today) }),
    },
    answer: (r) => [
      isChair
        ? { key: 'opinion.pending', title: '待受理意见', count: countIn(r.waiting), url: `${INBOX}?filter=pending`, urgent: false }
        : { key: 'opinion.assigned', title: '待我答复的意见', count: countIn(r.waiting), url: `${INBOX}?filter=processing`, urgent: false },
      { key: 'opinion.overdue', title: '逾期意见', count: countIn(r.overdue), url: `${INBOX}?filter=overdue`, urgent: countIn(r.overdue) > 0 },
    ],
  }
}

const MANAGE_ACTIVITIES = '/packages/activity/pages/manage/index'
const activityRoster = (id: string, filter: string) => `/packages/activity/pages/roster/index?id=${encodeURIComponent(id)}&filter=${filter}`
type CountedActivity = Pick<ActivityDoc, '_id' | 'pendingCount' | 'signupEndAt' | 'confirmedCount' | 'checkedInCount'>

/** 报名待审核 and 今明两天待签到 (activity/desk.ts). */
function activityPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const afterTomorrow = startOfShanghaiDay(addDays(shanghaiDate(ctx.now), 2))
  const counted = { _id: 1, pendingCount: 1, signupEndAt: 1, confirmedCount: 1, checkedInCount: 1 }
  const list = (where: Record<string, unknown>): Read => ({ from: COLLECTIONS.activities, stages: (p) => p.match(where).limit(100).project(counted) })
  return {
    first: {
      pending: list({ state: 'published', pendingCount: _.gt(0) }),
      running: list({ state: 'published', startAt: _.lt(afterTomorrow), endAt: _.gt(ctx.now) }),
    },
    answer(r) {
      const pending = r.pending as CountedActivity[]
      const unchecked = (r.running as CountedActivity[]).map((a) => ({ id: a._id, n: a.confirmedCount - a.pendingCount - (a.checkedInCount ?? 0) })).filter((a) => a.n > 0)
      return [
        {
          key: 'activity.pending', title: '报名待审核', count: pending.reduce((n, a) => n + a.pendingCount, 0),
          url: pending.length === 1 ? activityRoster(pending[0]._id, 'pending') : MANAGE_ACTIVITIES,
          urgent: pending.some((a) => new Date(a.signupEndAt).getTime() <= ctx.now.getTime()),
        },
        {
          key: 'activity.checkin', title: '今明两天待签到', count: unchecked.reduce((n, a) => n + a.n, 0),
          url: unchecked.length === 1 ? activityRoster(unchecked[0].id, 'confirmed') : MANAGE_ACTIVITIES,
          urgent: false,
        },
      ]
    },
  }
}

const MANAGE_POLLS = '/packages/poll/pages/manage/index'
const SOON_MS = 24 * 3600_000

/** 即将截止、人数未达法定的投票 and 待公布的投票结果 (poll/desk.ts); the closing polls' receipts in the second request. */
function pollPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const $ = _.aggregate
  return {
    first: {
      closingSoon: { from: POLL_COLLECTIONS.polls, stages: (p) => p.match({ state: 'open', closesAt: _.lte(new Date(ctx.now.getTime() + SOON_MS)) }).limit(20).project({ _id: 1, rosterSize: 1, quorum: 1 }) },
      unpublished: countRead(POLL_COLLECTIONS.polls, { state: 'closed' }),
    },
    second: (r): Record<string, Read> => (r.closingSoon.length
      ? { receipts: { from: POLL_COLLECTIONS.receipts, stages: (p) => p.match({ pollId: _.in(r.closingSoon.map((x: PollDoc) => x._id)) }).group({ _id: '$pollId', n: $.sum(1) }) } }
      : {}),
    answer(r, more) {
      const got = new Map<string, number>((more.receipts ?? []).map((c: { _id: string; n: number }) => [c._id, c.n]))
      const short = (r.closingSoon as Array<Pick<PollDoc, '_id' | 'rosterSize' | 'quorum'>>).filter((p) => !meets(got.get(p._id) ?? 0, p.rosterSize ?? 0, p.quorum)).length
      return [
        { key: 'poll.belowQuorum', title: '即将截止、人数未达法定的投票', count: short, url: MANAGE_POLLS, urgent: short > 0 },
        { key: 'poll.unpublished', title: '待公布的投票结果', count: countIn(r.unpublished), url: MANAGE_POLLS, urgent: false },
      ]
    },
  }
}

const PLAN_PAGE = '/packages/plan/pages/plan/index'

/** Each kind of record a plan item may follow: its collection, the fields its status needs, the status. */
const LINKED: Record<string, { from: string; fields: Record<string, 1>; status: (row: any, now: Date) => Linked }> = {
  activity: { from: COLLECTIONS.activities, fields: { title: 1, state: 1, startAt: 1, endAt: 1, cancelReason: 1 }, status: activityStatus },
  notice: { from: COLLECTIONS.notices, fields: { title: 1, state: 1, publicityEnd: 1, withdrawReason: 1, publishedAt: 1, createdAt: 1, visibility: 1 }, status: noticeStatus },
  welfare: { from: 'welfare_plans', fields: { title: 1, state: 1, plannedDate: 1 }, status: welfarePlanStatus },
  poll: { from: POLL_COLLECTIONS.polls, fields: { title: 1, state: 1, closesAt: 1, openedAt: 1, kind: 1 }, status: pollStatus },
  meeting: { from: PLAN_COLLECTIONS.meetings, fields: { type: 1, date: 1 }, status: (m) => ({ id: m._id, title: `${m.date} ${m.type}`, when: m.date, status: 'done' }) },
  congress: { from: CONGRESS_COLLECTIONS.sessions, fields: { title: 1, meetingDate: 1, collectFrom: 1, collectTo: 1 }, status: collectionStatus },
}

/** 本月计划事项 and 逾期计划事项: open items of this year and last, status as everywhere (plan/status.ts). */
function planPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const year = Number(today.slice(0, 4))
  return {
    first: { items: { from: PLAN_COLLECTIONS.items, stages: (p) => p.match({ year: _.in([year - 1, year]), state: 'active' }) } },
    second(r) {
      const reads: Record<string, Read> = {}
      for (const [kind, l] of Object.entries(LINKED)) {
        const ids = [...new Set((r.items as PlanItemDoc[]).filter((i) => i.link?.kind === kind).map((i) => i.link!.id))]
        if (ids.length) reads[kind] = { from: l.from, stages: (p) => p.match({ _id: _.in(ids) }).project({ _id: 1, ...l.fields }) }
      }
      return reads
    },
    answer(r, more) {
      const linked = new Map<string, Linked>()
      for (const [kind, rows] of Object.entries(more)) for (const row of rows) linked.set(`${kind}:${row._id}`, LINKED[kind].status(row, ctx.now))
      const open = (r.items as PlanItemDoc[]).map((i) => itemView(i, linked, ctx.now)).filter((i) => i.status !== 'done' && i.status !== 'cancelled')
      const month = today.slice(0, 7)
      const thisMonth = open.filter((i) => !i.overdue && dueDay(i).slice(0, 7) === month).length
      const overdue = open.filter((i) => i.overdue).length
      return [
        { key: 'plan.month', title: '本月计划事项', count: thisMonth, url: PLAN_PAGE, urgent: false },
        { key: 'plan.overdue', title: '逾期计划事项', count: overdue, url: PLAN_PAGE, urgent: overdue > 0 },
      ]
    },
  }
}

const CONGRESS_DESK = '/packages/congress/pages/desk/index'

/** Proposals waiting for 立案审查, answers waiting for 审核, cases past due, rating rounds to close (congress/desk.ts). */
function congressPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const today = shanghaiDate(ctx.now)
  const count = (where: Record<string, unknown>) => countRead(CONGRESS_COLLECTIONS.proposals, where)
  return {
    first: {
      review: count({ state: 'submitted' }),
      reviewLate: count({ state: 'submitted', reviewDue: _.lt(today) }),
      answered: count({ state: 'answered' }),
      late: count({ state: 'assigned', dueDate: _.lt(today) }),
      ratingDue: count({ state: 'rating', ratingDue: _.lt(today) }),
    },
    answer: (r) => [
      { key: 'congress.review', title: '待立案审查的提案', count: countIn(r.review), url: CONGRESS_DESK, urgent: countIn(r.reviewLate) > 0 },
      { key: 'congress.answers', title: '待审核的提案答复', count: countIn(r.answered), url: CONGRESS_DESK, urgent: false },
      { key: 'congress.overdue', title: '超期未答复的提案', count: countIn(r.late), url: CONGRESS_DESK, urgent: countIn(r.late) > 0 },
      { key: 'congress.ratingDue', title: '评价期满待结束的提案', count: countIn(r.ratingDue), url: CONGRESS_DESK, urgent: false },
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
