import { activityApi } from '@/components/activity/api'
import { usePagedList } from './usePagedList'

/** 我的报名: the caller's registrations, newest first, 20 a page. */
export function useMyRegistrations() {
  return usePagedList('activity:mine', activityApi.mine)
}
