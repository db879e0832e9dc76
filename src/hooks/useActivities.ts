import { api } from '@/services/api'
import { usePagedList } from './usePagedList'

export function useActivities() {
  return usePagedList('activities', api.activities)
}
