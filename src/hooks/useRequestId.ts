import { useCallback, useState } from 'react'
import { newRequestId } from '@/services/request-id'

/**
 * The request id of the form on screen: the same across double taps, retries after a network
 * error and a reopened confirmation, so the function creates the thing once (create-once.ts).
 * Call `renew()` after a create succeeded and the form is cleared for the next one.
 */
export function useRequestId(): [string, () => void] {
  const [id, setId] = useState(newRequestId)
  const renew = useCallback(() => setId(newRequestId()), [])
  return [id, renew]
}
