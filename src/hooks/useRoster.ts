import { useCallback, useState } from 'react'
import type { RegistrationState, RosterOutput } from '../../types/activity'
import { activityApi } from '@/components/activity/api'
import { usePagedList } from './usePagedList'

export type RosterFilter = RegistrationState | 'checkedIn' | undefined

/** The organiser's roster of one activity, filtered by state or attendance; counts come with each page. */
export function useRoster(activityId: string, filter: RosterFilter) {
  const [meta, setMeta] = useState<Omit<RosterOutput, 'items' | 'page' | 'total'> | null>(null)
  const load = useCallback(async (page: number) => {
    const out = await activityApi.roster({
      activityId, page,
      ...(filter === 'checkedIn' ? { checkedIn: true } : filter ? { state: filter } : {}),
    })
    const { items: _items, page: _page, total: _total, ...rest } = out
    setMeta(rest)
    return out
  }, [activityId, filter])
  const list = usePagedList(`roster:${activityId}:${filter ?? 'all'}`, load)
  return { ...list, meta }
}
