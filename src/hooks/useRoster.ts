import { useCallback, useState } from 'react'
import type { RegistrationState, RosterOutput } from '../../types/activity'
import { activityApi } from '@/components/activity/api'
import { usePagedList } from './usePagedList'

export type RosterFilter = RegistrationState | 'checkedIn' | undefined

/** The organiser's roster of one activity, filtered by state or attendance; counts come with each page. */
export function useRoster(activityId: string, filter: RosterFilter) {
  const [meta, setMeta] = useState<Pick<RosterOutput, 'counts' | 'fields' | 'title'> | null>(null)
  const load = useCallback(async (page: number) => {
    const out = await activityApi.roster({
      activityId, page,
      ...(filter === 'checkedIn' ? { checkedIn: true } : filter ? { state: filter } : {}),
    })
    setMeta({ counts: out.counts, fields: out.fields, title: out.title })
    return out
  }, [activityId, filter])
  const list = usePagedList(`roster:${activityId}:${filter ?? 'all'}`, load)
  return { ...list, meta }
}
