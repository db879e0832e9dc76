/**
 * The list pages (#18: each opens in at most 3 database requests) and the calls each makes when it
 * opens, as the app makes them, by the persona who uses it — shared by test/functions/list-round-trips
 * and `npm run bench -- lists`. `preparePages` warms every function and finds the records the pages
 * open (an activity with sign-ups, a published notice, one with an objection, a session, an open poll).
 */
import type { PersonaKey } from '../../emulator/seed/personas'

/** One call a page makes: function, input, and whether its answer is the page's (non-empty) list. */
export interface PageCall { name: string; data: Record<string, unknown>; list?: (data: any) => unknown[] }

export type ListPage = [page: string, who: PersonaKey, calls: () => PageCall[]]

/** A call's answer data as `who` (throws when refused). */
export type DataOf = (who: PersonaKey, name: string, data: Record<string, unknown>) => Promise<any>

export const PAGE_REQUEST_GOAL = 3

const items = (d: any) => d.items

/** The pages, reading `ids` when they open (`preparePages` fills it). */
export function listPages(ids: Record<string, string>, month: string): ListPage[] {
  const year = Number(month.slice(0, 4))
  return [
    ['公开栏 tab (notices)', 'staff', () => [{ name: 'notice', data: { action: 'list', page: 1 }, list: items }]],
    ['活动 tab (activities)', 'staff', () => [{ name: 'activity', data: { action: 'list', page: 1 }, list: items }]],
    ['意见箱 tab (opinions): 公开答复', 'staff', () => [{ name: 'opinion', data: { action: 'listQa', page: 1 }, list: items }]],
    ['我的 tab (me) as a member', 'staff', () => [{ name: 'member', data: { action: 'home' } }]],
    ['我的 tab (me) as a committee member: 工作台 + 慰问待办', 'committee', () => [{ name: 'member', data: { action: 'home' }, list: (d) => d.desk }]],
    ['活动管理 (activity manage)', 'committee', () => [{ name: 'activity', data: { action: 'manageList', page: 1 }, list: items }]],
    ['我的报名 (activity mine)', 'staff', () => [{ name: 'activity', data: { action: 'mine', page: 1 }, list: items }]],
    ['报名名单 (activity roster)', 'committee', () => [{ name: 'activity', data: { action: 'roster', activityId: ids.activity, page: 1 }, list: items }]],
    ['教代会提案 (congress board)', 'staff', () => [{ name: 'congress', data: { action: 'board' }, list: (d) => d.list.items }]],
    ['提案工作台 (congress desk)', 'chair', () => [{ name: 'congress', data: { action: 'desk', sessionId: ids.session }, list: (d) => d.queues.flatMap((q: any) => q.items) }]],
    ['会员名册 (member directory)', 'committee', () => [{ name: 'member', data: { action: 'directory', page: 1, withDepartments: true }, list: items }]],
    ['会员名册, next page (member directory)', 'committee', () => [{ name: 'member', data: { action: 'directory', page: 2 }, list: items }]],
    ['入会审核 (member queue) as the chair', 'chair', () => [{ name: 'member', data: { action: 'queue', page: 1, withChanges: true }, list: items }]],
    ['操作日志 (member audit)', 'chair', () => [{ name: 'member', data: { action: 'auditLog', page: 1 }, list: items }]],
    ['公告管理 (notice manage)', 'committee', () => [{ name: 'notice', data: { action: 'manageList', state: 'draft', page: 1 }, list: items }]],
    ['已读统计 (notice readers)', 'chair', () => [{ name: 'notice', data: { action: 'readers', id: ids.notice, page: 1 }, list: (d) => d.unread.items }]],
    ['异议 (notice objections, one notice)', 'chair', () => [{ name: 'notice', data: { action: 'objections', id: ids.objected, page: 1 }, list: items }]],
    ['待答复异议 (notice objections, pending)', 'chair', () => [{ name: 'notice', data: { action: 'pendingObjections', page: 1 }, list: items }]],
    ['处理意见 (opinion inbox)', 'chair', () => [{ name: 'opinion', data: { action: 'inbox', filter: 'open', page: 1 }, list: items }]],
    ['我的意见 (opinion mine)', 'staff', () => [{ name: 'opinion', data: { action: 'mine', page: 1 }, list: items }]],
    ['工会日历 (plan calendar)', 'staff', () => [{ name: 'plan', data: { action: 'calendar', month }, list: (d) => d.entries }]],
    ['会议记录 (plan meetings)', 'committee', () => [{ name: 'plan', data: { action: 'meetings', year, page: 1 }, list: items }]],
    ['投票 (poll list)', 'staff', () => [{ name: 'poll', data: { action: 'list', page: 1 }, list: items }]],
    ['投票管理 (poll manage)', 'committee', () => [{ name: 'poll', data: { action: 'manageList', page: 1 }, list: items }]],
    ['未投票 (poll voters)', 'chair', () => [{ name: 'poll', data: { action: 'nonVoters', id: ids.poll, page: 1 }, list: items }]],
    ['慰问台账 (welfare list + summary)', 'committee', () => [{ name: 'welfare', data: { action: 'list', year, page: 1, withSummary: true }, list: items }]],
    ['慰问计划 (welfare plans)', 'committee', () => [{ name: 'welfare', data: { action: 'plans', page: 1 }, list: items }]],
    ['慰问待办 (welfare todo)', 'committee', () => [{ name: 'welfare', data: { action: 'todo' } }]],
  ]
}

/** Warms every function (a cold start is not what is counted) and fills `ids`. */
export async function preparePages(dataOf: DataOf, ids: Record<string, string>): Promise<void> {
  for (const name of ['member', 'notice', 'activity', 'opinion', 'congress', 'plan', 'poll', 'welfare']) {
    await dataOf('chair', name, { action: name === 'member' ? 'me' : '__warm__' }).catch(() => undefined)
  }
  const managed = await dataOf('chair', 'activity', { action: 'manageList', page: 1 })
  ids.activity = managed.items.find((a: any) => a.confirmedCount > 0)?.id
  const notices = await dataOf('chair', 'notice', { action: 'manageList', state: 'published', page: 1 })
  ids.notice = notices.items[0]?.id
  const pending = await dataOf('chair', 'notice', { action: 'pendingObjections', page: 1 })
  ids.objected = pending.items[0]?.noticeId
  // The chair pins a notice: an audited action, so 操作日志 has an entry.
  await dataOf('chair', 'notice', { action: 'pin', id: ids.notice, pinned: true })
  const sessions = await dataOf('staff', 'congress', { action: 'sessions' })
  ids.session = sessions.items[0]?.id
  const polls = await dataOf('chair', 'poll', { action: 'manageList', page: 1 })
  ids.poll = polls.items.find((p: any) => p.state === 'open')?.id ?? polls.items[0]?.id
  const missing = Object.entries(ids).filter(([, v]) => !v).map(([k]) => k)
  if (missing.length) throw new Error(`list pages: no record for ${missing.join(', ')}`)
}
