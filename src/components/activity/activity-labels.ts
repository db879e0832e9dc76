import type { ActivityAudience, ActivityListItem, ActivityStatus, CancelPolicy, MyRegistration, MyStatus, RegistrationState } from '../../../types/activity'
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

export const categoryLabels = ['文体', '节日', '体检', '疗休养', '培训', '其他'] as const

export const audienceLabels: Record<ActivityAudience['kind'], string> = {
  all: '全体会员', 在职: '在职教职工', 离退休: '离退休教职工', female: '女教职工', departments: '指定部门',
}

export const cancelPolicyLabels: Record<CancelPolicy, string> = {
  untilSignupEnd: '报名截止前可取消', untilStart: '活动开始前可取消', never: '报名后不可取消',
}

export const registrationStateTag: Record<RegistrationState, { label: string; tone: TagTone }> = {
  confirmed: { label: '已报名', tone: 'success' },
  pending: { label: '待审核', tone: 'info' },
  waitlisted: { label: '候补', tone: 'warning' },
  cancelled: { label: '已取消', tone: 'neutral' },
  rejected: { label: '未通过', tone: 'neutral' },
}

/** 已报名 / 候补第 2 位 / 待审核 … — the line a member looks for on their registration. */
export function registrationText(r: Pick<MyRegistration, 'state' | 'waitPosition' | 'checkedInAt' | 'rejectReason'>): string {
  switch (r.state) {
    case 'confirmed': return r.checkedInAt ? '已报名 · 已签到' : '已报名'
    case 'pending': return '已占名额，等待组织者审核'
    case 'waitlisted': return waitText(r.waitPosition)
    case 'cancelled': return '已取消报名'
    case 'rejected': return r.rejectReason ? `未通过审核：${r.rejectReason}` : '未通过审核'
  }
}

/** 候补第 4 位 — the same words on every screen. */
export function waitText(position: number | undefined): string {
  return position ? `候补第 ${position} 位` : '候补中'
}

/** The caller's status on a list card: 已报名 / 已签到 / 候补第 4 位 / 待审核 / 已取消 / 未通过. */
export function myStatusTag(s: MyStatus): { label: string; tone: TagTone } {
  if (s.state === 'confirmed') return { label: s.checkedIn ? '已签到' : '已报名', tone: 'success' }
  if (s.state === 'waitlisted') return { label: waitText(s.waitPosition), tone: 'warning' }
  return registrationStateTag[s.state]
}

/** The share card's title: what and how many places are left. */
export function shareTitle(a: Pick<ActivityListItem, 'title' | 'capacity' | 'confirmedCount' | 'waitlistCount' | 'seatsTaken'>): string {
  return `${a.title}｜${placesText(a)}`
}
