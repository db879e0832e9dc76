import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '@/services/call'

/** What a check-in code action answers (activity.checkinToken, congress.checkinToken). */
export interface CheckinCodeAnswer { token: string; refreshInSeconds: number }

/**
 * The member's check-in code: a signed token that expires within a minute, fetched again every
 * `refreshInSeconds` while shown, so a screenshot stops working and a scanned code cannot be reused.
 * `codeKey` names what the code is for (an activity, a session): a new key fetches a new code.
 */
export function useCheckinCode(codeKey: string, fetcher: () => Promise<CheckinCodeAnswer>, active: boolean) {
  const [token, setToken] = useState<string | null>(null)
  const [error, setError] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // the latest fetcher, so a caller's inline arrow does not restart the refresh loop on every render
  const latest = useRef(fetcher)
  latest.current = fetcher

  const fetchCode = useCallback(async () => {
    try {
      const out = await latest.current()
      setToken(out.token)
      setError('')
      timer.current = setTimeout(() => void fetchCode(), out.refreshInSeconds * 1000)
    } catch (err) {
      setError(messageOf(err))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- codeKey names what the code is for: a new one starts a new loop
  }, [codeKey])

  useEffect(() => {
    if (!active) return undefined
    void fetchCode()
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [active, fetchCode])

  return { token, error, refresh: fetchCode }
}
