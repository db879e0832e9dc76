import { useCallback } from 'react'
import { activityApi } from '@/components/activity/api'
import { usePagedList } from './usePagedList'

/** The 活动 tab (what needs action soonest first), or with `q` the titles containing it. */
export function useActivities(q = '') {
  const load = useCallback((page: number) => activityApi.list(page, q), [q])
  return usePagedList(`activities:${q}`, load)
}
