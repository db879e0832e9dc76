/**
 * Canned notice answers for the notice pages' simulate tests, each checked against the types/
 * schema the app parses it with. Ids are 32-hex like the functions' own; an objection id is the
 * composed `<noticeId>_<memberId>_<k>` (67 characters) the function makes.
 */
import {
  noticeDetail, noticeListOutput, noticeManageListOutput, noticeObjectionsOutput, noticePendingObjectionsOutput, noticeReadersOutput,
  type NoticeDetail,
} from '../../types/notice'
import { activityManageListOutput } from '../../types/activity'
import { checked, hexId, page } from './support/fixtures'

export const NOTICE_ID = hexId('notice:体检')
export const DRAFT_ID = hexId('notice:草稿')
export const ACTIVITY_ID = hexId('activity:体检')
export const OBJECTION_ID = `${NOTICE_ID}_${hexId('member:张明')}_1`

const base = {
  category: '校务' as const, visibility: 'internal' as const, pinned: false, correctionCount: 0, attachments: [], versions: [], canObject: false, myObjections: [],
  publicityState: 'none' as const,
}

/** A published internal notice in its 公示期, corrected once, announcing the 体检 activity, with an attachment. */
export const publishedNotice = (extra: Partial<NoticeDetail> = {}) => checked(noticeDetail, {
  ...base,
  id: NOTICE_ID, title: '关于2026年教职工健康体检安排的通知', state: 'published', version: 2, currentVersion: 2, correctionCount: 1, pinned: true,
  body: [{ type: 'heading', text: '一、体检对象' }, { type: 'paragraph', text: '全体在职及离退休教职工。' }, { type: 'image', damaged: true }],
  attachments: [{ name: '体检分组表.pdf', size: 48_213, kind: 'pdf' }],
  publishedAt: '2026-11-20T02:00:00.000Z', reason: '集合时间更正为 07:10',
  publicityStart: '2026-11-19T16:00:00.000Z', publicityEnd: '2026-11-26T16:00:00.000Z', publicityState: 'active',
  versions: [{ version: 2, publishedAt: '2026-11-20T02:00:00.000Z', reason: '集合时间更正为 07:10' }, { version: 1, publishedAt: '2026-11-18T02:00:00.000Z' }],
  link: { kind: 'activity', id: ACTIVITY_ID, title: '2026年教职工健康体检' },
  canObject: true,
  ...extra,
}, 'notice.get (published)')

/** A committee draft with a planned 公示期 (what must never say 公示中). */
export const draftNotice = checked(noticeDetail, {
  ...base,
  id: DRAFT_ID, title: '2026年度工会经费收支情况公示', category: '工会经费', visibility: 'public', state: 'draft', version: 1, currentVersion: 1,
  body: [{ type: 'paragraph', text: '收支明细见附表。' }],
  publicityStart: '2026-11-24T16:00:00.000Z', publicityEnd: '2026-12-01T16:00:00.000Z', publicityState: 'planned',
  source: {
    body: [{ type: 'paragraph', text: '收支明细见附表。' }], attachments: [], publicity: { startDate: '2026-11-25', endDate: '2026-12-01' }, revision: 2,
  },
}, 'notice.get (draft)')

export const boardPage = checked(noticeListOutput, page([
  {
    id: NOTICE_ID, title: '关于2026年教职工健康体检安排的通知', category: '校务', visibility: 'internal', pinned: true, publishedAt: '2026-11-20T02:00:00.000Z',
    publicityStart: '2026-11-19T16:00:00.000Z', publicityEnd: '2026-11-26T16:00:00.000Z', publicityState: 'active', correctionCount: 1, read: false,
  },
  {
    id: hexId('notice:作息'), title: '关于冬季作息时间调整的通知', category: '校务', visibility: 'public', pinned: false, publishedAt: '2026-11-02T06:00:00.000Z',
    publicityState: 'none', correctionCount: 0, read: true,
  },
]), 'notice.list')

export const managePage = checked(noticeManageListOutput, page([
  { id: DRAFT_ID, title: '2026年度工会经费收支情况公示', category: '工会经费', visibility: 'public', state: 'draft', version: 1, updatedAt: '2026-11-21T08:30:00.000Z', authorName: '李晓梅' },
]), 'notice.manageList')

export const readers = checked(noticeReadersOutput, {
  readCount: 31, unreadCount: 36, memberCount: 67, unread: page([{ name: '陈桂兰', department: '退休教师' }, { name: '董志刚', department: '后勤处' }], 36),
}, 'notice.readers')

export const objections = checked(noticeObjectionsOutput, {
  items: [{ id: OBJECTION_ID, name: '张明', department: '语文组', text: '集合时间与早读冲突，能否调整？', raisedAt: '2026-11-21T01:20:00.000Z' }],
  page: 1, total: 1, answered: 0,
}, 'notice.objections')

export const pendingObjections = checked(noticePendingObjectionsOutput, page([
  { id: OBJECTION_ID, noticeId: NOTICE_ID, noticeTitle: '第六届教职工代表大会代表补选结果公示', name: '张明', department: '语文组', text: '建议公布参加投票的人员名单。', raisedAt: '2026-11-15T12:40:00.000Z', overdue: true },
]), 'notice.pendingObjections')

export const activities = checked(activityManageListOutput, page([{
  id: ACTIVITY_ID, title: '2026年教职工健康体检', category: '体检', place: '市第一人民医院体检中心', startAt: '2026-11-30T23:30:00.000Z', endAt: '2026-12-03T03:30:00.000Z',
  signupStartAt: '2026-11-12T00:00:00.000Z', signupEndAt: '2026-11-27T10:00:00.000Z', capacity: 0, confirmedCount: 41, waitlistCount: 0, status: 'open',
  state: 'published', pendingCount: 0,
}]), 'activity.manageList')
