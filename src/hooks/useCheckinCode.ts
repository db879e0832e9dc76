import { useCallback, useEffect, useRef, useState } from 'react'
import { activityApi } from '@/components/activity/api'
import { messageOf } from '@/services/call'

/**
 * The member's check-in code: a signed token that expires within a minute, fetched again every
 * `refreshInSeconds` while shown, so a screenshot stops working and a scanned code cannot be reused.
 */
export function useCheckinCode(activityId: string, active: boolean) {
  const [token, setToken] = useState<string | null>(null)
  const [error, setError] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const fetchCode = useCallback(async () => {
    try {
      const out = await activityApi.checkinToken(activityId)
      setToken(out.token)
      setError('')
      timer.current = setTimeout(() => void fetchCode(), out.refreshInSeconds * 1000)
    } catch (err) {
      setError(messageOf(err))
    }
  }, [activityId])

  useEffect(() => {
    if (!active) return undefined
    void fetchCode()
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [active, fetchCode])

  return { token, error, refresh: fetchCode }
}
