import type { ActivityListItem, ActivityStatus } from '../../../types/activity'
import type { TagTone } from '../common/Tag'

export const activityStatusTag: Record<ActivityStatus, { label: string; tone: TagTone }> = {
  draft: { label: '草稿', tone: 'neutral' },
  upcoming: { label: '即将开放报名', tone: 'info' },
  open: { label: '报名中', tone: 'success' },
  full: { label: '名额已满', tone: 'warning' },
  closed: { label: '报名已截止', tone: 'neutral' },
  ongoing: { label: '进行中', tone: 'primary' },
  ended: { label: '已结束', tone: 'neutral' },
  cancelled: { label: '已取消', tone: 'neutral' },
}

/** 剩余 3 个名额 / 不限名额 / 名额已满，2 人候补 — the line people look for first. */
export function placesText(a: Pick<ActivityListItem, 'capacity' | 'confirmedCount' | 'waitlistCount'> & { seatsTaken?: number }): string {
  if (a.capacity === 0) return `不限名额 · 已报名 ${a.confirmedCount} 人`
  const left = Math.max(0, a.capacity - (a.seatsTaken ?? a.confirmedCount))
  if (left > 0) return `剩余 ${left} 个名额（共 ${a.capacity} 个）`
  return a.waitlistCount > 0 ? `名额已满，${a.waitlistCount} 人候补` : `名额已满（共 ${a.capacity} 个）`
}
