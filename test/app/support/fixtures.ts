import type { NoticeListItem } from '../../../types/notice'
import type { ActivityListItem } from '../../../types/activity'
import type { MemberMeOutput } from '../../../types/member'

export function notice(over: Partial<NoticeListItem> = {}): NoticeListItem {
  return {
    id: 'n1',
    title: '关于教职工体检安排的通知',
    category: '校务',
    visibility: 'internal',
    pinned: false,
    publishedAt: '2026-11-20T01:30:00.000Z',
    publicityState: 'none',
    correctionCount: 0,
    read: false,
    ...over,
  }
}

export function activity(over: Partial<ActivityListItem> = {}): ActivityListItem {
  return {
    id: 'a1',
    title: '教职工羽毛球比赛',
    category: '文体',
    place: '体育馆',
    startAt: '2026-12-05T06:00:00.000Z',
    endAt: '2026-12-05T09:00:00.000Z',
    signupStartAt: '2026-11-20T00:00:00.000Z',
    signupEndAt: '2026-12-01T10:00:00.000Z',
    capacity: 32,
    confirmedCount: 29,
    waitlistCount: 0,
    status: 'open',
    ...over,
  }
}

export const meAs = {
  visitor: { role: 'visitor', member: null },
  member: { role: 'member', member: { id: 'm1', name: '王芳', department: '语文组', status: '在职', roleLabel: '会员' } },
  committee: { role: 'committee', member: { id: 'm2', name: '李强', department: '数学组', status: '在职', roleLabel: '委员' } },
} satisfies Record<string, MemberMeOutput>

export const page = <T,>(items: T[], total = items.length, p = 1) => ({ items, page: p, total })
