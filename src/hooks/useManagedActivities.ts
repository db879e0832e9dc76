import { activityApi } from '@/components/activity/api'
import { usePagedList } from './usePagedList'

/** Organisers' list: drafts and every state, newest first. */
export function useManagedActivities() {
  return usePagedList('activity:manage', activityApi.manageList)
}
