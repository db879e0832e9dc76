import { activityApi } from '@/components/activity/api'
import { useAsync } from './useAsync'

/** One activity with the caller's own registration; `reload` after a sign-up or cancellation. */
export function useActivityDetail(id: string | undefined) {
  return useAsync(`activity:${id ?? ''}`, () => (id ? activityApi.detail(id) : Promise.reject(new Error('no id'))))
}
