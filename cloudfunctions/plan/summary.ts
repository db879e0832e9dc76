/**
 * The year-end 工作总结: every figure is counted from the year's records (Asia/Shanghai year), never
 * typed in. The draft text states the figures; the chair finishes it and exports it to Word.
 */
import type { SummaryFigures, SummaryOutput } from '../../types/plan'
import type { Ctx } from '../_shared/context'
import { startOfShanghaiDay } from '../_shared/time'
import { activitiesHeld } from './linked-activities'
import { membersJoined, membersRetired } from './linked-members'
import { noticesPublished, objectionsOf } from './linked-notices'
import { opinionsOfYear } from './linked-opinions'
import { proposalsOfYear, type ProposalRow } from './linked-congress'
import { pollsHeld } from './linked-polls'
import { visitsOfYear } from './linked-welfare'
import { PLAN_COLLECTIONS as C, itemsOfYear, scanAll } from './store'
import { itemViews } from './status'

export const yearBounds = (year: number) => ({ from: startOfShanghaiDay(`${year}-01-01`), to: startOfShanghaiDay(`${year + 1}-01-01`) })

export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Records a caller already read for the year (the archive), so they are not read twice. */
export interface YearRecords {
  acts: Awaited<ReturnType<typeof activitiesHeld>>
  notices: Awaited<ReturnType<typeof noticesPublished>>
  objections: Array<{ noticeId: string; answered: boolean }>
  opinions: Awaited<ReturnType<typeof opinionsOfYear>>
  polls: Awaited<ReturnType<typeof pollsHeld>>
  proposals: ProposalRow[]
  visits: Awaited<ReturnType<typeof visitsOfYear>>
}

/** Every record of the year the figures and the archive read, read once and in parallel. */
export async function yearRecords(ctx: Ctx, year: number): Promise<YearRecords> {
  const { from, to } = yearBounds(year)
  const db = ctx.db
  const [acts, notices, opinions, polls, proposals, visits] = await Promise.all([
    activitiesHeld(db, from, to), noticesPublished(db, from, to), opinionsOfYear(db, year), pollsHeld(db, from, to), proposalsOfYear(db, year), visitsOfYear(db, year),
  ])
  return { acts, notices, objections: await objectionsOf(db, notices.map((n) => n._id)), opinions, polls, proposals, visits }
}

export async function figures(ctx: Ctx, year: number, read?: YearRecords): Promise<SummaryFigures> {
  const { from, to } = yearBounds(year)
  const db = ctx.db
  const [{ acts, notices, objections, opinions, polls, proposals, visits }, joined, retired, items, meetings] = await Promise.all([
    read ?? yearRecords(ctx, year), membersJoined(db, from, to), membersRetired(db, from, to), itemsOfYear(db, year), scanAll<{ _id: string }>(db, C.meetings, { year }, { _id: true }),
  ])
  const participants = acts.reduce((n, a) => n + (a.confirmedCount ?? 0), 0)
  const checkedIn = acts.reduce((n, a) => n + (a.checkedInCount ?? 0), 0)
  const answered = opinions.filter((o) => o.firstReplyDays !== undefined)
  const byReason = new Map<string, { count: number; amountFen: number }>()
  for (const v of visits) {
    const r = byReason.get(v.reason) ?? { count: 0, amountFen: 0 }
    r.count += 1
    r.amountFen += (v.cashFen ?? 0) + (v.giftFen ?? 0)
    byReason.set(v.reason, r)
  }
  const views = await itemViews(db, items, ctx.now)
  return {
    activities: { held: acts.length, participants, checkedIn, checkInRate: participants ? Math.round((checkedIn / participants) * 1000) / 10 : 0 },
    notices: { published: notices.length, publicity: notices.filter((n) => n.publicityEnd).length, objections: objections.length, objectionsAnswered: objections.filter((o) => o.answered).length },
    opinions: { received: opinions.length, answered: answered.length, medianDays: median(answered.map((o) => o.firstReplyDays!)) },
    polls: { held: polls.length },
    proposals: proposalFigures(proposals),
    visits: {
      count: visits.length, amountFen: [...byReason.values()].reduce((n, r) => n + r.amountFen, 0),
      byReason: [...byReason.entries()].map(([reason, r]) => ({ reason, ...r })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'zh')),
    },
    members: { joined, retired },
    plan: { planned: views.length, done: views.filter((v) => v.status === 'done').length, cancelled: views.filter((v) => v.status === 'cancelled').length },
    meetings: { held: meetings.length },
  }
}

const CASES = new Set(['accepted', 'assigned', 'answered', 'rating', 'closed'])

/** 提案 of the year: submitted, became cases (立案), answered, and 满意率 (满意 + 基本满意) over those closed with a final rating. */
export function proposalFigures(rows: ProposalRow[]): SummaryFigures['proposals'] {
  const rated = rows.filter((p) => p.state === 'closed' && p.finalRating)
  const satisfied = rated.filter((p) => p.finalRating === 'satisfied' || p.finalRating === 'basic').length
  return {
    submitted: rows.length, cases: rows.filter((p) => CASES.has(p.state)).length, answered: rows.filter((p) => (p.answers ?? []).length > 0).length,
    rated: rated.length, satisfiedRate: rated.length ? Math.round((satisfied / rated.length) * 1000) / 10 : null,
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2)

export function draftText(year: number, f: SummaryFigures): string[] {
  const reasons = f.visits.byReason.map((r) => `${r.reason} ${r.count} 人次 ${yuan(r.amountFen)} 元`).join('，')
  return [
    `${year}年，校工会在学校党组织和上级工会的领导下，围绕学校中心工作，按照年度工作计划开展各项工作。全年计划工作 ${f.plan.planned} 项，已完成 ${f.plan.done} 项${f.plan.cancelled ? `，取消 ${f.plan.cancelled} 项` : ''}；召开各类会议 ${f.meetings.held} 次。`,
    `一、民主管理。全年发布校务公开 ${f.notices.published} 件，其中公示 ${f.notices.publicity} 件，收到异议 ${f.notices.objections} 条、已答复 ${f.notices.objectionsAnswered} 条；意见箱收到意见 ${f.opinions.received} 条，已答复 ${f.opinions.answered} 条${f.opinions.medianDays === null ? '' : `，答复用时中位数 ${f.opinions.medianDays} 天`}；教代会收到提案 ${f.proposals.submitted} 件，立案 ${f.proposals.cases} 件，已答复 ${f.proposals.answered} 件${f.proposals.satisfiedRate === null ? '' : `，满意率 ${f.proposals.satisfiedRate}%（${f.proposals.rated} 件已评价）`}；组织民主测评、评选和票决 ${f.polls.held} 次。`,
    `二、文体活动。全年举办活动 ${f.activities.held} 次，报名参加 ${f.activities.participants} 人次，签到 ${f.activities.checkedIn} 人次，签到率 ${f.activities.checkInRate}%。`,
    `三、关爱帮扶。全年走访慰问 ${f.visits.count} 人次，金额合计 ${yuan(f.visits.amountFen)} 元${reasons ? `（${reasons}）` : ''}。`,
    `四、自身建设。全年新入会会员 ${f.members.joined} 人，退休 ${f.members.retired} 人。`,
    '五、存在的不足与来年打算。（请主席补充）',
  ]
}

export async function summary(ctx: Ctx, year: number): Promise<SummaryOutput> {
  const f = await figures(ctx, year)
  return { year, figures: f, text: draftText(year, f) }
}
