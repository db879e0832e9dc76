import type { NoticeListItem } from '../../types/notice'
import type { ActivityListItem } from '../../types/activity'

/**
 * The list item a person just tapped, handed to its detail page in the subpackage so the
 * page shows what is already known without a second request. Memory only: a detail page
 * opened without it (e.g. after a reload) says so and offers the way back.
 */
const notices = new Map<string, NoticeListItem>()
const activities = new Map<string, ActivityListItem>()

export function rememberNotice(n: NoticeListItem): void {
  notices.set(n.id, n)
}
export function recallNotice(id: string | undefined): NoticeListItem | undefined {
  return id ? notices.get(id) : undefined
}
export function rememberActivity(a: ActivityListItem): void {
  activities.set(a.id, a)
}
export function recallActivity(id: string | undefined): ActivityListItem | undefined {
  return id ? activities.get(id) : undefined
}
